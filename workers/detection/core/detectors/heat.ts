/**
 * Temperature detectors. overtemperature: hottest trusted terminal against the set point and the
 * insulation limit. abnormal_heating: each terminal's rise over the panel ambient is fitted online
 * against its own lagged (I/In)² (a first-order terminal model); a loose or oxidised joint shows as a
 * steeper slope than its siblings at equal current (phases, and phase vs neutral), or as rise the
 * reference model cannot explain. Sun on the box heats ambient and every terminal alike, so it cancels.
 * A terminal whose zero-load offset wanders while its load response stays normal is a drifting sensor.
 */
import type { Circuit } from '../circuit.ts';
import { step } from '../lifecycle.ts';
import { emit, type DetectionRecord } from '../records.ts';
import { flagSensor, unflagDrift } from '../sensor.ts';
import { TABLE_AMBIENT_C } from '../thermal.ts';
import {
  A_CABLE, AMB_T, TH_THETA, F_TA, G_LAST_DT, H_BASE, H_SIZE, H_XLAG, HT_DIFF, SENSOR_DRIFT, T_HEATING, T_OVERTEMP,
  H_MW, H_MX, H_MY, H_MXX, H_MXY, H_FW, H_FX, H_FE, H_FXX, H_FXE, H_RES,
} from '../slots.ts';

const K_BRK = 11; // K: breaker pole/terminal self-heating at rated current (typical 8–14 K)
const DRIFT_K = 6; // offset at light load that marks a drifting sensor
const MIN_VAR = 0.002; // variance of (I/In)² needed to separate slope from offset
const LIGHT = 0.02; // (I/In)² below which a joint cannot make DRIFT_K of extra heat (I < 14 % In)

export function overtemperature(c: Circuit, ts: number, ta: number, tb: number, tc: number, tn: number, out: DetectionRecord[]): void {
  let t = -Infinity, which = 0;
  if (ta > t) { t = ta; which = 0; }
  if (tb > t) { t = tb; which = 1; }
  if (tc > t) { t = tc; which = 2; }
  if (tn > t) { t = tn; which = 3; }
  if (t === -Infinity) return; // NaN compares false: nothing trusted this sample
  const sp = c.prof.tempSetC, m = c.prof.tempWarnMarginK;
  const level = t >= c.limitC + 10 || t >= sp + 20 ? 3 : t >= sp ? 2 : t >= sp - m ? 1 : 0;
  const act = step(c.s, T_OVERTEMP, c.pers, ts, level, t >= sp - m - 3, t, level >= 2 ? sp : sp - m, F_TA + which);
  if (act) emit(c, T_OVERTEMP, act, ts, out);
}

// scratch, reused: the hot path allocates nothing
const T = new Float64Array(4), X = new Float64Array(4), R = new Float64Array(4), EX = new Float64Array(4);

const SLOW_TAU_S = 2 * 86_400; // per-pole baseline of the rise: learned over days, only while calm
const FAST_TAU_S = 6 * 3600; // excess-vs-load regression: within a daily load cycle
const CALM_K = 3; // differential excess below which the baseline keeps learning
const MIN_VAR_F = 0.0008; // variance of (I/In)² needed to tell a load-scaled excess from an offset
const MATURE_W = 0.39; // slow-model weight (≈ 1 day: one full load cycle separates offset from slope) before residuals are judged
const DRIFT_GAP = 2.5; // K: a sensor drifting ≤ 6 K/day leads its 6 h mean by ≤ 1.5 K; a heating joint accelerates past this
const FAST_GAP = 5; // K: excess running this far ahead of its 6 h mean grows faster than any drift — heat, not a sensor
const SENSOR_DRIFT_CODE = SENSOR_DRIFT;

/**
 * abnormal_heating by pole differentials at equal current. Each terminal's rise over the panel air is
 * compared with a slowly learned model of its own healthy rise (offset + slope on the lagged (I/In)²); the
 * residual of one pole minus its siblings' (a vs n single-phase; a/b/c/n three-phase) cancels everything
 * the panel shares (sun, heaters, ambient lag, festival load). A loose joint's excess grows and scales with
 * I²; a drifting sensor's is an offset that does not follow load (and shows at light load): that is a
 * sensor fault, withheld from hazard detection. `drift` has bit i set for fields already flagged drifting
 * (their raw values are passed so the flag can be lifted when the offset is gone).
 */
