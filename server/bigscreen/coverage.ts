/**
 * Coverage against the plan, reusing the rollout team's matrix (server/rollout/coverage.ts): units in service
 * over the target, next to the share the plan expects by today, in total and per county. When the rollout
 * tables are unavailable the fallback is the registry itself: (in service + commissioned) / all sites.
 */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Principal, type Scope } from '../../platform/scope.ts';
import { coverageMatrix } from '../rollout/coverage.ts';
import { planVerdict, ratio, type PlanVerdict } from '../../lib/domain/kpi/index.ts';

export interface CoverageFigure {
  covered: number;
  target: number;
  /** covered / target, 0..1 (null: no target) */
  share: number | null;
  /** the share the plan expects by today, 0..1 (null: unknown) */
  expected: number | null;
  source: 'plan' | 'registry';
  /** complete / ahead / on track / behind (docs/KPI.md: 计划进度); null: no verdict */
  verdict: PlanVerdict | null;
}

export interface CoverageSummary {
  total: CoverageFigure;
  byCounty: Record<number, CoverageFigure>;
}

export async function coverageSummary(sql: Sql, p: Principal, county?: number): Promise<CoverageSummary> {
  try {
    const m = await coverageMatrix(sql, p, county ? { county } : {});
    const fig = (c: { covered: number; target: number; share: number | null }): CoverageFigure => ({
      covered: c.covered,
      target: c.target,
      share: c.share,
      expected: m.expected,
      source: 'plan',
      verdict: planVerdict(c.share, m.expected),
    });
    const byCounty: Record<number, CoverageFigure> = {};
    for (const [k, v] of Object.entries(m.rowTotals)) byCounty[Number(k)] = fig(v);
    return { total: fig(m.total), byCounty };
  } catch (e) {
    console.warn('[bigscreen] coverage matrix unavailable, using the registry', (e as Error).message);
    return registryCoverage(sql, p.scope, county);
  }
}

export async function registryCoverage(sql: Sql, scope: Scope, county?: number): Promise<CoverageSummary> {
  const rows = await sql<{ county: number; covered: number; total: number }[]>`
    SELECT s.county_adcode AS county,
           count(*) FILTER (WHERE s.rollout_state IN ('in_service', 'commissioned'))::int AS covered,
           count(*)::int AS total
    FROM sites s WHERE ${siteScopeSql(sql, scope)} AND ${county ? sql`s.county_adcode = ${county}` : sql`true`}
    GROUP BY 1`;
  const fig = (covered: number, target: number): CoverageFigure => ({
    covered,
    target,
    share: ratio(covered, target),
    expected: null,
    source: 'registry',
    verdict: planVerdict(ratio(covered, target), null),
  });
  const byCounty: Record<number, CoverageFigure> = {};
  let c = 0;
  let t = 0;
  for (const r of rows) {
    byCounty[r.county] = fig(r.covered, r.total);
    c += r.covered;
    t += r.total;
  }
  return { total: fig(c, t), byCounty };
}
