/**
 * Leakage detectors. residual_current: the GB 50116 set point, alarmed on the first report at or over it
 * (GB 14287.2: within 30 s, and devices report every 60–120 s), unless the reading itself explains it as a
 * panel transient (sensor.ts panelTransient: several CTs jumped together, the device's own self-test, a motor
 * start) — then a second report over the set point alarms.
 * insulation_degradation: corrected leakage trending up from its own baseline while still below the set point. Healthy leakage follows the load (cable capacitance and filters carry current
 * in proportion: a motor's leakage comes and goes with it) and the humidity (rain, dew): both sensitivities
 * are fitted online and removed before the trend is judged.
 */
import type { Circuit } from '../circuit.ts';
import { busy } from '../lifecycle.ts';
import { V, V_TS } from '../reading.ts';
import { HELD_IR, IR_TRANSIENT, TRANSIENT_PANEL, TRANSIENT_START } from '../sensor.ts';
import { judge, type DetectionRecord } from '../records.ts';
import {
  A_DAY, A_HOUR, A_WEEK, AMB_RH, F_IA, F_IR, S_BASE, S_SIZE, S_SPIKES, LK_BASE, LK_C, LK_PREV, LK_REG, LK_S, LK_SLOPE, LK_STEPN, LK_STEPV, LK_T0, LK_TW, RS_PREV, T_INSULATION, T_RESIDUAL,
} from '../slots.ts';

/**
 * Humidity's share of healthy leakage is surface conduction, and surface resistance falls about a decade per
 * 15–20 %rh (IEEE Std 43; IEC 60664-1 on pollution with condensation): the regressor is 40·10^((rh − 100)/20),
 * ≈ 0.4 at 60 %rh, 4 at 80 %, 25 at 96 %, 40 saturated — a wet night in an outdoor box can multiply a dry
 * circuit's leakage by twenty, honestly.
 */
const wetness = (rh: number) => 40 * Math.pow(10, (rh - 100) / 20);
const STEP_MA = 20; // a one-sample jump this big that then holds is a connected appliance, not ageing insulation
const STEP_HOLD = 3;
const MIN_VAR_H = 4; // wetness² (≈ 80 ↔ 90 %rh swings): humidity variance needed before its sensitivity is fitted
const MIN_VAR_L = 0.002; // (ΣI/In)²: load variance needed before the load's share of leakage is fitted
const REG_MATURE_W = 0.13; // weight of the weekly regression after about a day

/**
 * A leakage step the load does not explain (an appliance with big EMC filters plugged in, or removed) jumps
 * in one sample and then holds; degrading insulation creeps up a few mA per sample at most. A confirmed step
 * moves the baseline and the regressions with it, so it is never read as a trend. A one-sample RCD test
 * press does not hold. `ir` here is the load-corrected leakage.
 */
function stepCheck(s: Float64Array, ir: number): void {
  const prev = s[LK_PREV];
  s[LK_PREV] = ir;
  if (prev !== prev) return;
  const pend = s[LK_STEPV];
  if (s[LK_STEPN] > 0) {
    if (Math.abs(ir - prev) < 0.25 * Math.abs(pend) && Math.abs(ir - prev) < STEP_MA) {
      if (++s[LK_STEPN] >= STEP_HOLD) {
        s[LK_STEPN] = 0;
        // a step down never takes the baseline below the new level (its step up may have gone unconfirmed)
        const b = s[LK_BASE];
        s[LK_BASE] = pend > 0 ? b + pend : Math.max(0, b + pend, Math.min(b, ir));
        s[LK_S] = ir;
        const w = s[LK_TW];
        s[LK_TW + 2] += pend * w;
        s[LK_TW + 4] += pend * s[LK_TW + 1];
        // the fitted intercept takes the step at once (shift every past leakage by it)
        s[LK_REG + 3] += pend;
        s[LK_REG + 7] += pend * s[LK_REG + 1];
        s[LK_REG + 8] += pend * s[LK_REG + 2];
      }
      return;
    }
    s[LK_STEPN] = 0;
  }
  const j = ir - prev;
  // both ways: a motor's leakage (filters, windings) comes and goes with it, so an appliance switched off
  // must take back what switching it on added, or the baseline ratchets up with every start
  if (Math.abs(j) >= STEP_MA && Math.abs(j) >= 0.15 * Math.max(prev, ir)) {
    s[LK_STEPV] = j;
    s[LK_STEPN] = 1;
  }
}
const DAY_MS = 86_400_000;
const IR_SPIKES = S_BASE + F_IR * S_SIZE + S_SPIKES;

export function residual(c: Circuit, out: DetectionRecord[]): void {
  const ts = V[V_TS];
  // a jump held back as a possible spike still counts here: an earth fault's first report is such a jump
  const ir = V[F_IR] === V[F_IR] ? V[F_IR] : HELD_IR[0];
  if (ir !== ir) return;
  const s = c.s, sp = c.prof.residualSetMa;
  let level = 0;
  if (ir >= sp) {
    level = ir >= 2 * sp || ir >= 1000 ? 3 : 2;
    // a transient lasts a moment: a motor start explains one report, a panel-wide jump (surge, self-test) each
    // report it shows in, up to three in a row — leakage over the set point that stays is a fault
    // (and a circuit whose leakage reading has lately jumped for one report and come back — spikes confirmed
    // by the sensor check — gets one report of doubt for the next such jump: its history says transient)
    const why = HELD_IR[IR_TRANSIENT], run = s[RS_PREV];
    const spiky = s[IR_SPIKES] >= 0.5 && V[F_IR] !== V[F_IR];
    if (((why === TRANSIENT_START || spiky) && run === 0) || (why === TRANSIENT_PANEL && run < 3)) level = 0;
    s[RS_PREV] = run + 1;
  } else s[RS_PREV] = 0;
  if (busy(c, T_RESIDUAL, level)) judge(c, T_RESIDUAL, ts, level, ir >= 0.9 * sp, ir, sp, 0, out);
}

