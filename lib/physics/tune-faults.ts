/**
 * Sizing of fault injections against the circuit's own baseline, so that each fault reaches danger when
 * intended (slow faults 12–72 h after onset) — the exact dangerMs is then read off the pre-simulated
 * trajectory (truth.ts), never assumed. `severity` > 1 makes a retry more aggressive when a first sizing
 * never became dangerous within the horizon (e.g. a circuit idle during a school vacation).
 */
import type { RegistryEntry } from '../protocol/v1.ts';
import { DAY_MS, HOUR_MS } from './calendar.ts';
import type { DeviceSpec } from './device.ts';
import { deriveParams, type ParamOverrides } from './params.ts';
import type { Rng } from './rng.ts';
import { LIMITS, channelStats } from './truth.ts';
import type { FaultKind, Injection, Pole } from './types.ts';

export interface TuneCtx {
  spec: DeviceSpec;
  entry: RegistryEntry;
  originMs: number;
  rng: Rng;
}

export interface Tuned {
  inj: Injection;
  overrides?: ParamOverrides;
  /** intended hours from onset to danger (the trajectory decides the real value) */
  targetH: number;
}

/** Parameter overrides a fault needs from the start (circuit sizing that makes the fault possible). */
export function faultOverrides(kind: FaultKind, rng: Rng): ParamOverrides | undefined {
  if (kind === 'neutral_fault') return { imbalance: rng.range(0.3, 0.45) }; // feeder of single-phase loads
  if (kind === 'harmonic_neutral') return { imbalance: 0.02, neutralArea: 0.5, peakFrac: rng.range(0.62, 0.72) };
  return undefined;
}

/** Intended onset→danger hours per kind. */
export function targetHours(kind: FaultKind, rng: Rng): number {
  switch (kind) {
    case 'loose_connection':
    case 'insulation_degradation':
      return rng.range(12, 72);
    case 'harmonic_neutral':
      return rng.range(24, 72);
    case 'overload':
      return rng.range(2, 8);
    case 'earth_fault':
      return rng.range(0.5, 4);
    case 'series_arc':
      return rng.range(1, 8);
    default:
      return rng.range(2, 12); // neutral_fault
  }
}

export function tuneFault(kind: FaultKind, ctx: TuneCtx, onsetMs: number, targetH: number, severity = 1): Tuned {
  const { spec, entry, rng } = ctx;
  const ov = spec.overrides?.[entry.ch];
  const p = deriveParams(entry, spec.seed, ov);
  const st = channelStats(spec, entry.ch, ctx.originMs, onsetMs, onsetMs + DAY_MS);
  const H = (targetH * HOUR_MS) / severity;
  const base = { kind, class: 'fault' as const, ch: entry.ch, onsetMs, endMs: null };
  switch (kind) {
    case 'loose_connection': {
      const pole: Pole = entry.phases === 3 ? rng.pick(['a', 'b', 'c'] as const) : rng.chance(0.7) ? 'a' : 'n';
      const pi = { a: 0, b: 1, c: 2, n: 3 }[pole];
      const ipk = Math.max(1, st.iP95 * (entry.phases === 3 ? p.share[Math.min(pi, 2)] : 1));
      const need = Math.max(8, p.maxC - st.tTermP95[pi]) * severity;
      const g = p.kTh * ipk * ipk;
      const R0 = 0.8 / g; // ~0.8 K extra at peak load at onset
      const Rneed = need / g / (1 + 0.004 * (p.maxC - 20));
      const tauS = H / 1000 / Math.log(Rneed / R0);
      return { inj: { ...base, pole, p: { R0, tauS, Rmax: Rneed * 8 } }, targetH };
    }
    case 'overload': {
      // added load (heaters, a second machine): first a sustained step above In but below the current that
      // overheats the cable, Id = Iz·√((maxC − ambient)/ΔTref); then more load ramps in until it does
      const Id = p.Iz * Math.sqrt(Math.max(0.5, (p.maxC - st.ambMedian) / p.dTref));
      const I1 = Id > 1.05 * p.In ? p.In + rng.range(0.35, 0.6) * (Id - p.In) : 1.05 * p.In;
      const a1 = Math.max(0.1 * p.In, I1 - st.iMedian);
      const a2 = Math.max(a1 * 1.2, Id * rng.range(1.12, 1.25) * severity - st.iMedian);
      return { inj: { ...base, p: { a1, a2, rampS: H / 1000 } }, targetH };
    }
    case 'insulation_degradation': {
      const L0 = rng.range(3, 8);
      const room = Math.max(50, LIMITS.insulationMa - st.irMedian);
      return { inj: { ...base, p: { L0, tauS: H / 1000 / Math.log(room / (L0 * 1.2)) } }, targetH };
    }
    case 'earth_fault': {
      const L1 = Math.max(310, rng.range(320, 450) - st.irMedian);
      const room = Math.max(L1 * 1.1, LIMITS.earthFaultMa - st.irMedian);
      return { inj: { ...base, p: { L1, tauS: H / 1000 / Math.log(room / L1) } }, targetH };
    }
    case 'series_arc':
      return { inj: { ...base, p: { r0: 0.5, tauS: H / 1000 / Math.log(28) } }, targetH };
    case 'neutral_fault':
      // upstream neutral joint corroding: 5 mΩ → ~50 Ω (effectively open) over H, then open
      return { inj: { ...base, p: { R0: 0.005, tauS: H / 1000 / Math.log(1e4), Rmax: 1000 } }, targetH };
    case 'harmonic_neutral': {
      // triplen current 3·h3·Iphase in a half-size neutral; h3 ramps as SMPS/LED/VFD loads are added
      const need = Math.sqrt(Math.max(0.3, (p.maxC - st.ambMedian) / p.dTref)) * p.IzN;
      const h1 = Math.min(0.6, Math.max(0.2, (need / (3 * Math.max(0.5, st.iP95))) * 1.15 * severity));
      return { inj: { ...base, p: { h0: p.h3, h1, rampS: (H / 1000) * 0.8 } }, targetH };
    }
  }
}
