/**
 * Everything the big screen's panels show in one round trip (KPIs, hazards, coverage, breakdowns, ticker),
 * for the principal's scope narrowed to a county when one is chosen. Each part is its own scoped query.
 */
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import { countHazards, type HazardCounts } from '../workflow/hazards/count.ts';
import { byCounty, type CountyFigures } from './by-county.ts';
import { bySector, type SectorFigures } from './by-sector.ts';
import { coverageSummary, type CoverageSummary } from './coverage.ts';
import { liveKpis, type LiveKpis } from './kpis.ts';
import { narrowScope } from './narrow-scope.ts';
import { recentAlarms, type TickerItem } from './ticker.ts';

export interface BigscreenSummary {
  at: number;
  county: number | null;
  kpis: LiveKpis;
  hazards: HazardCounts;
  coverage: CoverageSummary;
  sectors: SectorFigures[];
  /** all counties in the principal's scope (the choropleth and the county chart ignore the county filter) */
  counties: CountyFigures[];
  ticker: TickerItem[];
}

export async function bigscreenSummary(sql: Sql, p: Principal, county?: number): Promise<BigscreenSummary> {
  const scope = await narrowScope(sql, p.scope, county);
  const now = new Date();
  const [kpis, hazards, coverage, sectors, counties, ticker] = await Promise.all([
    liveKpis(sql, scope, now),
    countHazards(sql, scope, now),
    coverageSummary(sql, p, county),
    bySector(sql, scope, now),
    byCounty(sql, p.scope, now),
    recentAlarms(sql, scope, 30),
  ]);
  return { at: now.getTime(), county: county ?? null, kpis, hazards, coverage, sectors, counties, ticker };
}
