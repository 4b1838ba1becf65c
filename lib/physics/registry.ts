/**
 * Synthetic fleet layout for scenarios (tests/benchmarks only — the real registry comes from the database
 * seed): devices of N channels, two devices per site, categories round-robin over SITE_CATEGORIES,
 * load types / phases / breaker ratings / cable sizes typical of each category.
 */
import { INSULATION_LIMIT_C, type Insulation, type LoadType, type RegistryEntry, type SiteCategory } from '../protocol/v1.ts';
import { ampacityA } from './params.ts';
import type { Rng } from './rng.ts';

const LOADS: Record<string, [LoadType, number][]> = {
  temple: [
    ['lighting', 0.4],
    ['heating', 0.2],
    ['sockets', 0.2],
    ['mixed', 0.2],
  ],
  relic: [
    ['lighting', 0.5],
    ['sockets', 0.2],
    ['mixed', 0.3],
  ],
  school: [
    ['heating', 0.35],
    ['lighting', 0.25],
    ['sockets', 0.2],
    ['mixed', 0.2],
  ],
  welfare: [
    ['heating', 0.3],
    ['mixed', 0.3],
    ['lighting', 0.2],
    ['sockets', 0.2],
  ],
  hospital: [
    ['mixed', 0.3],
    ['sockets', 0.3],
    ['motor', 0.15],
    ['lighting', 0.15],
    ['heating', 0.1],
  ],
  mall: [
    ['lighting', 0.3],
    ['mixed', 0.3],
    ['sockets', 0.2],
    ['motor', 0.2],
  ],
  entertainment: [
    ['lighting', 0.4],
    ['sockets', 0.3],
    ['mixed', 0.3],
  ],
  gas: [
    ['motor', 0.5],
    ['lighting', 0.3],
    ['mixed', 0.2],
  ],
  mine: [
    ['motor', 0.6],
    ['mixed', 0.2],
    ['lighting', 0.2],
  ],
  hazchem: [
    ['motor', 0.5],
    ['mixed', 0.3],
    ['lighting', 0.2],
  ],
};
const INDUSTRIAL = new Set(['mine', 'hazchem', 'hospital', 'mall']);
const CABLES = [1.5, 2.5, 4, 6, 10, 16, 25, 35, 50, 70, 95, 120, 150, 185, 240];
const IN_1P = [10, 16, 20, 25, 32, 40];
const IN_3P = [32, 40, 63, 80, 100, 125, 160, 250];

function weighted<T>(rng: Rng, xs: [T, number][]): T {
  let u = rng.next() * xs.reduce((s, x) => s + x[1], 0);
  for (const [v, w] of xs) if ((u -= w) < 0) return v;
  return xs[xs.length - 1][0];
}

const code = (c: string): string => c.slice(0, 3).toUpperCase();

export interface FleetDevice {
  device: string;
  site: string;
  siteCategory: SiteCategory;
  entries: RegistryEntry[];
  caps: { voltage: boolean; arc: boolean; ambient: boolean };
}

export function buildFleet(
  rng: Rng,
  circuits: number,
  perDevice: number,
  categories: readonly SiteCategory[],
  intervalS: number,
): FleetDevice[] {
  const out: FleetDevice[] = [];
  const siteCount: Record<string, number> = {};
  const nDev = Math.ceil(circuits / perDevice);
  for (let d = 0; d < nDev; d++) {
    const cat = categories[Math.floor(d / 2) % categories.length];
    if (d % 2 === 0) siteCount[cat] = (siteCount[cat] ?? 0) + 1;
    const site = `SIM-${code(cat)}-${String(siteCount[cat]).padStart(4, '0')}`;
    const device = `${site}-D${(d % 2) + 1}`;
    const nCh = Math.min(perDevice, circuits - d * perDevice);
    const entries: RegistryEntry[] = [];
    for (let ch = 1; ch <= nCh; ch++) {
      const three = rng.chance(ch === 1 ? (INDUSTRIAL.has(cat) ? 0.8 : 0.5) : INDUSTRIAL.has(cat) ? 0.4 : 0.15);
      let loadType = weighted(rng, LOADS[cat] ?? LOADS.hospital);
      if (three && loadType !== 'motor' && loadType !== 'heating') loadType = 'mixed';
      const In = rng.pick(three ? IN_3P : IN_1P);
      const old = cat === 'temple' || cat === 'relic';
      const insulation: Insulation = weighted(rng, [
        ['PVC', 0.6],
        ['XLPE', old ? 0.15 : 0.3],
        ['rubber', old ? 0.25 : 0.1],
      ]);
      let ci = CABLES.findIndex((s) => ampacityA(s, insulation) >= In);
      if (ci < 0) ci = CABLES.length - 1;
      if (rng.chance(0.12) && ci < CABLES.length - 1) ci++; // some installers size up
      entries.push({
        device,
        ch,
        site,
        siteCategory: cat,
        phases: three ? 3 : 1,
        ratedCurrentA: In,
        cableMm2: CABLES[ci],
        insulation,
        maxConductorC: INSULATION_LIMIT_C[insulation],
        loadType,
        reportIntervalS: intervalS,
      });
    }
    out.push({
      device,
      site,
      siteCategory: cat,
      entries,
      caps: { voltage: rng.chance(0.75), arc: rng.chance(0.85), ambient: rng.chance(0.95) },
    });
  }
  return out;
}
