/** A `circuits` row (with its site's category) as the detection core's RegistryEntry: one mapping for every reader. */
import type { RegistryEntry } from '../lib/protocol/v1.ts';

/** The circuit columns a RegistryEntry is made of, as selected from `circuits`. */
export interface CircuitEntryRow {
  device_id: string;
  ch: number;
  phases: number;
  rated_current_a: number;
  cable_mm2: number;
  insulation: string;
  max_conductor_c: number;
  load_type: string;
  report_interval_s: number;
}

export function registryEntryOf(c: CircuitEntryRow, site: string, siteCategory: string): RegistryEntry {
  return {
    device: c.device_id,
    ch: c.ch,
    site,
    siteCategory,
    phases: Number(c.phases) === 3 ? 3 : 1,
    ratedCurrentA: c.rated_current_a,
    cableMm2: c.cable_mm2,
    insulation: c.insulation as RegistryEntry['insulation'],
    maxConductorC: c.max_conductor_c,
    loadType: c.load_type as RegistryEntry['loadType'],
    reportIntervalS: c.report_interval_s,
  };
}
