/**
 * One random secret per installation, kept in the `meta` table: salts the hashes of client addresses and
 * signs form tokens. Created on first use; cached per process.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Sql } from '../../platform/db.ts';

const KEY = Symbol.for('esms.public.secret');
type G = typeof globalThis & { [KEY]?: Promise<string> };

export function publicSecret(sql: Sql): Promise<string> {
  const g = globalThis as G;
  g[KEY] ??= (async () => {
    const fresh = randomBytes(32).toString('base64url');
    await sql`INSERT INTO meta (key, value) VALUES ('public.secret', ${sql.json(fresh)}) ON CONFLICT (key) DO NOTHING`;
    const [row] = await sql<{ value: string }[]>`SELECT value FROM meta WHERE key = 'public.secret'`;
    return row.value;
  })().catch((e) => {
    delete g[KEY];
    throw e;
  });
  return g[KEY]!;
}

export function hashIp(secret: string, ip: string | null): string {
  return createHash('sha256').update(`${secret}\0${ip ?? 'unknown'}`).digest('base64url').slice(0, 32);
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`form\0${payload}`).digest('base64url');

/** A form token: issue time + nonce, signed. The report form fetches one when it opens. */
export function issueFormToken(secret: string, now = Date.now()): string {
  const payload = `${now}.${randomBytes(9).toString('base64url')}`;
  return `${payload}.${sign(secret, payload)}`;
}

export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 6 * 3600_000;

export type TokenCheck = 'ok' | 'invalid' | 'too_fast' | 'expired';

export function checkFormToken(secret: string, token: string | null | undefined, now = Date.now()): TokenCheck {
  if (!token || token.length > 200) return 'invalid';
  const i = token.lastIndexOf('.');
  if (i < 0) return 'invalid';
  const payload = token.slice(0, i);
  const want = Buffer.from(sign(secret, payload));
  const got = Buffer.from(token.slice(i + 1));
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'invalid';
  const issued = Number(payload.split('.')[0]);
  if (!Number.isFinite(issued)) return 'invalid';
  if (now - issued < MIN_FILL_MS) return 'too_fast';
  if (now - issued > MAX_FORM_AGE_MS) return 'expired';
  return 'ok';
}
