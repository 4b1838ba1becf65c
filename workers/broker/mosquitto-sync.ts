/**
 * External Mosquitto (MQTT_URL with MOSQUITTO_AUTH_DIR): keeps its password_file and acl_file in step with the
 * credential registry and runs MOSQUITTO_RELOAD after each change (platform/mqtt-auth/mosquitto-sync.ts). Ready
 * once the first files are in force, so the launcher starts the services that connect only after that.
 */
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { createSql } from '../../platform/db.ts';
import { env } from '../../platform/env.ts';
import { startMosquittoSync } from '../../platform/mqtt-auth/mosquitto-sync.ts';
import { runProcess } from '../../platform/process.ts';

const run = promisify(exec);

await runProcess({
  name: 'mosquitto-sync',
  async start({ log }) {
    if (!env.DATABASE_URL || !env.MQTT_SERVICE_KEY || !env.MOSQUITTO_AUTH_DIR) {
      throw new Error('DATABASE_URL, MQTT_SERVICE_KEY and MOSQUITTO_AUTH_DIR must be set (the launcher sets the first two)');
    }
    const sql = createSql(env.DATABASE_URL, { max: 2, app: 'esms-mosquitto-sync' });
    const reloadCmd = env.MOSQUITTO_RELOAD;
    if (!reloadCmd) log.warn('MOSQUITTO_RELOAD is not set: Mosquitto rereads the files only when it is reloaded by someone else');
    const sync = await startMosquittoSync({
      sql,
      dir: env.MOSQUITTO_AUTH_DIR,
      serviceKey: env.MQTT_SERVICE_KEY,
      reload: async () => {
        if (reloadCmd) await run(reloadCmd, { timeout: 10_000 });
      },
    });
    log.info({ dir: env.MOSQUITTO_AUTH_DIR }, 'mosquitto auth files in step with the registry');
    return [
      { name: 'database', stop: () => sql.end({ timeout: 2 }) },
      { name: 'sync', stop: () => sync.close() },
    ];
  },
});
