/**
 * The county filter of the big screen, expressed as a Scope so every query (ours and the reused workflow /
 * rollout ones) applies one rule: the principal's scope (server/auth/scope.ts) intersected with the county.
 */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';

export async function narrowScope(sql: Sql, scope: Scope, county: number | undefined): Promise<Scope> {
  if (county == null) return scope;
  if (scope.kind === 'all') return { kind: 'county', adcode: county };
  if (scope.kind === 'county') return scope.adcode === county ? scope : { kind: 'sites', siteIds: [] };
  // sectors or a site list: the exact intersection as a site list (a county holds at most a few thousand)
  const rows = await sql<{ id: string }[]>`
    SELECT s.id FROM sites s WHERE ${siteScopeSql(sql, scope)} AND s.county_adcode = ${county}`;
  return { kind: 'sites', siteIds: rows.map((r) => r.id) };
}
