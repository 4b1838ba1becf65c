/**
 * The embedded broker (aedes) as a supervised process: started first and stopped last by the launcher. Every
 * client authenticates against the credential registry (devices, gateways) or MQTT_SERVICE_KEY (services).
 */
import { startEmbeddedBroker } from '../../platform/infra/embedded-broker.ts';
import { createBrokerAuth } from '../../platform/mqtt-auth/aedes-auth.ts';
import { createSql } from '../../platform/db.ts';
import { env } from '../../platform/env.ts';
import { runProcess } from '../../platform/process.ts';

await runProcess({
  name: 'broker',
  async start({ log }) {
    if (!env.DATABASE_URL || !env.MQTT_SERVICE_KEY) throw new Error('DATABASE_URL and MQTT_SERVICE_KEY must be set (the launcher sets them)');
    const sql = createSql(env.DATABASE_URL, { max: 4, app: 'esms-broker' });
    const auth = createBrokerAuth({ sql, serviceKey: env.MQTT_SERVICE_KEY, ingestClientId: env.INGEST_CLIENT_ID });
    const useTls = !!(env.MQTT_TLS_CERT && env.MQTT_TLS_KEY);
    const b = await startEmbeddedBroker(env.MQTT_PORT, {
      host: env.MQTT_HOST,
      auth,
      tls: useTls ? { port: env.MQTT_TLS_PORT, host: env.MQTT_TLS_HOST, certFile: env.MQTT_TLS_CERT!, keyFile: env.MQTT_TLS_KEY! } : undefined,
    });
    log.info({ port: b.port, host: env.MQTT_HOST, tlsPort: b.tlsPort }, 'embedded MQTT broker (aedes) listening, authentication required');
    return [
      { name: 'database', stop: () => sql.end({ timeout: 2 }) },
      { name: 'mqtt broker', stop: () => b.close() },
    ];
  },
});
