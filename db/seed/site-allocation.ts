/** How many sites of each category each county gets: weights, minimums, largest remainder. */
import { KARUO } from '../../lib/domain/counties.ts';
import { SITE_CATEGORIES, type SiteCategory } from '../../lib/protocol/v1.ts';
import type { CountyCtx } from './site-types.ts';

/** relative weight of each category in the generated mix */
const CATEGORY_WEIGHT: Record<SiteCategory, number> = {
  temple: 0.3, school: 0.17, hospital: 0.12, gas: 0.09, entertainment: 0.06, relic: 0.06,
  mine: 0.035, hazchem: 0.035, welfare: 0.025, mall: 0.014,
};
const CATEGORY_MIN: Partial<Record<SiteCategory, number>> = { welfare: 2 };
const COUNTY_WEIGHT: Record<number, number> = {
  540302: 2.1, 540321: 1.0, 540322: 0.7, 540323: 0.8, 540324: 1.0, 540325: 0.9, 540326: 0.85, 540327: 0.8,
  540328: 1.0, 540329: 0.8, 540330: 0.7,
};

/** counts[adcode][category] of ALL sites (real included), summing to `total` (or the minimum possible). */
export function allocate(ctxs: CountyCtx[], realCounts: Map<string, number>, total: number): Map<string, number> {
  const key = (a: number, c: SiteCategory) => `${a}:${c}`;
  const counts = new Map<string, number>();
  let minimum = 0;
  for (const ctx of ctxs)
    for (const cat of SITE_CATEGORIES) {
      const m = Math.max(CATEGORY_MIN[cat] ?? 1, realCounts.get(key(ctx.data.adcode, cat)) ?? 0);
      counts.set(key(ctx.data.adcode, cat), m);
      minimum += m;
    }
  const target = Math.max(total, minimum);
  const cw = (a: number, cat: SiteCategory) => {
    let w = COUNTY_WEIGHT[a] ?? 1;
    if (cat === 'mall') w = a === KARUO ? 10 : 0.35;
    if (cat === 'entertainment' && a === KARUO) w *= 2.2;
    if (cat === 'mine' && a === KARUO) w *= 0.5;
    if (cat === 'hazchem' && a === KARUO) w *= 1.6;
    return w;
  };
  // ideal shares → largest remainder over the cells, never below the minimum
  const cells: { k: string; ideal: number }[] = [];
  let wsum = 0;
  for (const ctx of ctxs) for (const cat of SITE_CATEGORIES) wsum += CATEGORY_WEIGHT[cat] * cw(ctx.data.adcode, cat);
  for (const ctx of ctxs)
    for (const cat of SITE_CATEGORIES)
      cells.push({ k: key(ctx.data.adcode, cat), ideal: (target * CATEGORY_WEIGHT[cat] * cw(ctx.data.adcode, cat)) / wsum });
  let assigned = minimum;
  // raise cells toward their ideal, the most under-served first
  while (assigned < target) {
    let best = cells[0];
    let bestGap = -Infinity;
    for (const c of cells) {
      const gap = c.ideal - (counts.get(c.k) ?? 0);
      if (gap > bestGap) {
        bestGap = gap;
        best = c;
      }
    }
    counts.set(best.k, (counts.get(best.k) ?? 0) + 1);
    assigned++;
  }
  return counts;
}
