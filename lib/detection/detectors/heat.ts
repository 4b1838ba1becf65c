/**
 * Temperature detectors. overtemperature: hottest trusted terminal against the set point and the
 * insulation limit, with a projected 预警. abnormal_heating: each terminal's rise over the panel air is
 * fitted online against its own lagged (I/In)²; what one pole runs above its model and its siblings is
 * told apart as heat (follows I²) or a drifting sensor (follows time). Sun on the box heats the panel air
 * and every terminal alike, so it cancels.
 */
import type { Circuit } from '../circuit.ts';
import { busy, force, severityOf, sync } from '../lifecycle.ts';
import { V, V_TS, V_DA, V_HA } from '../reading.ts';
import { emit, judge, restate, type DetectionRecord } from '../records.ts';
import { AUX_HIDDEN_HELD, AUX_HIDDEN_HOT, clearHidden, hiddenField, lastTrusted, markHidden, wasClimbing } from './hidden.ts';
import { flagSensor, unflagDrift } from '../sensor.ts';
import { TABLE_AMBIENT_C } from '../thermal.ts';
import {
  A_CABLE, A_FAST, A_SLOW, A_TERM, AMB_T, F_TA, G_HIDDEN, HT_RATED, G_LAST_DT, G_T0, H_BASE, H_SIZE, H_XLAG, H_XF, HT_DIFF, L_AUX, L_BASE, L_SIZE, L_THRESH, L_VALUE,
  SENSOR_DRIFT, T_HEATING, T_OVERTEMP,
  G_HT, G_HTT, G_HW, H_MW, H_MX, H_MY, H_MXX, H_MXY, H_RES, H_E, H_TE, H_EE, H_UU, H_UUT, H_UUTT, H_UE, H_UTE, H_TPREV, H_TRATE,
} from '../slots.ts';

const K_BRK = 11; // K: breaker pole/terminal self-heating at rated current (typical 8–14 K)
const MIN_VAR = 0.002; // variance of (I/In)² needed to separate slope from offset

/** Smoothed rate of change of one trusted terminal reading (K/s), for the overtemperature projection. */
function trackRate(s: Float64Array, o: number, t: number, dt: number, a: number): void {
  const prev = s[o + H_TPREV];
  s[o + H_TPREV] = t;
  if (prev !== prev) { s[o + H_TRATE] = 0; return; }
  s[o + H_TRATE] += ((t - prev) / dt - s[o + H_TRATE]) * a;
}

/**
 * overtemperature: the hottest trusted terminal against the set point (报警) and the insulation limit
 * (critical). The 预警 before the set point is a forecast, not a band: a terminal in the last `margin` K
 * warns only when, at the present load, it is still heading for the set point — its first-order projection
 * T + τ·dT/dt (τ the conductor's time constant) reaches it. A circuit that runs warm at its daily peak and
 * levels off below the set point (a well-loaded lamp circuit on a summer morning) is not a hazard.
 */
export function overtemperature(c: Circuit, out: DetectionRecord[]): void {
  const ts = V[V_TS];
  const s = c.s, dt = s[G_LAST_DT], a = s[A_CABLE];
  const sp = c.prof.tempSetC, m = c.prof.tempWarnMarginK;
  let t = -Infinity, which = 0, proj = -Infinity, hot = false, fresh = false;
  for (let i = 0; i < 4; i++) {
    let v = V[F_TA + i];
    const o = H_BASE + i * H_SIZE;
    if (v !== v) {
      // absent or withheld: a failed sensor over a terminal that was hot or climbing still stands for that heat
      if (!hiddenField(s, F_TA + i)) continue;
      const last = lastTrusted(s, i);
      if (!(last >= sp - m)) continue; // it failed on a normal circuit: a sensor fault only
      v = last;
      fresh = markHidden(s, i) || fresh;
      if (v > t) { t = v; which = i; hot = wasClimbing(s, i) || last >= sp; }
      if (v > proj) proj = v;
      continue;
    }
    clearHidden(s, i);
    trackRate(s, o, v, dt, a);
    const r = s[o + H_TRATE];
    const p = v + (r > 0 ? r * c.tauCableS : 0);
    if (p > proj) proj = p;
    if (v > t) { t = v; which = i; hot = false; }
  }
  if (t === -Infinity) return; // nothing trusted this sample
  const hiddenMax = ((s[G_HIDDEN] >> which) & 1) === 1;
  let level = t >= c.limitC + 10 || t >= sp + 20 ? 3 : t >= sp ? 2 : t >= sp - m && proj >= sp ? 1 : 0;
  if (hiddenMax && hot) level = 3; // the heat it last showed may be burning on unseen: treat as a fire
  const aux = F_TA + which + (hiddenMax ? (hot ? AUX_HIDDEN_HOT : AUX_HIDDEN_HELD) : 0);
  if (!busy(c, T_OVERTEMP, level)) return;
  const thr = level >= 2 ? sp : sp - m;
  const act = judge(c, T_OVERTEMP, ts, level, t >= sp - m - 3 || hiddenMax, t, thr, aux, out);
  if (fresh && hiddenMax && act === 0) restate(c, T_OVERTEMP, ts, t, thr, aux, out);
}

