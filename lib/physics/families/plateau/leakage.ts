/**
 * Residual (earth-leakage) current of a circuit for the plateau family. Sources:
 *  - Capacitive leakage I = 2π·f·C·U with 100–250 pF/m conductor-to-earth for building wiring (IEC 60364-5-53
 *    Annex on RCD selectivity; Schneider Electric Cahier Technique 114), plus appliance EMC (Y) capacitors,
 *    0.25–1.5 mA each, the IEC 60335-1 §16 limit being 0.75 mA / 3.5 mA (class II / class I).
 *  - Surface and bulk insulation resistance fall about a decade per 10–15 %rh above the critical humidity
 *    (~60–70 %rh) and halve per ~10 K (IEEE Std 43-2013 §5.4 temperature correction), more with dew on metal.
 *  - GB 50116-2013 §9.2 / GB 14287.2: the monitor's set point 300–500 mA; a residual above it on a live circuit
 *    is a fire risk (tracking earth faults ignite from ~300–500 mA).
 *  - The monitor's own self-test (GB 14287.2 §4.4) passes a test current above the set point through the
 *    transformer(s) — on multichannel detectors through every channel at once.
 *  - Lightning and switching surges couple common-mode into every current transformer of a panel at the same
 *    instant (IEC 61000-4-5 surge); a CT with small asymmetry reads a residual of 0.1–0.3 % of a motor's
 *    starting current while it lasts.
 */
import type { Rng } from '../../rng.ts';

export interface LeakParams {
  /** capacitive + filter leakage at full load (mA), and with no load (mA) */
  fullMa: number;
  idleMa: number;
  /** surface leakage at 100 %rh (mA) — wet walls, outdoor boxes */
  wetMa: number;
  /** humidity (%rh) at which surface leakage starts to matter */
  critRh: number;
}

/** Healthy leakage (mA) at load share u (0–1 of In) and panel/room humidity rh, dew 0–1. */
export function healthyLeak(p: LeakParams, u: number, rh: number, dew: number): number {
  const surface = rh > p.critRh ? p.wetMa * Math.pow(10, ((rh - 100) / 100) * 6) * (1 + 2 * dew) : 0;
  return p.idleMa + (p.fullMa - p.idleMa) * Math.min(1, u) + surface;
}

export interface Degradation {
  onsetMs: number;
  /** added leakage at onset (mA, dry) and its e-folding time (h) */
  i0Ma: number;
  tauH: number;
  /** how strongly moisture raises it: ×(1 + wet·(rh − 50)/50) */
  wet: number;
}

/** Degrading insulation: grows exponentially, wetter is worse; tracking adds brief pulses. */
export function degradationLeak(d: Degradation, ts: number, rh: number, rng: Rng): number {
  if (ts < d.onsetMs) return 0;
  const h = (ts - d.onsetMs) / 3_600_000;
  const base = d.i0Ma * Math.exp(h / d.tauH) * (1 + d.wet * Math.max(0, (rh - 50) / 50));
  const pulse = rng.next() < 0.04 ? 1 + 0.6 * rng.next() : 1; // tracking scintillation
  return base * pulse;
}

export interface EarthFault {
  onsetMs: number;
  /** leakage at onset (mA); grows with carbonisation to `finalMa` over `growH` hours */
  startMa: number;
  finalMa: number;
  growH: number;
  /** precursor: sporadic tracking pulses (mA) in the hours before onset (0 = none) */
  precursorMa: number;
  precursorH: number;
}

export function earthFaultLeak(e: EarthFault, ts: number, rng: Rng): number {
  if (ts < e.onsetMs) {
    if (e.precursorMa > 0 && ts >= e.onsetMs - e.precursorH * 3_600_000 && rng.next() < 0.12) return e.precursorMa * (0.4 + 0.6 * rng.next());
    return 0;
  }
  const h = (ts - e.onsetMs) / 3_600_000;
  const x = Math.min(1, h / e.growH);
  const level = e.startMa * Math.pow(e.finalMa / e.startMa, x);
  return level * (0.85 + 0.3 * rng.next()); // the fault path flickers (tracking, moisture)
}
