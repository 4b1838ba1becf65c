/**
 * Current and voltage detectors: overload through a conductor thermal model and a breaker thermal
 * memory (not a bare I > In), three-phase imbalance and computed neutral current, voltage band and
 * lost neutral. Inputs are the sensor-checked values (NaN = withheld).
 */
import type { Circuit } from '../circuit.ts';
import { busy } from '../lifecycle.ts';
import { V, V_TS, V_HA, V_TMAX } from '../reading.ts';
import { judge, type DetectionRecord } from '../records.ts';
import { A_BRK, A_CABLE, A_HOUR, AMB_T, F_IA, F_UA, I_ENV, I_PREV, TH_BRK, TH_THETA, T_IMBALANCE, T_OVERLOAD, T_VOLTAGE } from '../slots.ts';
import { TABLE_AMBIENT_C } from '../thermal.ts';

const BRK_NON_TRIP = 1.13 * 1.13; // GB 10963.1 conventional non-tripping current, squared
const BRK_TRIP = 1.45 * 1.45; // conventional tripping current, squared
const UN = 220;

const SPIKE = 2; // a reading above twice the recent mean that the previous one did not share is a start
const SPIKE_FLOOR = 0.1; // × In: small currents are never treated as starts

/**
 * Held current of phase k for the thermal models (I²t). A motor start lasts seconds; caught by a sample it
 * reads 3–6× the running current but heats nothing over the interval. So a reading more than twice the
 * circuit's recent mean (hourly EW mean of the held current) that the previous reading did not share is
 * replaced by that mean; a level seen in two consecutive samples is believed (at the lower of the two).
 * Duty-cycled loads (a motor on and off from one sample to the next) stay within the bound and are held
 * as read.
 */
export function held(c: Circuit, k: number): void {
  const s = c.s, i = V[F_IA + k];
  const prev = s[I_PREV + k];
  s[I_PREV + k] = i;
  if (i !== i) { V[V_HA + k] = prev === prev ? prev : NaN; return; } // one missing reading: hold the last
  let mean = s[I_ENV + k];
  if (mean !== mean) mean = i;
  const lim = SPIKE * mean + SPIKE_FLOOR * c.inA;
  const h = i <= lim ? i : prev === prev && prev > lim ? Math.min(i, prev) : mean;
  s[I_ENV + k] = mean + (h - mean) * s[A_HOUR];
  V[V_HA + k] = h;
}

/** Below this conductor-model rise (K) its estimate is not checked against the terminals. */
const CHECK_RISE_K = 10;

export function overload(c: Circuit, out: DetectionRecord[]): void {
  const ts = V[V_TS];
  const s = c.s, ia = V[V_HA], ib = V[V_HA + 1], ic = V[V_HA + 2], tMax = V[V_TMAX];
  // currents arrive held (inrush rejected, see held())
  let i = ia;
  if (ib > i || i !== i) i = ib;
  if (ic > i || i !== i) i = ic;
  if (i !== i) return; // no trustworthy current at all
  const ambM = s[AMB_T];
  const amb = ambM === ambM ? ambM : TABLE_AMBIENT_C;
  const rz = i / c.izA, rn = i / c.inA;
  // first-order conductor model: rise at Iz equals (limit − table ambient)
  const rise = (c.limitC - TABLE_AMBIENT_C) * rz * rz;
  s[TH_THETA] += (rise - s[TH_THETA]) * s[A_CABLE];
  s[TH_BRK] += (rn * rn - s[TH_BRK]) * s[A_BRK];
  const th = s[TH_THETA], tc = amb + th, h = s[TH_BRK], margin = c.prof.tempWarnMarginK;
  let level =
    tc >= c.limitC + 15 || h >= BRK_TRIP ? 3 :
    tc >= c.limitC || h >= BRK_NON_TRIP ? 2 :
    (tc >= c.limitC - margin && rz > 0.9) || h >= 1.05 * 1.05 ? 1 : 0;
  // The terminals sit on the same conductor: current that really flowed long enough to heat it heats them
  // too (conductor rise plus at least ~8 K·(I/In)² of breaker self-heating). When the trusted terminals
  // with the panel air known stay far below half of that, the current readings were transients (starts
  // caught by consecutive samples), not heat: no overload.
  if (level > 0 && tMax === tMax && ambM === ambM && th + 8 * h >= CHECK_RISE_K && tMax - ambM < 0.5 * (th + 8 * h) - 2) level = 0;
  if (!busy(c, T_OVERLOAD, level)) return;
  const hold = tc >= c.limitC - margin - 5 || h >= 1;
  judge(c, T_OVERLOAD, ts, level, hold, i, Math.min(c.inA, c.izA), tc, out);
}

