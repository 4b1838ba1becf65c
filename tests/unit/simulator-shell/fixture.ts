/** A small synthetic registry for the simulator shell's unit tests (no database). */
import type { RegistryEntry } from '../../../lib/protocol/v1.ts';

export function registry(devices: number, channels = 3): RegistryEntry[] {
  const out: RegistryEntry[] = [];
  for (let d = 0; d < devices; d++) {
    for (let ch = 1; ch <= channels; ch++) {
      const three = ch === 1;
      out.push({
        device: `T-S${Math.floor(d / 2)}-D${d}`,
        ch,
        site: `T-S${Math.floor(d / 2)}`,
        siteCategory: 'hospital',
        phases: three ? 3 : 1,
        ratedCurrentA: three ? 63 : 20,
        cableMm2: three ? 16 : 2.5,
        insulation: 'PVC',
        maxConductorC: 70,
        loadType: three ? 'mixed' : 'sockets',
        reportIntervalS: 60,
      });
    }
  }
  return out;
}
