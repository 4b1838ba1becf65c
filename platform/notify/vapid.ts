/**
 * VAPID keys for Web Push, generated once (P-256, as web-push does) and kept in `meta` so every process and
 * restart signs with the same pair. Concurrent first calls agree through ON CONFLICT.
 */
import { createECDH } from 'node:crypto';
import type { Sql } from '../db.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}
const KEY = 'notify.vapid';

export async function ensureVapid(sql: Sql): Promise<VapidKeys> {
  const [row] = await sql<{ value: VapidKeys }[]>`SELECT value FROM meta WHERE key = ${KEY}`;
  if (row) return row.value;
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const fresh: VapidKeys = { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: pad32(ecdh.getPrivateKey()).toString('base64url') };
  await sql`INSERT INTO meta (key, value) VALUES (${KEY}, ${sql.json(fresh as never)}) ON CONFLICT (key) DO NOTHING`;
  const [after] = await sql<{ value: VapidKeys }[]>`SELECT value FROM meta WHERE key = ${KEY}`;
  return after.value;
}

const pad32 = (b: Buffer) => (b.length >= 32 ? b : Buffer.concat([Buffer.alloc(32 - b.length), b]));
