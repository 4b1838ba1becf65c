/** The embedded broker (aedes) as a supervised process: started first and stopped last by the launcher. */
import { startEmbeddedBroker } from '../../platform/infra/embedded-broker.ts';
import { env } from '../../platform/env.ts';
import { runProcess } from '../../platform/process.ts';

await runProcess({
  name: 'broker',
  async start({ log }) {
    const b = await startEmbeddedBroker(env.MQTT_PORT);
    log.info({ port: b.port }, 'embedded MQTT broker (aedes) listening');
    return [{ name: 'mqtt broker', stop: () => b.close() }];
  },
});