/*
 * The two regressions below are exponentially weighted mean updates of (w, Σx, Σy, Σxx, Σxy) blocks, written
 * out in place: a helper taking the numbers as arguments would box them on every sample.
 */

export function insulation(c: Circuit, out: DetectionRecord[]): void {
  const ts = V[V_TS];
  const ir = V[F_IR];
  if (ir !== ir) return;
  const s = c.s;
  const sp = c.prof.residualSetMa, rise = c.prof.leakRiseWarnMa;
  const rh = s[AMB_RH];
  const hx = rh === rh ? wetness(rh) : 0;
  // load: the phase currents' sum in units of In (a missing phase counts as idle)
  const ia = V[F_IA], ib = V[F_IA + 1], ic = V[F_IA + 2];
  const L = ((ia === ia ? ia : 0) + (ib === ib ? ib : 0) + (ic === ic ? ic : 0)) / c.inA;
  {
    const r = LK_REG;
    s[r] += (1 - s[r]) * s[A_WEEK];
    const a = s[A_WEEK] / s[r]; // weight-normalised: the first hours are a plain running mean
    s[r + 1] += (hx - s[r + 1]) * a;
    s[r + 2] += (L - s[r + 2]) * a;
    s[r + 3] += (ir - s[r + 3]) * a;
    s[r + 4] += (hx * hx - s[r + 4]) * a;
    s[r + 5] += (hx * L - s[r + 5]) * a;
    s[r + 6] += (L * L - s[r + 6]) * a;
    s[r + 7] += (hx * ir - s[r + 7]) * a;
    s[r + 8] += (L * ir - s[r + 8]) * a;
  }
  const mh = s[LK_REG + 1], mL = s[LK_REG + 2], my = s[LK_REG + 3];
  const vh = s[LK_REG + 4] - mh * mh, vL = s[LK_REG + 6] - mL * mL, vhL = s[LK_REG + 5] - mh * mL;
  const ch = s[LK_REG + 7] - mh * my, cL = s[LK_REG + 8] - mL * my;
  let bh = 0, bL = 0;
  // sensitivities only from a regression with about a day behind it (a few hours can hold any slope)
  const fitted = s[LK_REG] >= REG_MATURE_W;
  const okH = fitted && vh > MIN_VAR_H, okL = fitted && vL > MIN_VAR_L, det = vh * vL - vhL * vhL;
  if (okH && okL && det > 1e-3 * vh * vL) { bh = (vL * ch - vhL * cL) / det; bL = (vh * cL - vhL * ch) / det; }
  else if (okL) bL = cL / vL;
  else if (okH) bh = ch / vh;
  // neither sensitivity is negative, and leakage is never negative; the surface term is additive (a film of
  // water conducts whatever the cable's own leakage), so it is not capped by the mean leakage
  bh = Math.max(0, bh);
  bL = Math.max(0, bL);
  const lc = Math.max(0, ir - bL * L); // the leakage at no load (never negative)
  // one-hour smoothing, with each sample's pull limited so a single spike cannot move it far
  if (s[LK_S] !== s[LK_S]) s[LK_S] = lc;
  if (s[LK_BASE] === s[LK_BASE]) stepCheck(s, lc);
  const d = lc - s[LK_S];
  s[LK_S] += Math.max(-rise, Math.min(rise, d)) * s[A_HOUR];
  const corrected = Math.max(0, s[LK_S] - bh * hx);
  s[LK_C] = corrected;
  if (s[LK_BASE] !== s[LK_BASE]) s[LK_BASE] = corrected;
  // the baseline follows downward within a day but upward only over weeks, so a slow rise stands out
  const db = corrected - s[LK_BASE];
  s[LK_BASE] += db * (db < 0 ? s[A_DAY] : s[A_WEEK] * 0.25);
  if (s[LK_T0] === 0) s[LK_T0] = ts;
  {
    const ad = s[A_DAY], x = (ts - s[LK_T0]) / DAY_MS;
    s[LK_TW] += (1 - s[LK_TW]) * ad;
    s[LK_TW + 1] += (x - s[LK_TW + 1]) * ad;
    s[LK_TW + 2] += (corrected - s[LK_TW + 2]) * ad;
    s[LK_TW + 3] += (x * x - s[LK_TW + 3]) * ad;
    s[LK_TW + 4] += (x * corrected - s[LK_TW + 4]) * ad;
  }
  const vt = s[LK_TW + 3] - s[LK_TW + 1] * s[LK_TW + 1];
  const slope = vt > 1e-4 ? (s[LK_TW + 4] - s[LK_TW + 1] * s[LK_TW + 2]) / vt : 0;
  s[LK_SLOPE] = slope;
  const up = corrected - s[LK_BASE];
  // about a day of history before any trend call: the humidity and load sensitivities are fitted by then
  const mature = s[LK_TW] > 0.5 && fitted;
  const level = !mature || corrected >= sp ? 0 :
    corrected >= 0.7 * sp && up >= rise ? 2 :
    up >= 2 * rise && slope > 0 ? 2 :
    up >= rise && slope > 0 ? 1 : 0;
  const hold = up >= 0.6 * rise && corrected < sp;
  if (busy(c, T_INSULATION, level)) judge(c, T_INSULATION, ts, level, hold, corrected, level === 2 ? 0.7 * sp : s[LK_BASE] + rise, 0, out);
}
