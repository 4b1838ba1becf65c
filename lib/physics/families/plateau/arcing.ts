/**
 * Arc half-cycle counts for the plateau family: what a GB 14287.4 detector's counter sees in one report
 * interval, from a series arc and from the loads that imitate one. Sources:
 *  - GB 14287.4-2014 §4.5 / GB 50116: alarm when ≥ 14 arcing half-cycles are detected within 1 s; the
 *    detector must stay silent with dimmers, switch-mode supplies, motors and switching (masking tests).
 *  - UL 1699 (AFCI) §40 carbonised-path and point-contact tests, and IEC 62606 Table 4 (AFDD break times from
 *    2.5 A): a series arc in a damaged conductor or loose plug is intermittent — bursts of tens of arcing
 *    half-cycles per second lasting a fraction of a second to seconds, separated by quiet minutes, becoming
 *    longer and more frequent as the carbon path grows; it needs current (≳ 1.5 A) to live.
 *  - Arc voltage of a short copper arc ≈ 20–30 V (Ayrton / Nottingham relation at a few amperes), so each
 *    arcing half-cycle dissipates ≈ 25 V · I · 10 ms · 0.6 ≈ 0.15·I J; PVC near the gap ignites after a few
 *    hundred joules in a minute (NFPA 921 §9.9.4; Babrauskas, "Ignition Handbook" 2003, ch. 14).
 * Counts are drawn from hashed per-interval streams, so any interval can be evaluated again identically.
 */
import type { Rng } from '../../rng.ts';

export interface SeriesArc {
  onsetMs: number;
  /** bursts per hour at onset, and the growth time constant (h) of rate and burst length */
  rate0PerH: number;
  growH: number;
  /** median burst length at onset (s) */
  len0S: number;
}

export interface ArcInterval {
  /** half-cycles counted in the interval */
  count: number;
  /** the largest count in one whole second (the device's own GB 14287.4 judgement) */
  maxPerS: number;
  /** offset (s) from the interval start of the first second that held ≥ 14 (NaN if none) */
  firstAlarmS: number;
  /** arc energy deposited (J) */
  energyJ: number;
}

const CAP_PER_H = 120;
/** detection probability of one arcing half-cycle by the device at current i (A) */
const detectP = (i: number) => 0.95 * Math.min(1, Math.max(0, (i - 1.5) / 2.5));

function poisson(rng: Rng, mu: number): number {
  if (mu <= 0) return 0;
  if (mu > 30) return Math.max(0, Math.round(mu + Math.sqrt(mu) * rng.gauss()));
  const l = Math.exp(-mu);
  let k = 0, p = rng.next();
  while (p > l) { k++; p *= rng.next(); }
  return k;
}

/** A series arc over [t0, t0 + T s) at current i, into `out`. */
export function seriesArcInterval(a: SeriesArc, t0: number, tS: number, i: number, rng: Rng, out: ArcInterval): void {
  out.count = 0; out.maxPerS = 0; out.firstAlarmS = NaN; out.energyJ = 0;
  if (t0 < a.onsetMs || i < 1.5) return;
  const h = (t0 - a.onsetMs) / 3_600_000;
  const g = Math.exp(h / a.growH);
  const n = poisson(rng, (Math.min(CAP_PER_H, a.rate0PerH * g) * tS) / 3600);
  const q = detectP(i);
  for (let b = 0; b < n; b++) {
    const len = Math.min(tS, a.len0S * Math.sqrt(g) * Math.exp(0.9 * rng.gauss()));
    const frac = 0.3 + 0.6 * rng.next(); // share of half-cycles that arc within the burst
    const arcing = Math.round(100 * len * frac);
    out.energyJ += 0.15 * i * arcing;
    const counted = Math.round(arcing * q * (0.9 + 0.2 * rng.next()));
    out.count += counted;
    // the busiest whole second of the burst (a burst shorter than 1 s may straddle two counting windows)
    const straddle = len < 1 ? 0.5 + 0.5 * rng.next() : 1;
    const perS = Math.round(Math.min(len, 1) * straddle * 100 * frac * q);
    if (perS > out.maxPerS) out.maxPerS = perS;
    if (perS >= 14 && !(out.firstAlarmS <= tS)) out.firstAlarmS = Math.min(tS - 1, rng.next() * Math.max(0, tS - len) + 1);
  }
}

/** Nuisance counts: dimmer bursts, a brush motor in use, switching of the load, rare interference. */
export interface NuisanceArcs {
  /** dimmer bursts per hour while the lights are on (0 = none) */
  dimmerPerH: number;
  /** mean counted half-cycles per second while a brush-motor appliance runs */
  brushPerS: number;
  /** the appliance runs in this interval (0–1 share of it) */
  brushOn: number;
  /** the load switched in this interval (a contact bounce or two) */
  switched: boolean;
  lightsOn: boolean;
}

export function nuisanceArcInterval(x: NuisanceArcs, tS: number, rng: Rng, out: ArcInterval): void {
  let c = 0, mx = 0;
  if (x.lightsOn && x.dimmerPerH > 0) {
    const n = poisson(rng, (x.dimmerPerH * tS) / 3600);
    for (let b = 0; b < n; b++) {
      const perS = 2 + rng.int(8); // ≤ 9/s: the GB masking test keeps dimmers below the limit
      const len = 0.3 + 2.7 * rng.next();
      c += Math.round(perS * len);
      if (perS > mx) mx = perS;
    }
  }
  if (x.brushOn > 0) {
    const secs = Math.round(tS * x.brushOn);
    c += poisson(rng, x.brushPerS * secs);
    mx = Math.max(mx, Math.min(9, Math.round(x.brushPerS * 1.8)));
  }
  if (x.switched) c += rng.int(4);
  if (rng.next() < 0.003) c += 1 + rng.int(2);
  out.count += c;
  if (mx > out.maxPerS) out.maxPerS = mx;
}
