/** Shared helpers of the reports integration tests: principals of demo accounts. */
import type { Sql } from '../../../db/client.ts';
import { loadPrincipalForUser } from '../../../server/auth/session.ts';

export async function principal(sql: Sql, username: string) {
  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  const p = await loadPrincipalForUser(sql, u.id);
  if (!p) throw new Error(`no principal for ${username}`);
  return p;
}
