/** The circuits of one site as the detection core sees them (RegistryEntry), with their ids and names. */
import type { Sql } from '../../platform/db.ts';
import { registryEntryOf, type CircuitEntryRow } from '../../db/registry-entry.ts';
import { INSULATION_LIMIT_C, type RegistryEntry } from '../../lib/protocol/v1.ts';

export interface SiteCircuit {
  id: number;
  nameZh: string;
  nameEn: string;
  entry: RegistryEntry;
}

export const circuitKey = (e: Pick<RegistryEntry, 'device' | 'ch'>) => `${e.device}/${e.ch}`;

export async function siteCircuits(sql: Sql, siteId: string): Promise<SiteCircuit[]> {
  const rows = await sql<(CircuitEntryRow & { id: number; name_zh: string; name_en: string; category: string })[]>`SELECT c.id, c.device_id, c.ch, c.name_zh, c.name_en, s.category, c.phases, c.rated_current_a, c.cable_mm2, c.insulation,
           c.max_conductor_c, c.load_type, c.report_interval_s
      FROM circuits c JOIN sites s ON s.id = c.site_id
     WHERE c.site_id = ${siteId}
     ORDER BY c.device_id, c.ch`;
  return rows.map((c) => ({
    id: c.id,
    nameZh: c.name_zh,
    nameEn: c.name_en,
    entry: registryEntryOf(c, siteId, c.category),
  }));
}

/**
 * Stands for "a circuit of this site" when the site has none yet (or for the site layer's defaults): mixed load on
 * PVC, the commonest old wiring. Its 70 °C limit is the one at which the core's insulation-following set point
 * equals the category table itself (70 °C ordinary, 60 °C in wooden buildings), so the site layer shows those.
 */
export function typicalEntry(siteId: string, category: string): RegistryEntry {
  return {
    device: '*site', ch: 1, site: siteId, siteCategory: category, phases: 1, ratedCurrentA: 32, cableMm2: 6,
    insulation: 'PVC', maxConductorC: INSULATION_LIMIT_C.PVC, loadType: 'mixed', reportIntervalS: 60,
  };
}
