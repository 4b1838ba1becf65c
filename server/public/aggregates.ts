/**
 * Aggregates for the public pages: coverage per county and sector (k-anonymous, see kanon.ts) and hazards
 * found and fixed this year. Nothing here returns a site id, name, coordinate or device id.
 */
import type { Sql } from '../../platform/db.ts';
import { cached } from './cache.ts';
import { mergeSmallCells, rate, K, type Cell } from './kanon.ts';

/** sites whose monitoring is live */
export const COVERED_STATES = ['commissioned', 'in_service'] as const;
export const STATS_TTL_MS = 60_000;

export interface CountyStats {
  adcode: number;
  /** null when the county has fewer than K sites */
  total: number | null;
  covered: number | null;
  rate: number | null;
  sectors: Cell[];
  suppressed: boolean;
}

export interface PublicStats {
  generatedAt: string;
  k: number;
  total: number;
  covered: number;
  rate: number | null;
  hazardsFound: number;
  hazardsFixed: number;
  sectors: Cell[];
  counties: CountyStats[];
}

export async function computeStats(sql: Sql): Promise<PublicStats> {
  const cells = await sql<{ adcode: number; category: string; total: number; covered: number }[]>`
    SELECT c.adcode, s.category, count(s.id)::int AS total,
           count(s.id) FILTER (WHERE s.rollout_state IN ${sql(COVERED_STATES as unknown as string[])})::int AS covered
    FROM counties c LEFT JOIN sites s ON s.county_adcode = c.adcode
    GROUP BY c.adcode, s.category ORDER BY c.adcode`;
  const [hz] = await sql<{ found: number; fixed: number }[]>`
    WITH y AS (SELECT date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' AS start)
    SELECT count(*) FILTER (WHERE h.created_at >= y.start)::int AS found,
           count(*) FILTER (WHERE h.state IN ('verified','closed') AND coalesce(h.closed_at, h.updated_at) >= y.start)::int AS fixed
    FROM hazards h, y`;

  const byCounty = new Map<number, Cell[]>();
  const bySector = new Map<string, Cell>();
  for (const r of cells) {
    const list = byCounty.get(r.adcode) ?? [];
    byCounty.set(r.adcode, list);
    if (!r.category) continue;
    list.push({ category: r.category, total: r.total, covered: r.covered });
    const s = bySector.get(r.category) ?? { category: r.category, total: 0, covered: 0 };
    s.total += r.total;
    s.covered += r.covered;
    bySector.set(r.category, s);
  }
  const counties: CountyStats[] = [...byCounty].map(([adcode, list]) => {
    const total = list.reduce((a, c) => a + c.total, 0);
    const covered = list.reduce((a, c) => a + c.covered, 0);
    if (total < K) return { adcode, total: null, covered: null, rate: null, sectors: [], suppressed: total > 0 };
    const m = mergeSmallCells(list);
    return { adcode, total, covered, rate: rate(covered, total), sectors: m.cells, suppressed: m.suppressed };
  });
  const total = counties.reduce((a, c) => a + (c.total ?? 0), 0);
  const covered = counties.reduce((a, c) => a + (c.covered ?? 0), 0);
  return {
    generatedAt: new Date().toISOString(),
    k: K,
    total,
    covered,
    rate: rate(covered, total),
    hazardsFound: hz?.found ?? 0,
    hazardsFixed: hz?.fixed ?? 0,
    sectors: mergeSmallCells([...bySector.values()]).cells,
    counties,
  };
}

export function publicStats(sql: Sql): Promise<PublicStats> {
  return cached('stats', STATS_TTL_MS, () => computeStats(sql));
}

export interface CoverageFeature {
  type: 'Feature';
  properties: { adcode: number; rate: number | null };
  geometry: unknown;
}

/** County polygons at 0.01° (about 1 km): enough for a phone map, far coarser than any site position. */
export async function computeCoverageGeoJson(sql: Sql) {
  const stats = await publicStats(sql);
  const rates = new Map(stats.counties.map((c) => [c.adcode, c.rate]));
  const rows = await sql<{ adcode: number; geom: unknown }[]>`
    SELECT adcode, ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, 0.01), 2)::json AS geom FROM counties ORDER BY adcode`;
  return {
    type: 'FeatureCollection' as const,
    features: rows.map<CoverageFeature>((r) => ({ type: 'Feature', properties: { adcode: r.adcode, rate: rates.get(r.adcode) ?? null }, geometry: r.geom })),
  };
}

export function publicCoverage(sql: Sql) {
  return cached('coverage', STATS_TTL_MS, () => computeCoverageGeoJson(sql));
}
