/**
 * Per-circuit physical parameters, derived deterministically from the registry entry and a seed.
 * Ampacity: copper, installed in conduit at 30 °C ambient — Iz ≈ 13.5·S^0.625 A for PVC (fits the
 * IEC 60364-5-52 table from 1.5 to 240 mm² within ~5 %), ×1.28 for XLPE (90 °C), ×0.92 for rubber (60 °C).
 * At I = Iz and 30 °C ambient the conductor sits exactly at the insulation limit, so the steady-state
 * conductor rise is ΔT = (maxC − 30)·(I/Iz)².
 */
import type { RegistryEntry } from '../protocol/v1.ts';
import { Rng, hash32, hashString } from './rng.ts';

export function ampacityA(mm2: number, insulation: string): number {
  const base = 13.5 * Math.pow(mm2, 0.625);
  return base * (insulation === 'XLPE' ? 1.28 : insulation === 'rubber' ? 0.92 : 1);
}

export interface CircuitParams {
  seed: number;
  phases: 1 | 3;
  In: number;
  /** phase conductor ampacity, A */
  Iz: number;
  /** neutral conductor ampacity (reduced neutrals exist in old installations), A */
  IzN: number;
  maxC: number;
  /** conductor rise at Iz, K */
  dTref: number;
  /** cable and terminal thermal time constants, s */
  tauCab: number;
  tauTerm: number;
  /** breaker pole / terminal self-heating at In, K, per pole a,b,c,n */
  kBrk: number[];
  /** contact-to-sensor thermal resistance, K/W */
  kTh: number;
  /** healthy contact resistance per pole, Ω */
  r0: number[];
  /** design peak load current, A (loadFactor 1.0 ↦ peakA) */
  peakA: number;
  /** static per-phase load shares (mean 1) and slow wander amplitude */
  share: number[];
  wander: number;
  /** third-harmonic fraction of phase current (triplens add up in the neutral) */
  h3: number;
  /** capacitive/filter leakage: constant part (mA) and per-ampere part (mA/A) */
  ir0: number;
  irPerA: number;
  /** static sensor calibration offsets, K, per pole */
  tOffset: number[];
  /** voltage drop fraction at In */
  uDrop: number;
}

export interface ParamOverrides {
  /** peak load as a fraction of min(In, Iz) */
  peakFrac?: number;
  /** per-phase imbalance amplitude (fraction), default ~0.07 */
  imbalance?: number;
  /** neutral cross-section factor (0.5 = half-size neutral) */
  neutralArea?: number;
  h3?: number;
}

export function circuitSeed(seed: number, device: string, ch: number): number {
  return hash32(seed, hashString(device), ch);
}

export function deriveParams(e: RegistryEntry, seed: number, o: ParamOverrides = {}): CircuitParams {
  const cs = circuitSeed(seed, e.device, e.ch);
  const r = new Rng(hash32(cs, 0xa11));
  const Iz = ampacityA(e.cableMm2, e.insulation);
  const area = o.neutralArea ?? 1;
  const Iref = Math.min(e.ratedCurrentA, Iz);
  const imb = o.imbalance ?? 0.03 + 0.04 * r.next();
  let share = [1, 1, 1];
  if (e.phases === 3) {
    const d = [r.gauss(), r.gauss(), r.gauss()];
    const m = (d[0] + d[1] + d[2]) / 3;
    const sd = Math.sqrt(((d[0] - m) ** 2 + (d[1] - m) ** 2 + (d[2] - m) ** 2) / 3) || 1;
    share = d.map((x) => 1 + (imb * (x - m)) / sd);
  }
  const kb = 8 + 6 * r.next();
  return {
    seed: cs,
    phases: e.phases,
    In: e.ratedCurrentA,
    Iz,
    IzN: Iz * Math.pow(area, 0.625),
    maxC: e.maxConductorC,
    dTref: e.maxConductorC - 30,
    tauCab: 420 + 75 * Math.sqrt(e.cableMm2),
    tauTerm: 150 + 90 * r.next(),
    kBrk: [kb * (1 + 0.08 * r.gauss()), kb * (1 + 0.08 * r.gauss()), kb * (1 + 0.08 * r.gauss()), kb * 0.5],
    kTh: 4 + 2 * r.next(),
    r0: [0, 1, 2, 3].map(() => 30e-6 + 40e-6 * r.next()),
    peakA: Iref * (o.peakFrac ?? 0.35 + 0.3 * r.next()),
    share,
    wander: e.phases === 3 ? 0.03 : 0,
    h3: o.h3 ?? 0.04 + 0.1 * r.next(),
    // a few to tens of mA: cable capacitance grows with size/length, filters with connected load
    ir0: Math.exp(Math.log(2.5) + 1.2 * r.next() + 0.35 * Math.log(e.cableMm2)),
    irPerA: (0.05 + 0.2 * r.next()) * Math.sqrt(32 / Math.max(32, e.ratedCurrentA)),
    tOffset: [0, 1, 2, 3].map(() => 0.3 * r.gauss()),
    uDrop: 0.01 + 0.02 * r.next(),
  };
}