export function heating(c: Circuit, ts: number, ta: number, tb: number, tc: number, tn: number, ia: number, ib: number, ic: number, drift: number, out: DetectionRecord[]): void {
  const s = c.s;
  let amb = s[AMB_T];
  if (amb !== amb) amb = Math.min(ta === ta ? ta : Infinity, tb === tb ? tb : Infinity, tc === tc ? tc : Infinity, tn === tn ? tn : Infinity);
  if (amb === Infinity) return;
  const inA = c.inA, aT = s[A_CABLE], dt = s[G_LAST_DT];
  const aS = 1 - Math.exp(-dt / SLOW_TAU_S), aF = 1 - Math.exp(-dt / FAST_TAU_S);
  const kCable = (c.limitC - TABLE_AMBIENT_C) * (inA / c.izA) * (inA / c.izA);
  const ineutral = c.three ? Math.max(Math.sqrt(Math.max(0, ia * ia + ib * ib + ic * ic - ia * ib - ib * ic - ic * ia)), (ia + ib + ic) / 3) : ia;
  T[0] = ta; T[1] = tb; T[2] = tc; T[3] = tn;
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const cur = i === 0 ? ia : i === 1 ? ib : i === 2 ? ic : ineutral;
    const o = H_BASE + i * H_SIZE;
    R[i] = NaN;
    if (cur !== cur) continue;
    const r = cur / inA;
    s[o + H_XLAG] += (r * r - s[o + H_XLAG]) * aT;
    const x = (X[i] = s[o + H_XLAG]);
    if (T[i] !== T[i]) continue;
    const y = T[i] - amb;
    // slow model of this pole's healthy rise
    const w = s[o + H_MW];
    let k = i === 3 && !c.three ? kCable + 0.5 * K_BRK : kCable + K_BRK;
    let c0 = y - k * x;
    if (w > 0) {
      const v = s[o + H_MXX] - s[o + H_MX] * s[o + H_MX];
      if (v > MIN_VAR) k = Math.max(0, (s[o + H_MXY] - s[o + H_MX] * s[o + H_MY]) / v);
      c0 = s[o + H_MY] - k * s[o + H_MX];
    }
    const res = y - c0 - k * x;
    {
      // learn while calm; while a pole runs hot, 20× slower (a joint's excess is never absorbed, a lasting
      // change of the installation eventually is)
      const aa = w < MATURE_W || Math.abs(s[o + H_RES]) < CALM_K ? aS : aS / 20;
      s[o + H_MW] += (1 - w) * aa;
      const a = aa / s[o + H_MW]; // weight-normalised: the first hours are a plain running mean
      s[o + H_MX] += (x - s[o + H_MX]) * a;
      s[o + H_MY] += (y - s[o + H_MY]) * a;
      s[o + H_MXX] += (x * x - s[o + H_MXX]) * a;
      s[o + H_MXY] += (x * y - s[o + H_MXY]) * a;
    }
    if (s[o + H_MW] < MATURE_W) { s[o + H_RES] = 0; continue; }
    R[i] = res;
    n++;
  }
  if (n < 2) return;
  let level = 0, best = -Infinity, bestI = 0, hold = false;
  const warnD = Math.round(Math.max(6, 0.67 * c.prof.heatWarnK) * 10) / 10, alarmD = Math.round(Math.max(warnD + 4, 0.8 * c.prof.heatAlarmK) * 10) / 10;
  for (let i = 0; i < 4; i++) {
    EX[i] = NaN;
    if (R[i] !== R[i]) continue;
    // reference: the siblings' residual (median of up to three; drifting siblings excluded)
    let r1 = NaN, r2 = NaN, r3 = NaN, m = 0;
    for (let j = 0; j < 4; j++) {
      if (j === i || R[j] !== R[j] || (drift >> j) & 1) continue;
      if (m === 0) r1 = R[j]; else if (m === 1) r2 = R[j]; else r3 = R[j];
      m++;
    }
    if (m === 0) continue;
    const ref = m === 1 ? r1 : m === 2 ? (r1 + r2) / 2 : Math.max(Math.min(r1, r2), Math.min(Math.max(r1, r2), r3));
    // hotter than its own healthy model AND than its siblings: a common-mode cooling of the siblings (their
    // terminals lagging a load step or an inrush, the panel air warming faster than the metal) is not heat here
    const ex = (EX[i] = R[i] - (ref > 0 ? ref : 0));
    const o = H_BASE + i * H_SIZE;
    s[o + H_RES] = ex;
    s[o + H_FW] += (1 - s[o + H_FW]) * aF;
    const x = X[i], a = aF / s[o + H_FW];
    s[o + H_FX] += (x - s[o + H_FX]) * a;
    s[o + H_FE] += (ex - s[o + H_FE]) * a;
    s[o + H_FXX] += (x * x - s[o + H_FXX]) * a;
    s[o + H_FXE] += (x * ex - s[o + H_FXE]) * a;
    const v = s[o + H_FXX] - s[o + H_FX] * s[o + H_FX];
    const em = s[o + H_FE];
    // offset part of the excess (what is left at zero load): a joint has none, a drifting sensor all of it
    const beta = v > MIN_VAR_F ? (s[o + H_FXE] - s[o + H_FX] * em) / v : NaN;
    const alpha = beta === beta ? em - beta * s[o + H_FX] : NaN;
    // growth: a drifting sensor creeps (≤ 6 K/day, so it leads its 6 h mean by ≤ 1.5 K); a loose joint's
    // contact resistance grows exponentially, so its excess runs ahead of its own recent mean
    const gap = ex - em;
    // load share of the mean excess: ≈ 1 for a joint (I²·R), ≈ 0 for an offset; judged only while it is not
    // growing faster than a drift can
    const share = alpha === alpha && em !== 0 ? (em - alpha) / em : NaN;
    const offsetShape = share === share && share < 0.35 && gap * em <= DRIFT_GAP * Math.abs(em);
    const offsetLike = (offsetShape && Math.abs(em) >= DRIFT_K) ||
      (x < LIGHT && s[TH_THETA] < 1 && Math.abs(ex) >= DRIFT_K && Math.abs(em) >= 0.6 * DRIFT_K && em * ex > 0 && Math.abs(gap) <= DRIFT_GAP);
    if ((drift >> i) & 1) {
      // a flagged drift is lifted once the offset is really gone, or when the excess grows faster than any
      // drift can (a joint heating at light load looks offset-like until it accelerates)
      if ((Math.abs(em) < 1.5 && Math.abs(ex) < 2) || (gap >= FAST_GAP && ex >= warnD)) unflagDrift(s, F_TA + i);
      continue;
    }
    if (offsetLike && Math.abs(R[i]) >= Math.abs(ref)) {
      flagSensor(s, F_TA + i, SENSOR_DRIFT_CODE);
      continue;
    }
    // an offset-shaped excess still building up towards the drift flag raises nothing meanwhile
    if (offsetLike || (offsetShape && Math.abs(em) >= 0.5 * DRIFT_K)) continue;
    const lv = ex >= 2 * alarmD ? 3 : ex >= alarmD ? 2 : ex >= warnD ? 1 : 0;
    if (lv > level || (lv === level && ex > best)) { level = lv; best = ex; bestI = i; }
    // hysteresis: a joint cools at night with the load, its daily-mean excess keeps the alarm
    // (and the load-scaled excess, K at rated current, keeps it while the load is light)
    if (ex >= 0.6 * warnD || em >= 0.4 * warnD || (beta === beta && beta >= warnD && em > 0 && (alpha !== alpha || alpha < 0.5 * em + 1))) hold = true;
  }
  if (best === -Infinity) return;
  s[HT_DIFF] = best;
  const act = step(s, T_HEATING, c.pers, ts, level, hold, best, level >= 2 ? alarmD : warnD, F_TA + bestI);
  if (act) emit(c, T_HEATING, act, ts, out);
}
