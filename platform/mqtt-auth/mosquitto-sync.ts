/**
 * Keeps an external Mosquitto's password_file and acl_file in step with the registry: written at start and after
 * every change (LISTEN esms_mqtt_credentials, debounced), then `reload()` (SIGHUP, or the operator's
 * MOSQUITTO_RELOAD command). On reload Mosquitto drops the connected clients the new files no longer admit,
 * so a revocation takes effect at once there too.
 */
import type { Sql } from '../db.ts';
import { logger } from '../log.ts';
import { mosquittoFiles, writeMosquittoFiles } from './mosquitto-files.ts';
import { activeCredentials } from './registry.ts';

const log = logger('broker.mosquitto-sync');

export interface MosquittoSync {
  /** resolves once the files written so far are in force */
  synced(): Promise<void>;
  close(): Promise<void>;
}

export async function startMosquittoSync(o: { sql: Sql; dir: string; serviceKey: string; reload: () => Promise<void> | void; debounceMs?: number }): Promise<MosquittoSync> {
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const sync = () => {
    running = running.then(async () => {
      const rows = await activeCredentials(o.sql);
      writeMosquittoFiles(o.dir, mosquittoFiles(rows, o.serviceKey));
      await o.reload();
      log.info({ credentials: rows.length }, 'mosquitto auth files written and reloaded');
    }).catch((e: Error) => log.error({ err: e.message }, 'mosquitto auth files not updated'));
    return running;
  };
  const l = await o.sql.listen('esms_mqtt_credentials', () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      void sync();
    }, o.debounceMs ?? 200);
  });
  await sync();
  return {
    synced: async () => {
      while (timer) await new Promise((r) => setTimeout(r, 20));
      await running;
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      await l.unlisten().catch(() => {});
      await running;
    },
  };
}
