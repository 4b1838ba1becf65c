/**
 * The two brokers the product supports, each started with registry authentication for the security matrix: the
 * embedded aedes (platform/mqtt-auth/aedes-auth.ts) and a private Mosquitto fed by the password/ACL file sync.
 */
import getPort from 'get-port';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Sql } from '../../../platform/db.ts';
import { startEmbeddedBroker } from '../../../platform/infra/embedded-broker.ts';
import { startMosquitto } from '../../../platform/infra/mosquitto.ts';
import { createBrokerAuth, type BrokerAuth } from '../../../platform/mqtt-auth/aedes-auth.ts';
import { startMosquittoSync } from '../../../platform/mqtt-auth/mosquitto-sync.ts';

export interface SecuredBroker {
  name: 'aedes' | 'mosquitto';
  url: string;
  /** resolves once registry changes made so far are in force in the broker */
  settle(): Promise<void>;
  auth?: BrokerAuth;
  close(): Promise<void>;
}

export async function startSecuredAedes(sql: Sql, serviceKey: string, ingestClientId: string): Promise<SecuredBroker> {
  const auth = createBrokerAuth({ sql, serviceKey, ingestClientId, flushMs: 200 });
  const b = await startEmbeddedBroker(await getPort(), { auth });
  return { name: 'aedes', url: `mqtt://127.0.0.1:${b.port}`, auth, settle: async () => {}, close: () => b.close() };
}

export async function startSecuredMosquitto(sql: Sql, serviceKey: string): Promise<SecuredBroker> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'esms-mosq-auth-'));
  chmodSync(dir, 0o755); // Mosquitto drops privileges to its own user, which must reach the files
  const authDir = path.join(dir, 'auth');
  let reload = () => {};
  const sync = await startMosquittoSync({ sql, dir: authDir, serviceKey, debounceMs: 30, reload: () => reload() });
  const m = await startMosquitto({ port: await getPort(), dir: path.join(dir, 'data'), authDir });
  reload = () => m.reload();
  return {
    name: 'mosquitto',
    url: m.url,
    settle: async () => {
      await new Promise((r) => setTimeout(r, 150)); // the NOTIFY reaches the sync
      await sync.synced();
      await new Promise((r) => setTimeout(r, 250)); // Mosquitto handles SIGHUP in its main loop
    },
    close: async () => {
      await sync.close();
      await m.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
