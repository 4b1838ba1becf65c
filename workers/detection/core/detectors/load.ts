/**
 * Current and voltage detectors: overload through a conductor thermal model and a breaker thermal
 * memory (not a bare I > In), three-phase imbalance and computed neutral current, voltage band and
 * lost neutral. Inputs are the sensor-checked values (NaN = withheld).
 */
import type { Circuit } from '../circuit.ts';
import { step } from '../lifecycle.ts';
import { emit, type DetectionRecord } from '../records.ts';
import { A_BRK, A_CABLE, AMB_T, I_PREV, TH_BRK, TH_THETA, T_IMBALANCE, T_OVERLOAD, T_VOLTAGE } from '../slots.ts';
import { TABLE_AMBIENT_C } from '../thermal.ts';

const BRK_NON_TRIP = 1.13 * 1.13; // GB 10963.1 conventional non-tripping current, squared
const BRK_TRIP = 1.45 * 1.45; // conventional tripping current, squared
const UN = 220;

/** Two-sample minimum: a current must be seen twice before it heats anything (inrush lasts seconds). */
export function settled(s: Float64Array, k: number, i: number): number {
  const prev = s[I_PREV + k];
  s[I_PREV + k] = i;
  return i === i ? (prev === prev ? Math.min(i, prev) : 0) : prev === prev ? prev : NaN;
}

export function overload(c: Circuit, ts: number, ia: number, ib: number, ic: number, out: DetectionRecord[]): void {
  const s = c.s;
  // currents arrive already settled (two-sample minimum, see settled())
  const a = ia, b = ib, cc = ic;
  let i = a;
  if (b > i || i !== i) i = b;
  if (cc > i || i !== i) i = cc;
  if (i !== i) return; // no trustworthy current at all
  const amb = s[AMB_T] === s[AMB_T] ? s[AMB_T] : TABLE_AMBIENT_C;
  const rz = i / c.izA, rn = i / c.inA;
  // first-order conductor model: rise at Iz equals (limit − table ambient)
  const rise = (c.limitC - TABLE_AMBIENT_C) * rz * rz;
  s[TH_THETA] += (rise - s[TH_THETA]) * s[A_CABLE];
  s[TH_BRK] += (rn * rn - s[TH_BRK]) * s[A_BRK];
  const tc = amb + s[TH_THETA], h = s[TH_BRK], margin = c.prof.tempWarnMarginK;
  const level =
    tc >= c.limitC + 15 || h >= BRK_TRIP ? 3 :
    tc >= c.limitC || h >= BRK_NON_TRIP ? 2 :
    (tc >= c.limitC - margin && rz > 0.9) || h >= 1.05 * 1.05 ? 1 : 0;
  const hold = tc >= c.limitC - margin - 5 || h >= 1;
  const act = step(s, T_OVERLOAD, c.pers, ts, level, hold, i, Math.min(c.inA, c.izA), tc);
  if (act) emit(c, T_OVERLOAD, act, ts, out);
}

export function imbalance(c: Circuit, ts: number, ia: number, ib: number, ic: number, out: DetectionRecord[]): void {
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
  hold = hold || neutral >= 0.9 * p.neutralFrac * c.inA;
  const act = step(c.s, T_IMBALANCE, c.pers, ts, level, hold, value, thr, aux);
  if (act) emit(c, T_IMBALANCE, act, ts, out);
}

export function voltage(c: Circuit, ts: number, ua: number, ub: number, uc: number, out: DetectionRecord[]): void {
  const p = c.prof;
  const hiW = UN * (1 + p.uWarnHighPct / 100), loW = UN * (1 - p.uWarnLowPct / 100);
  const hiA = UN * (1 + p.uAlarmPct / 100), loA = UN * (1 - p.uAlarmPct / 100);
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
  hold = hi >= hiW - 3 || lo <= loW + 3;
  const act = step(c.s, T_VOLTAGE, c.pers, ts, level, hold, value, thr, aux);
  if (act) emit(c, T_VOLTAGE, act, ts, out);
}