// scratch, reused: the hot path allocates nothing
const T = new Float64Array(4), R = new Float64Array(4);

const CALM_K = 3; // excess below which a pole's healthy model keeps learning at full speed
const MATURE_W = 0.39; // slow-model weight (≈ 1 day: one full load cycle separates offset from slope) before residuals are judged
const WINDOW_W = 0.5; // excess-window weight (≈ 4 h of the 6 h window) before its shape is judged
const DRIFT_K = 6; // K: an excess this large that follows time, not load, is a drifting sensor
const DRIFT_RATE = 0.35; // K/h: faster than a drifting sensor creeps (≤ 6 K/day, 0.25 K/h)
const FIT_FLOOR = 0.15; // K²: noise floor of the shape fits (two sensors' noise and the models' error)
const SHAPE = 2; // the other explanation must fit this many times worse
const LOAD_FLOOR_K = 3; // K: an excess this large is beyond the two sensors' noise and the models' error
const SHIFT_H = 48; // move the time origin forward after this many hours (keeps the moments well conditioned)
const HOUR_MS = 3_600_000;
const SENSOR_DRIFT_CODE = SENSOR_DRIFT;

/**
 * An open abnormal_heating alarm whose terminal's sensor fails is kept (hidden.ts): at 危急 when the terminal was
 * at the overtemperature warning band and climbing, else at its severity; the excess models wait meanwhile.
 */
function heldByHiddenSensor(c: Circuit, out: DetectionRecord[]): boolean {
  const s = c.s, b = L_BASE + T_HEATING * L_SIZE;
  const f = s[b + L_AUX] % AUX_HIDDEN_HOT, i = f - F_TA;
  if (i < 0 || i > 3 || !hiddenField(s, f)) return false;
  const fresh = markHidden(s, i);
  const last = lastTrusted(s, i), sp = c.prof.tempSetC;
  const hot = last >= sp - c.prof.tempWarnMarginK && (wasClimbing(s, i) || last >= sp);
  const aux = f + (hot ? AUX_HIDDEN_HOT : AUX_HIDDEN_HELD), ts = V[V_TS];
  if (hot && severityOf(s, T_HEATING) < 3) {
    const act = force(s, T_HEATING, ts, 3, s[b + L_VALUE], s[b + L_THRESH], aux);
    if (act) emit(c, T_HEATING, act, ts, out);
    sync(c, T_HEATING);
    return true;
  }
  const act = judge(c, T_HEATING, ts, severityOf(s, T_HEATING), true, s[b + L_VALUE], s[b + L_THRESH], aux, out);
  if (fresh && act === 0) restate(c, T_HEATING, ts, s[b + L_VALUE], s[b + L_THRESH], aux, out);
  return true;
}

/** Move the time origin of the shape moments forward by d hours. */
function shiftTime(s: Float64Array, d: number): void {
  const t = s[G_HT];
  s[G_HTT] += d * d - 2 * d * t;
  s[G_HT] = t - d;
  for (let i = 0; i < 4; i++) {
    const o = H_BASE + i * H_SIZE;
    s[o + H_TE] -= d * s[o + H_E];
    s[o + H_UUTT] += d * d * s[o + H_UU] - 2 * d * s[o + H_UUT];
    s[o + H_UUT] -= d * s[o + H_UU];
    s[o + H_UTE] -= d * s[o + H_UE];
  }
}

