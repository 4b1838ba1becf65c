/** Shared setup of the public-section integration tests: seeded PostGIS, services() pointed at it, requests. */
import type { Sql } from '../../../platform/db.ts';
import { createSession } from '../../../server/auth/session.ts';
import { clearPublicCache } from '../../../server/public/cache.ts';

export function useServices(sql: Sql) {
  (globalThis as Record<symbol, unknown>)[Symbol.for('esms.services')] = { env: {}, sql, db: null };
  clearPublicCache();
}

export const BASE = 'http://portal.test';

export function publicRequest(path: string, init: RequestInit & { ip?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('host', 'portal.test');
  headers.set('x-esms-client-ip', init.ip ?? '203.0.113.7');
  if (init.method && init.method !== 'GET') headers.set('origin', BASE);
  return new Request(BASE + path, { ...init, headers });
}

export async function sessionCookieFor(sql: Sql, username: string) {
  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  if (!u) throw new Error(`no user ${username}`);
  const { token } = await createSession(sql, u.id, 1, {});
  return `esms_session=${token}`;
}

export async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
