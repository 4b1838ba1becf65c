/**
 * Site counts on the county collection. With a token: the caller's in-scope sites per county (nothing they
 * cannot already see). Without: the public, k-anonymous aggregates (server/public/aggregates.ts, kanon.ts).
 */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Principal } from '../../platform/scope.ts';
import { COVERED_STATES, publicStats } from '../public/aggregates.ts';
import { rate } from '../public/kanon.ts';

export interface CountyCounts {
  sites_total: number | null;
  sites_covered: number | null;
  coverage_pct: number | null;
}

export async function countyCounts(sql: Sql, p: Principal | null): Promise<Map<number, CountyCounts>> {
  const out = new Map<number, CountyCounts>();
  if (!p) {
    for (const c of (await publicStats(sql)).counties) out.set(c.adcode, { sites_total: c.total, sites_covered: c.covered, coverage_pct: c.rate });
    return out;
  }
  const rows = await sql<{ adcode: number; total: number; covered: number }[]>`
    SELECT s.county_adcode AS adcode, count(*)::int AS total,
           count(*) FILTER (WHERE s.rollout_state IN ${sql(COVERED_STATES as unknown as string[])})::int AS covered
    FROM sites s WHERE ${siteScopeSql(sql, p.scope, 's')} GROUP BY 1`;
  for (const r of rows) out.set(r.adcode, { sites_total: r.total, sites_covered: r.covered, coverage_pct: rate(r.covered, r.total, 1) });
  return out;
}
