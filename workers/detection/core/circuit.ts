/**
 * One monitored circuit: its registry facts, resolved profile, and flat state. Built once per
 * registry entry; the hot path reads these plain fields only.
 */
import type { RegistryEntry } from '../../../lib/protocol/v1.ts';
import type { Profile } from './profile.ts';
import { ampacityA, cableTauS } from './thermal.ts';
import { CIRCUIT_TYPES, newCircuitState } from './slots.ts';

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
  readonly three: boolean;
  s: Float64Array;
}

export function makeCircuit(entry: RegistryEntry, prof: Profile): Circuit {
  const pers = new Int32Array(CIRCUIT_TYPES.length * 3);
  CIRCUIT_TYPES.forEach((t, i) => {
    const p = prof.persistence[t];
    pers[i * 3] = p.m;
    pers[i * 3 + 1] = p.n;
    pers[i * 3 + 2] = p.clear;
  });
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
    three: entry.phases === 3,
    s: newCircuitState(),
  };
}