/**
 * abnormal_heating by pole differentials at equal current. Each terminal's rise over the panel air is
 * compared with a slowly learned model of its own healthy rise (offset + slope on the lagged (I/In)²); the
 * residual of one pole minus its siblings' (a vs n single-phase; a/b/c/n three-phase) cancels everything
 * the panel shares (sun, heaters, ambient lag, festival load). What is left — the excess — has two possible
 * causes, told apart by its shape over the last hours:
 *  - a loose or oxidised joint: I²·R heat, so the excess follows the load, e = u·(c + d·t) (u = (I/In)² at the
 *    terminal's time constant; R grows, hence the time term), and is nil when no current flows;
 *  - a drifting sensor: an offset that follows time, not load, e = a + b·t, and creeps (≤ 6 K/day).
 * Both are fitted by least squares on exponentially weighted moments; the one that fits clearly better
 * decides. A drift is flagged as a sensor fault (that field is then withheld from hazard detection); a
 * load-following excess is heat. An excess that is not (yet) told apart raises heat only while it grows
 * faster than a sensor can drift. `drift` has bit i set for fields already flagged drifting (their raw
 * values are passed so the flag can be lifted when the excess turns out to follow load, or is gone).
 */
export function heating(c: Circuit, drift: number, out: DetectionRecord[]): void {
  const ts = V[V_TS];
  const s = c.s;
  if ((c.live & (1 << T_HEATING)) !== 0 && severityOf(s, T_HEATING) > 0 && heldByHiddenSensor(c, out)) return;
  const ta = V[V_DA], tb = V[V_DA + 1], tc = V[V_DA + 2], tn = V[V_DA + 3], ia = V[V_HA], ib = V[V_HA + 1], ic = V[V_HA + 2];
  let amb = s[AMB_T];
  if (amb !== amb) amb = Math.min(ta === ta ? ta : Infinity, tb === tb ? tb : Infinity, tc === tc ? tc : Infinity, tn === tn ? tn : Infinity);
  if (amb === Infinity) return;
  const inA = c.inA, aT = s[A_CABLE], aU = s[A_TERM], aS = s[A_SLOW], aF = s[A_FAST];
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
    s[o + H_XF] += (r * r - s[o + H_XF]) * aU;
    const x = s[o + H_XLAG];
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
  // time axis of the shape fits, in hours from an origin that moves forward now and then
  if (s[G_T0] !== s[G_T0]) s[G_T0] = ts;
  let th = (ts - s[G_T0]) / HOUR_MS;
  if (th > SHIFT_H) {
    shiftTime(s, th);
    s[G_T0] = ts;
    th = 0;
  }
  // exponentially weighted moments over ~6 h (weight-normalised means); weight and time are shared
  s[G_HW] += (1 - s[G_HW]) * aF;
  const a = aF / s[G_HW];
  s[G_HT] += (th - s[G_HT]) * a;
  s[G_HTT] += (th * th - s[G_HTT]) * a;
  const mt = s[G_HT], vt = s[G_HTT] - mt * mt, judged = s[G_HW] >= WINDOW_W;
  const open = (c.live & (1 << T_HEATING)) !== 0 && severityOf(s, T_HEATING) > 0; // the mask spares the slot read
  let level = 0, best = -Infinity, bestI = 0, hold = false;
  const warnD = c.heatWarnD, alarmD = c.heatAlarmD;
  for (let i = 0; i < 4; i++) {
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
    const e = R[i] - (ref > 0 ? ref : 0);
    const o = H_BASE + i * H_SIZE;
    s[o + H_RES] = e;
    const u = s[o + H_XF], ut = u * th;
    s[o + H_E] += (e - s[o + H_E]) * a;
    s[o + H_TE] += (th * e - s[o + H_TE]) * a;
    s[o + H_EE] += (e * e - s[o + H_EE]) * a;
    s[o + H_UU] += (u * u - s[o + H_UU]) * a;
    s[o + H_UUT] += (u * ut - s[o + H_UUT]) * a;
    s[o + H_UUTT] += (ut * ut - s[o + H_UUTT]) * a;
    s[o + H_UE] += (u * e - s[o + H_UE]) * a;
    s[o + H_UTE] += (ut * e - s[o + H_UTE]) * a;
    const em = s[o + H_E];
    const flagged = (drift >> i) & 1;
    // an excess below the floor, on a healthy field, with nothing open, needs no explaining
    if (!flagged && !open && e < LOAD_FLOOR_K && Math.abs(em) < DRIFT_K) {
      if (e > best && level === 0) { best = e; bestI = i; }
      continue;
    }
    // drift: e = α + β·t
    const ve = s[o + H_EE] - em * em;
    const cte = s[o + H_TE] - mt * em;
    const beta = vt > 1e-6 ? cte / vt : 0; // K/h
    const rssD = Math.max(0, vt > 1e-6 ? ve - cte * beta : ve);
    // joint: e = u·(γ + δ·t), no constant term
    const uu = s[o + H_UU], uut = s[o + H_UUT], uutt = s[o + H_UUTT], ue = s[o + H_UE], ute = s[o + H_UTE];
    const det = uu * uutt - uut * uut;
    let gamma = 0, delta = 0;
    if (det > 1e-12 * uu * uutt && det > 0) {
      gamma = (uutt * ue - uut * ute) / det;
      delta = (uu * ute - uut * ue) / det;
    } else if (uu > 1e-9) gamma = ue / uu;
    const rssJ = Math.max(0, s[o + H_EE] - gamma * ue - delta * ute);
    const followsTime = judged && rssJ + FIT_FLOOR > SHAPE * (rssD + FIT_FLOOR);
    const followsLoad = judged && rssD + FIT_FLOOR > SHAPE * (rssJ + FIT_FLOOR);
    // excess at rated current from the joint fit (K), for the hysteresis while the load is light
    const atRated = gamma + delta * th;
    const creeping = Math.abs(beta) <= DRIFT_RATE;
    if (flagged) {
      // a flagged drift is lifted once the offset is really gone, or when the excess turns out to be heat
      if ((Math.abs(em) < 1.5 && Math.abs(e) < 2) || (followsLoad && e >= warnD && atRated > 0)) unflagDrift(s, F_TA + i);
      continue;
    }
    if (followsTime && creeping && Math.abs(em) >= DRIFT_K && Math.abs(e - em) <= DRIFT_K && Math.abs(R[i]) >= Math.abs(ref)) {
      flagSensor(s, F_TA + i, SENSOR_DRIFT_CODE);
      continue;
    }
    // an offset building up the way a drift does raises nothing meanwhile; an excess not yet told apart
    // counts as heat only while it grows faster than a sensor drifts
    if (followsTime && creeping) continue;
    if (!followsLoad && !followsTime && beta <= DRIFT_RATE && e < 2 * alarmD) continue;
    let lv = e >= 2 * alarmD ? 3 : e >= alarmD ? 2 : e >= warnD ? 1 : 0;
    // I²R heat of a joint seen at light load is the heat it makes at rated current scaled by (I/In)²: a few K at
    // a third of the load is tens of K at full load. Judged on the load-scaled excess once its shape follows load.
    if (followsLoad && e >= LOAD_FLOOR_K) {
      if (atRated >= c.prof.heatAlarmK && e >= 2 * LOAD_FLOOR_K) { if (lv < 2) lv = 2; }
      else if (atRated >= c.prof.heatWarnK && lv < 1) lv = 1;
    }
    if (lv > level || (lv === level && e > best)) { level = lv; best = e; bestI = i; s[HT_RATED] = followsLoad ? atRated : NaN; }
    // hysteresis: a joint cools at night with the load, its recent mean excess keeps the alarm
    // (and so does its load-scaled excess, K at rated current, while the load is light)
    if (e >= 0.6 * warnD || em >= 0.4 * warnD || (followsLoad && atRated >= warnD)) hold = true;
  }
  if (best === -Infinity) return;
  s[HT_DIFF] = best;
  if (busy(c, T_HEATING, level)) judge(c, T_HEATING, ts, level, hold, best, level >= 2 ? alarmD : warnD, F_TA + bestI, out);
}
