/**
 * One channel reading through the circuit's detectors, in a fixed order. Sample time only: dt is
 * the gap between this circuit's samples, and smoothing factors are recomputed only when it changes.
 */
import type { Channel } from '../../../lib/protocol/v1.ts';
import type { Circuit } from './circuit.ts';
import { arc } from './detectors/arc.ts';
import { heating, overtemperature } from './detectors/heat.ts';
import { insulation, residual } from './detectors/leakage.ts';
import { imbalance, overload, settled, voltage } from './detectors/load.ts';
import { step } from './lifecycle.ts';
import { emit, type DetectionRecord } from './records.ts';
import { arcCount, sensorStep, worstSensor } from './sensor.ts';
import {
  A_BRK, A_CABLE, A_DAY, A_HOUR, A_TERM, A_WEEK, AMB_RH, AMB_T, F_IA, F_IB, F_IC, F_IR, F_TA, F_TB, F_TC, F_TN, F_UA,
  G_LAST_DT, G_LAST_TS, G_SAMPLES, T_SENSOR, S_BASE, S_SIZE, S_BAD, SENSOR_DRIFT,
} from './slots.ts';

function alphas(s: Float64Array, dt: number, tauCable: number): void {
  s[G_LAST_DT] = dt;
  s[A_CABLE] = 1 - Math.exp(-dt / tauCable);
  s[A_TERM] = 1 - Math.exp(-dt / 900);
  s[A_HOUR] = 1 - Math.exp(-dt / 3600);
  s[A_DAY] = 1 - Math.exp(-dt / 43_200); // "day" scale: half a day keeps up with daily load cycles
  s[A_WEEK] = 1 - Math.exp(-dt / 604_800);
  s[A_BRK] = 1 - Math.exp(-dt / 1200);
}

export function processChannel(c: Circuit, ch: Channel, ts: number, ambT: number | undefined, ambRh: number | undefined, out: DetectionRecord[]): void {
  const s = c.s;
  const last = s[G_LAST_TS];
  if (ts <= last) return; // duplicate or out of order: state only moves forward (NaN compares false)
  const elapsed = last === last ? (ts - last) / 1000 : c.intervalS;
  const dt = Math.min(elapsed, 4 * c.intervalS); // after a gap, do not extrapolate the models
  s[G_LAST_TS] = ts;
  s[G_SAMPLES]++;
  if (dt !== s[G_LAST_DT]) alphas(s, dt, c.tauCableS);
  if (ambT !== undefined) s[AMB_T] = ambT;
  if (ambRh !== undefined) s[AMB_RH] = ambRh;
  const iv = c.intervalS * 1000, dec = s[A_DAY], am = s[AMB_T];

  const ia = sensorStep(s, F_IA, ch.ia, iv, dec, am, c.inA);
  const ib = c.three ? sensorStep(s, F_IB, ch.ib, iv, dec, am, c.inA) : NaN;
  const ic = c.three ? sensorStep(s, F_IC, ch.ic, iv, dec, am, c.inA) : NaN;
  const ir = sensorStep(s, F_IR, ch.ir, iv, dec, am, c.inA);
  const ta = sensorStep(s, F_TA, ch.ta, iv, dec, am, c.inA);
  const tb = sensorStep(s, F_TB, ch.tb, iv, dec, am, c.inA);
  const tc = sensorStep(s, F_TC, ch.tc, iv, dec, am, c.inA);
  const tn = sensorStep(s, F_TN, ch.tn, iv, dec, am, c.inA);
  const ua = sensorStep(s, F_UA, ch.ua, iv, dec, am, c.inA);
  const ub = c.three ? sensorStep(s, F_UA + 1, ch.ub, iv, dec, am, c.inA) : NaN;
  const uc = c.three ? sensorStep(s, F_UA + 2, ch.uc, iv, dec, am, c.inA) : NaN;

  // two-sample minimum: a one-sample inrush heats nothing (neither the conductor model nor the terminal models)
  const sa = settled(s, 0, ia), sb = c.three ? settled(s, 1, ib) : NaN, sc = c.three ? settled(s, 2, ic) : NaN;
  overload(c, ts, sa, sb, sc, out);
  imbalance(c, ts, ia, ib, ic, out);
  voltage(c, ts, ua, ub, uc, out);
  residual(c, ts, ir, out);
  insulation(c, ts, ir, out);
  overtemperature(c, ts, ta, tb, tc, tn, out);
  // drifting temperature sensors stay withheld from the hazards, but the heating model sees their raw
  // values so it can lift the flag when the offset is gone
  let drift = 0;
  let da = ta, db = tb, dc = tc, dn = tn;
  for (let f = 0; f < 4; f++) {
    if (s[S_BASE + (F_TA + f) * S_SIZE + S_BAD] !== SENSOR_DRIFT) continue;
    const raw = f === 0 ? ch.ta : f === 1 ? ch.tb : f === 2 ? ch.tc : ch.tn;
    if (raw === undefined) continue;
    drift |= 1 << f;
    if (f === 0) da = raw; else if (f === 1) db = raw; else if (f === 2) dc = raw; else dn = raw;
  }
  heating(c, ts, da, db, dc, dn, sa, sb, sc, drift, out);
  const arcN = arcCount(s, ch.arc, elapsed, iv, dec);
  arc(c, ts, arcN, elapsed, out);

  // sensor_fault last, so a drift judged by the heating model this sample is included
  const worst = worstSensor(s);
  const level = worst === 0 ? 0 : worst % 10 >= 4 || worst % 10 === 1 ? 2 : 1;
  const act = step(s, T_SENSOR, c.pers, ts, level, level > 0, NaN, NaN, worst);
  if (act) emit(c, T_SENSOR, act, ts, out);
}