export function imbalance(c: Circuit, out: DetectionRecord[]): void {
  const ts = V[V_TS];
  const ia = V[F_IA], ib = V[F_IA + 1], ic = V[F_IA + 2];
  if (!c.three || ia !== ia || ib !== ib || ic !== ic) return;
  const p = c.prof;
  const mean = (ia + ib + ic) / 3;
  const neutral = Math.sqrt(Math.max(0, ia * ia + ib * ib + ic * ic - ia * ib - ib * ic - ic * ia));
  let level = 0, hold = false, value = 0, thr = p.imbalanceWarn, aux = 0;
  if (neutral >= p.neutralFrac * c.inA) {
    level = neutral >= 1.2 * c.inA ? 3 : 2;
    value = neutral;
    thr = p.neutralFrac * c.inA;
    aux = 1;
  } else if (mean >= 0.3 * c.inA) {
    // imbalance is only meaningful under real load
    const dev = Math.max(Math.abs(ia - mean), Math.abs(ib - mean), Math.abs(ic - mean)) / mean;
    value = dev;
    level = dev >= p.imbalanceAlarm ? 2 : dev >= p.imbalanceWarn ? 1 : 0;
    thr = level === 2 ? p.imbalanceAlarm : p.imbalanceWarn;
    hold = dev >= 0.8 * p.imbalanceWarn;
  }
  if (!busy(c, T_IMBALANCE, level)) return;
  hold = hold || neutral >= 0.9 * p.neutralFrac * c.inA;
  judge(c, T_IMBALANCE, ts, level, hold, value, thr, aux, out);
}

export function voltage(c: Circuit, out: DetectionRecord[]): void {
  const ts = V[V_TS];
  const ua = V[F_UA], ub = V[F_UA + 1], uc = V[F_UA + 2];
  const hiW = c.uHiW, loW = c.uLoW, hiA = c.uHiA, loA = c.uLoA;
  let level = 0, value = NaN, thr = NaN, aux = 0, hold = false, hi = -1, lo = 1e9, hiPh = 0, loPh = 0, n = 0;
  const us = c.three ? 3 : 1;
  for (let k = 0; k < us; k++) {
    const u = k === 0 ? ua : k === 1 ? ub : uc;
    if (u !== u || u < 50) continue; // unmeasured, or no supply (a dead circuit is not a voltage fault)
    n++;
    if (u > hi) { hi = u; hiPh = k; }
    if (u < lo) { lo = u; loPh = k; }
  }
  if (n === 0) return;
  if (c.three && n === 3 && hi > UN * 1.1 && lo < UN * 0.9 && hi - lo > UN * 0.25) {
    level = 3; value = hi; thr = hiA; aux = 2 + 10 * hiPh; // neutral lost: star point floats
  } else if (hi - UN >= UN - lo) {
    level = hi >= hiA ? 2 : hi >= hiW ? 1 : 0;
    value = hi; thr = level === 2 ? hiA : hiW; aux = 10 * hiPh;
  } else {
    level = lo <= loA ? 2 : lo <= loW ? 1 : 0;
    value = lo; thr = level === 2 ? loA : loW; aux = 1 + 10 * loPh;
  }
  if (!busy(c, T_VOLTAGE, level)) return;
  hold = hi >= hiW - 3 || lo <= loW + 3;
  judge(c, T_VOLTAGE, ts, level, hold, value, thr, aux, out);
}
