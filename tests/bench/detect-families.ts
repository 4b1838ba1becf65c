/**
 * Scenario families of the detection benchmark. Each family is a different simulator (or parameter set) of
 * the same kind of world, run as Changdu winter and rainy season at 60 s and/or 120 s report intervals:
 *  - `tuned`: the project's own simulator (lib/physics) — the one the detectors were developed against;
 *  - `plateau-town`, `plateau-rural`: the plateau family (lib/physics/families/plateau), written from first
 *    principles apart from the detectors (IEC 60287/60853 heating, contact-resistance growth, series-arc burst
 *    statistics, humidity leakage, self-tests and surges); town and county installations.
 */
import { DEFAULT_FAULT_MIX, generateScenario } from '../../lib/physics/index.ts';
import type { FamilyScenario } from '../../lib/physics/families/types.ts';
import { plateauScenario, plateauWorld, type Season, type Variant } from '../../lib/physics/families/plateau/index.ts';
import { topicFor } from '../../lib/protocol/v1.ts';

const HOUR = 3_600_000;
export const FAMILIES = ['tuned', 'plateau-town', 'plateau-rural'] as const;
export type FamilyName = (typeof FAMILIES)[number];

export interface RunSpec { family: FamilyName; season: Season; intervalS: 60 | 120; label: string }
export interface FamilyOptions { seed: number; days: number; circuits: number; devices: number; faultScale: number }

/** Beijing midnight on the 1st of the season's month (January, July). */
const startOf = (season: Season) => Date.UTC(2025, season === 'winter' ? 0 : 6, 1) - 8 * HOUR;
const doyOf = (season: Season) => (season === 'winter' ? 1 : 182);

/** The runs of a family: the tuned simulator once per season (its two intervals alternate), the plateau ones at both. */
export function runsOf(family: FamilyName): RunSpec[] {
  if (family === 'tuned') return [{ family, season: 'winter', intervalS: 120, label: 'winter@120s' }, { family, season: 'rainy', intervalS: 60, label: 'rainy@60s' }];
  const out: RunSpec[] = [];
  for (const season of ['winter', 'rainy'] as const) for (const intervalS of [120, 60] as const) out.push({ family, season, intervalS, label: `${season}@${intervalS}s` });
  return out;
}

const worlds = new Map<string, ReturnType<typeof plateauWorld>>();

/** Build the scenario of one run (plateau worlds are shared by the two intervals of a season). */
export function scenarioOf(r: RunSpec, o: FamilyOptions): FamilyScenario {
  const startMs = startOf(r.season);
  if (r.family === 'tuned') {
    const faultMix = Object.fromEntries(Object.entries(DEFAULT_FAULT_MIX).map(([k, v]) => [k, v * o.faultScale]));
    const sc = generateScenario({ seed: o.seed + startMs / 1e9, circuits: o.circuits, days: o.days, startMs, intervalS: r.intervalS, faultMix });
    return { ...sc, topics: sc.devices.flatMap((d) => [topicFor(d.site, d.device, 'telemetry'), topicFor(d.site, d.device, 'event'), topicFor(d.site, d.device, 'status')]) };
  }
  const variant: Variant = r.family === 'plateau-town' ? 'town' : 'rural';
  const key = `${variant}/${r.season}/${o.seed}/${o.days}/${o.devices}`;
  let w = worlds.get(key);
  if (!w) {
    worlds.clear(); // one world at a time: the next run of the other interval reuses it
    w = plateauWorld({ seed: o.seed * 7919 + (variant === 'rural' ? 1 : 0), season: r.season, variant, startMs, days: o.days, devices: o.devices, doy: doyOf(r.season) });
    worlds.set(key, w);
  }
  return plateauScenario(w, r.intervalS);
}
