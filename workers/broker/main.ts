/** The embedded broker as a supervised process (launcher). */
import { startEmbeddedBroker } from '../../platform/infra/embedded-broker.ts';
import { env } from '../../platform/env.ts';
import { logger } from '../../platform/log.ts';
import { watchLoopStalls } from '../../platform/loop-stalls.ts';

const log = logger('broker');
watchLoopStalls(log);
const b = await startEmbeddedBroker(env.MQTT_PORT);
log.info({ port: b.port }, 'embedded MQTT broker (aedes) listening');
process.send?.({ type: 'ready' });
const stop = async () => {
  await b.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
