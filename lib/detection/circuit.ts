/**
 * One monitored circuit: its registry facts, resolved profile, and flat state. Built once per
 * registry entry; the hot path reads these plain fields only.
 */
import type { RegistryEntry } from '../protocol/v1.ts';
import type { Profile } from './profile.ts';
import { ampacityA, cableTauS } from './thermal.ts';
import { CIRCUIT_TYPES, F_IB, F_IC, F_TB, F_TC, F_UA, FIELDS, newCircuitState } from './slots.ts';
import { jumpLimit } from './sensor.ts';

export interface Circuit {
  readonly device: string;
  readonly ch: number;
  readonly entry: RegistryEntry;
  readonly prof: Profile;
  /** [m, n, clear] per circuit alarm type, flattened for the lifecycle */
  readonly pers: Int32Array;
  readonly inA: number;
  readonly izA: number;
  readonly limitC: number;
  readonly tauCableS: number;
  readonly intervalS: number;
  readonly intervalMs: number;
  /** per field: the largest plausible one-sample change (sensor spike check); shared, never written */
  readonly jumpLim: Float64Array;
  readonly three: boolean;
  /** the fields this circuit can report, in FIELDS order (phases b/c on three-phase circuits only) */
  readonly fields: Uint8Array;
  /** voltage band (V) from the profile: warn high/low, alarm high/low */
  readonly uHiW: number;
  readonly uLoW: number;
  readonly uHiA: number;
  readonly uLoA: number;
  /** abnormal-heating differential thresholds (K) derived from the profile */
  readonly heatWarnD: number;
  readonly heatAlarmD: number;
  s: Float64Array;
  /**
   * Bit t set while alarm type t's lifecycle holds anything (a persistence history or an open alarm): mirrors
   * the state (see lifecycle sync()) so a quiet sample reads none of the lifecycle slots, a dozen cache lines.
   */
  live: number;
}

const UN = 220;
const PHASE_BC = [F_IB, F_IC, F_TB, F_TC, F_UA + 1, F_UA + 2];
// per-circuit constants that many circuits share are built once: fewer objects for the cache to hold
const FIELDS_1 = Uint8Array.from(FIELDS.map((_f, i) => i).filter((i) => !PHASE_BC.includes(i)));
const FIELDS_3 = Uint8Array.from(FIELDS.map((_f, i) => i));
const jumpLims = new Map<number, Float64Array>();
function jumpLimits(inA: number): Float64Array {
  let j = jumpLims.get(inA);
  if (!j) jumpLims.set(inA, (j = Float64Array.from(FIELDS, (_f, i) => jumpLimit(i, inA))));
  return j;
}

export function makeCircuit(entry: RegistryEntry, prof: Profile): Circuit {
  const pers = new Int32Array(CIRCUIT_TYPES.length * 3);
  CIRCUIT_TYPES.forEach((t, i) => {
    const p = prof.persistence[t];
    pers[i * 3] = p.m;
    pers[i * 3 + 1] = p.n;
    pers[i * 3 + 2] = p.clear;
  });
  const warnD = Math.round(Math.max(6, 0.67 * prof.heatWarnK) * 10) / 10;
  return {
    device: entry.device,
    ch: entry.ch,
    entry,
    prof,
    pers,
    inA: entry.ratedCurrentA,
    izA: ampacityA(entry.cableMm2, entry.insulation, entry.phases),
    limitC: entry.maxConductorC,
    tauCableS: cableTauS(entry.cableMm2),
    intervalS: entry.reportIntervalS,
    intervalMs: entry.reportIntervalS * 1000,
    jumpLim: jumpLimits(entry.ratedCurrentA),
    three: entry.phases === 3,
    fields: entry.phases === 3 ? FIELDS_3 : FIELDS_1,
    uHiW: UN * (1 + prof.uWarnHighPct / 100),
    uLoW: UN * (1 - prof.uWarnLowPct / 100),
    uHiA: UN * (1 + prof.uAlarmPct / 100),
    uLoA: UN * (1 - prof.uAlarmPct / 100),
    heatWarnD: warnD,
    heatAlarmD: Math.round(Math.max(warnD + 4, 0.8 * prof.heatAlarmK) * 10) / 10,
    s: newCircuitState(),
    live: 0,
  };
}
