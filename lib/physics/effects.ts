/**
 * How each circuit-level injection changes the physics (faults, nuisances) at a sample time. Every effect is
 * a closed-form function of (t − onset) and the injection's parameters, so any instant can be evaluated.
 * Sensor faults do not touch the physics; they corrupt readings (see sensor.ts).
 */
import { POLE_INDEX, type Injection } from './types.ts';
import { hash32, unit } from './rng.ts';

/** Modifiers accumulated from the active injections of one circuit at one sample. */
export interface Effects {
  /** extra contact resistance per pole a,b,c,n, Ω */
  rExtra: Float64Array;
  /** added (balanced) load current, A */
  iAdd: number;
  /** load multiplier and the current cap it may not exceed (festival peak) */
  boost: number;
  capA: number;
  /** third-harmonic fraction override (NaN = circuit's own) */
  h3: number;
  /** series resistance of a deteriorating upstream neutral, Ω (0 = healthy) */
  rn: number;
  /** insulation-degradation leakage before the humidity factor, mA */
  leakDeg: number;
  /** humidity-independent extra leakage (earth fault, appliance filters), mA */
  leakFix: number;
  /** reading-only additions: RCD test current (mA), inrush multiplier on the current reading */
  irReadAdd: number;
  inrush: number;
  /** arcing rate (half-cycles/s) of a series arc; extra counts from dimmers */
  arcRate: number;
  arcAdd: number;
}

export function newEffects(): Effects {
  return {
    rExtra: new Float64Array(4),
    iAdd: 0,
    boost: 1,
    capA: Infinity,
    h3: NaN,
    rn: 0,
    leakDeg: 0,
    leakFix: 0,
    irReadAdd: 0,
    inrush: 1,
    arcRate: 0,
    arcAdd: 0,
  };
}

export function resetEffects(e: Effects): void {
  e.rExtra.fill(0);
  e.iAdd = 0;
  e.boost = 1;
  e.capA = Infinity;
  e.h3 = NaN;
  e.rn = 0;
  e.leakDeg = 0;
  e.leakFix = 0;
  e.irReadAdd = 0;
  e.inrush = 1;
  e.arcRate = 0;
  e.arcAdd = 0;
}

const grow = (x0: number, dtS: number, tauS: number, cap: number): number => Math.min(cap, x0 * Math.exp(dtS / tauS));

/**
 * Apply one active injection (onset ≤ t < end). `key` is the sample's random key (seed ⊕ time) for
 * sample-level events (inrush caught by the sample, dimmer bursts).
 */
export function applyEffect(inj: Injection, t: number, key: number, e: Effects): void {
  const p = inj.p;
  const dtS = (t - inj.onsetMs) / 1000;
  switch (inj.kind) {
    case 'loose_connection':
      // oxidising/loosening contact: resistance grows exponentially (fretting, oxide film), capped
      e.rExtra[POLE_INDEX[inj.pole ?? 'a']] += grow(p.R0, dtS, p.tauS, p.Rmax);
      break;
    case 'overload':
      e.iAdd += p.a1 + (p.a2 - p.a1) * Math.min(1, dtS / p.rampS);
      break;
    case 'insulation_degradation':
      e.leakDeg += grow(p.L0, dtS, p.tauS, 5000);
      break;
    case 'earth_fault':
      // tracking path to earth: step to L1 then carbonising growth
      e.leakFix += grow(p.L1, dtS, p.tauS, 3000);
      break;
    case 'series_arc':
      e.arcRate = Math.max(e.arcRate, grow(p.r0, dtS, p.tauS, 100));
      break;
    case 'neutral_fault':
      e.rn = Math.max(e.rn, grow(p.R0, dtS, p.tauS, p.Rmax));
      break;
    case 'harmonic_neutral':
      e.h3 = p.h0 + (p.h1 - p.h0) * Math.min(1, dtS / p.rampS);
      break;
    case 'inrush':
      // a motor start caught by the sample: reading 3–6× running current for that one sample
      if (unit(hash32(key, 0x1e5)) < p.prob) e.inrush = p.mult;
      break;
    case 'rcd_test':
      e.irReadAdd += p.mA;
      break;
    case 'high_leakage_appliance':
      e.leakFix += p.mA;
      break;
    case 'festival_peak':
      e.boost = Math.max(e.boost, p.boost);
      e.capA = Math.min(e.capA, p.capA);
      break;
    case 'dimmer_arc': {
      // phase-cut dimmer: short bursts ≤ 9 half-cycles/s, at most two ≤ 3 s bursts per report
      const u = unit(hash32(key, 0xd1));
      if (u < p.prob) {
        const n = 1 + (unit(hash32(key, 0xd2)) < 0.4 ? 1 : 0);
        for (let b = 0; b < n; b++) {
          const rate = 2 + 7 * unit(hash32(key, 0xd3 + b));
          const dur = 0.5 + 2.5 * unit(hash32(key, 0xd5 + b));
          e.arcAdd += Math.floor(rate * dur);
        }
      }
      break;
    }
    default:
      break; // sensor/transport/device-level kinds act elsewhere
  }
}
