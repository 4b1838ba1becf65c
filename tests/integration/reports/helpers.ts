/** Shared helpers of the reports integration tests: principals of demo accounts. */
import type { Sql } from '../../../platform/db.ts';
import { loadPrincipalForUser } from '../../../platform/principal.ts';

export async function principal(sql: Sql, username: string) {
  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  const p = await loadPrincipalForUser(sql, u.id);
  if (!p) throw new Error(`no principal for ${username}`);
  return p;
}
