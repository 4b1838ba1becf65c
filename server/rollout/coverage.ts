/**
 * The coverage matrix: county × sector against targets and the phase deadlines, as of a day. A site counts as
 * reached a stage on day D when that stage's date is ≤ D (dates are cleared when a site moves back), so the
 * matrix can be replayed for any day of the plan. One grouped query; scope-filtered (server/auth/scope.ts).
 */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Principal } from '../../platform/scope.ts';
import { bjDay, expectedShareAt, phaseAt, type Phase } from '../../lib/domain/rollout/phases.ts';
import { loadPhases } from './phases.ts';
import { ensureTargets } from './targets.ts';
import type { CoverageFilter } from './filters.ts';

/** below the expected share by more than this: behind schedule; by more than LAGGARD_GAP: a laggard */
export const BEHIND_TOL = 0.02;
export const LAGGARD_GAP = 0.25;
export type CellStatus = 'none' | 'ok' | 'behind' | 'laggard';

export interface CoverageCell {
  county: number;
  category: string;
  target: number;
  targetDerived: boolean;
  total: number;
  eligible: number;
  pilots: number;
  surveyed: number;
  installed: number;
  commissioned: number;
  inService: number;
  /** by the chosen metric */
  covered: number;
  share: number | null;
  expected: number;
  gap: number | null;
  status: CellStatus;
}

export interface CoverageMatrix {
  asOf: string;
  metric: 'in_service' | 'installed';
  phase: Phase | null;
  phases: Phase[];
  expected: number;
  cells: CoverageCell[];
  counties: { adcode: number; nameZh: string; nameEn: string }[];
  categories: string[];
  rowTotals: Record<number, CoverageCell>;
  colTotals: Record<string, CoverageCell>;
  total: CoverageCell;
}

export function classify(covered: number, target: number, expected: number): { share: number | null; gap: number | null; status: CellStatus } {
  if (target <= 0) return { share: null, gap: null, status: 'none' };
  const share = covered / target;
  const gap = expected - share;
  const status: CellStatus = expected <= 0 || gap <= BEHIND_TOL ? 'ok' : gap > LAGGARD_GAP ? 'laggard' : 'behind';
  return { share, gap, status };
}

function sum(cells: CoverageCell[], county: number, category: string, expected: number): CoverageCell {
  const z = { target: 0, total: 0, eligible: 0, pilots: 0, surveyed: 0, installed: 0, commissioned: 0, inService: 0, covered: 0 };
  for (const c of cells) for (const k of Object.keys(z) as (keyof typeof z)[]) z[k] += c[k];
  return { county, category, targetDerived: cells.every((c) => c.targetDerived), expected, ...z, ...classify(z.covered, z.target, expected) };
}

export async function coverageMatrix(sql: Sql, p: Principal, f: CoverageFilter = {}): Promise<CoverageMatrix> {
  const asOf = f.asOf ?? bjDay();
  const metric = f.metric ?? 'in_service';
  await ensureTargets(sql);
  const phases = await loadPhases(sql);
  const expected = expectedShareAt(asOf, phases);
  const scope = siteScopeSql(sql, p.scope, 's');
  // targets are per cell: for a site-list scope the cell's own sites are the target
  const useTargets = p.scope.kind !== 'sites';
  const tScope = useTargets ? siteScopeSql(sql, p.scope, 't') : sql`false`;
  const fc = (alias: string) => sql`${f.county ? sql`${sql.unsafe(alias)}.county_adcode = ${f.county}` : sql`true`}
    AND ${f.category ? sql`${sql.unsafe(alias)}.category = ${f.category}` : sql`true`}`;
  const rows = await sql<{ county: number; category: string; target: number | null; derived: boolean | null; total: number; eligible: number; pilots: number; surveyed: number; installed: number; commissioned: number; in_service: number }[]>`
    WITH c AS (
      SELECT s.county_adcode, s.category, count(*)::int AS total,
             count(*) FILTER (WHERE s.power_ok AND s.network_ok)::int AS eligible,
             count(*) FILTER (WHERE s.is_pilot)::int AS pilots,
             count(*) FILTER (WHERE s.surveyed_at <= ${asOf}::date)::int AS surveyed,
             count(*) FILTER (WHERE s.installed_at <= ${asOf}::date)::int AS installed,
             count(*) FILTER (WHERE s.commissioned_at <= ${asOf}::date)::int AS commissioned,
             count(*) FILTER (WHERE s.in_service_at <= ${asOf}::date)::int AS in_service
      FROM sites s WHERE ${scope} AND ${fc('s')} GROUP BY 1, 2
    ), t AS (SELECT t.* FROM rollout_targets t WHERE ${tScope} AND ${fc('t')})
    SELECT coalesce(c.county_adcode, t.county_adcode) AS county, coalesce(c.category, t.category) AS category,
           t.target_units AS target, t.derived, coalesce(c.total, 0) AS total, coalesce(c.eligible, 0) AS eligible,
           coalesce(c.pilots, 0) AS pilots, coalesce(c.surveyed, 0) AS surveyed, coalesce(c.installed, 0) AS installed,
           coalesce(c.commissioned, 0) AS commissioned, coalesce(c.in_service, 0) AS in_service
    FROM c FULL JOIN t ON t.county_adcode = c.county_adcode AND t.category = c.category
    ORDER BY 1, 2`;
  const counties = await sql<{ adcode: number; nameZh: string; nameEn: string }[]>`
    SELECT adcode, name_zh AS "nameZh", name_en AS "nameEn" FROM counties
    WHERE adcode = ANY(${[...new Set(rows.map((r) => r.county))]}::int[]) ORDER BY adcode`;
  const cells: CoverageCell[] = rows.map((r) => {
    const target = useTargets ? (r.target ?? r.eligible) : r.total;
    const covered = metric === 'in_service' ? r.in_service : r.installed;
    return {
      county: r.county, category: r.category, target, targetDerived: r.derived ?? true, total: r.total, eligible: r.eligible,
      pilots: r.pilots, surveyed: r.surveyed, installed: r.installed, commissioned: r.commissioned, inService: r.in_service,
      covered, expected, ...classify(covered, target, expected),
    };
  });
  const categories = [...new Set(cells.map((c) => c.category))];
  const rowTotals: Record<number, CoverageCell> = {};
  for (const c of counties) rowTotals[c.adcode] = sum(cells.filter((x) => x.county === c.adcode), c.adcode, '*', expected);
  const colTotals: Record<string, CoverageCell> = {};
  for (const k of categories) colTotals[k] = sum(cells.filter((x) => x.category === k), 0, k, expected);
  return { asOf, metric, phase: phaseAt(asOf, phases), phases, expected, cells, counties, categories, rowTotals, colTotals, total: sum(cells, 0, '*', expected) };
}
