/**
 * Leakage detectors. residual_current: the GB 50116 set point with M-of-N persistence (an RCD test
 * press is one sample). insulation_degradation: humidity-corrected leakage trending up from its own
 * baseline while still below the set point — rain raises healthy leakage too, so the humidity
 * sensitivity is fitted online and removed before the trend is judged.
 */
import type { Circuit } from '../circuit.ts';
import { step } from '../lifecycle.ts';
import { emit, type DetectionRecord } from '../records.ts';
import {
  A_DAY, A_HOUR, A_WEEK, AMB_RH, LK_BASE, LK_C, LK_PREV, LK_RW, LK_S, LK_SLOPE, LK_STEPN, LK_STEPV, LK_T0, LK_TW, T_INSULATION, T_RESIDUAL,
} from '../slots.ts';

const RH_DRY = 60; // % below which humidity does not matter for leakage
const STEP_MA = 20; // a one-sample jump this big that then holds is a connected appliance, not ageing insulation
const STEP_HOLD = 3;

/**
 * A leakage step (an appliance with big EMC filters plugged in, or removed) jumps in one sample and then
 * holds; degrading insulation creeps up a few mA per sample at most. A confirmed step moves the baseline
 * and the regressions with it, so it is never read as a trend. A one-sample RCD test press does not hold.
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
        s[LK_BASE] += pend;
        s[LK_S] = ir;
        const w = s[LK_TW];
        s[LK_TW + 2] += pend * w;
        s[LK_TW + 4] += pend * s[LK_TW + 1];
        const wr = s[LK_RW];
        s[LK_RW + 2] += pend * wr;
        s[LK_RW + 4] += pend * s[LK_RW + 1];
      }
      return;
    }
    s[LK_STEPN] = 0;
  }
  const j = ir - prev;
  // upward only: downward the baseline already follows within a day
  if (j >= STEP_MA && j >= 0.15 * prev) {
    s[LK_STEPV] = j;
    s[LK_STEPN] = 1;
  }
}
const DAY_MS = 86_400_000;

export function residual(c: Circuit, ts: number, ir: number, out: DetectionRecord[]): void {
  if (ir !== ir) return;
  const sp = c.prof.residualSetMa;
  const level = ir >= 2 * sp || ir >= 1000 ? 3 : ir >= sp ? 2 : 0;
  const act = step(c.s, T_RESIDUAL, c.pers, ts, level, ir >= 0.9 * sp, ir, sp, 0);
  if (act) emit(c, T_RESIDUAL, act, ts, out);
}

/** Exponentially weighted mean update of a (w, Σx, Σy, Σxx, Σxy) block. */
function ewReg(s: Float64Array, o: number, a: number, x: number, y: number): void {
  s[o] += (1 - s[o]) * a;
  s[o + 1] += (x - s[o + 1]) * a;
  s[o + 2] += (y - s[o + 2]) * a;
  s[o + 3] += (x * x - s[o + 3]) * a;
  s[o + 4] += (x * y - s[o + 4]) * a;
}
function slopeOf(s: Float64Array, o: number, minVar: number): number {
  const v = s[o + 3] - s[o + 1] * s[o + 1];
  return v > minVar ? (s[o + 4] - s[o + 1] * s[o + 2]) / v : 0;
}

export function insulation(c: Circuit, ts: number, ir: number, out: DetectionRecord[]): void {
  if (ir !== ir) return;
  const s = c.s;
  const sp = c.prof.residualSetMa, rise = c.prof.leakRiseWarnMa;
  // one-hour smoothing, with each sample's pull limited so a single spike cannot move it far
  if (s[LK_S] !== s[LK_S]) s[LK_S] = ir;
  if (s[LK_BASE] === s[LK_BASE]) stepCheck(s, ir);
  const d = ir - s[LK_S];
  s[LK_S] += Math.max(-rise, Math.min(rise, d)) * s[A_HOUR];
  const rh = s[AMB_RH];
  const hx = rh === rh && rh > RH_DRY ? rh - RH_DRY : 0;
  ewReg(s, LK_RW, s[A_WEEK], hx, s[LK_S]);
  // healthy leakage scales with its own level in the wet (surface films: ×2–3 from dry to saturated air), so the
  // fitted sensitivity is capped at 5 %/%rh of the mean leakage; an appliance switching its EMC filters in and out
  // while the weather changes must not be read as a huge humidity slope. Leakage is never negative.
  const beta = Math.min(Math.max(0, slopeOf(s, LK_RW, 25)), 0.05 * Math.max(0, s[LK_RW + 2]));
  const corrected = Math.max(0, s[LK_S] - beta * hx);
  s[LK_C] = corrected;
  if (s[LK_BASE] !== s[LK_BASE]) s[LK_BASE] = corrected;
  // the baseline follows downward within a day but upward only over weeks, so a slow rise stands out
  const db = corrected - s[LK_BASE];
  s[LK_BASE] += db * (db < 0 ? s[A_DAY] : s[A_WEEK] * 0.25);
  if (s[LK_T0] === 0) s[LK_T0] = ts;
  ewReg(s, LK_TW, s[A_DAY], (ts - s[LK_T0]) / DAY_MS, corrected);
  const slope = slopeOf(s, LK_TW, 1e-4);
  s[LK_SLOPE] = slope;
  const up = corrected - s[LK_BASE];
  const mature = s[LK_TW] > 0.5; // about half a day of history before any trend call
  const level = !mature || corrected >= sp ? 0 :
    corrected >= 0.7 * sp && up >= rise ? 2 :
    up >= 2 * rise && slope > 0 ? 2 :
    up >= rise && slope > 0 ? 1 : 0;
  const hold = up >= 0.6 * rise && corrected < sp;
  const act = step(s, T_INSULATION, c.pers, ts, level, hold, corrected, level === 2 ? 0.7 * sp : s[LK_BASE] + rise, 0);
  if (act) emit(c, T_INSULATION, act, ts, out);
}
