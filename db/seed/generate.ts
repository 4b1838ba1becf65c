/** The whole seed as plain rows, generated in memory: pure and deterministic from (data, seed, sites). */
import { generateSiteAssets, type BuildingRow, type CircuitRow, type DeviceRow, type PanelRow } from './buildings.ts';
import type { ChangduData } from './data.ts';
import { generateSites, type CountyCtx, type SiteRow } from './sites.ts';

export const SEED_VERSION = 1;
export const DEFAULT_SEED = 2018;
export const DEFAULT_SITES = 1600;

export interface SeedData {
  seed: number;
  counties: CountyCtx[];
  sites: SiteRow[];
  buildings: BuildingRow[];
  panels: PanelRow[];
  devices: DeviceRow[];
  circuits: CircuitRow[];
}

export function generateSeedData(data: ChangduData, opts: { seed?: number; sites?: number } = {}): SeedData {
  const seed = opts.seed ?? DEFAULT_SEED;
  const { sites, counties } = generateSites(data, seed, opts.sites ?? DEFAULT_SITES);
  const ids = { building: 0, panel: 0, circuit: 0 };
  const out: SeedData = { seed, counties, sites, buildings: [], panels: [], devices: [], circuits: [] };
  for (const site of sites) {
    const a = generateSiteAssets(site, seed, ids);
    for (const b of a.buildings) out.buildings.push(b);
    for (const p of a.panels) out.panels.push(p);
    for (const d of a.devices) out.devices.push(d);
    for (const c of a.circuits) out.circuits.push(c);
  }
  return out;
}
