/**
 * One channel reading through the circuit's detectors, in a fixed order. Sample time only: dt is
 * the gap between this circuit's samples, and smoothing factors are recomputed only when it changes.
 */
import type { Channel } from '../protocol/v1.ts';
import type { Circuit } from './circuit.ts';
import { arc } from './detectors/arc.ts';
import { heating, overtemperature } from './detectors/heat.ts';
import { insulation, residual } from './detectors/leakage.ts';
import { held, imbalance, overload, voltage } from './detectors/load.ts';
import { busy } from './lifecycle.ts';
import { V, V_AMB_RH, V_AMB_T, V_DA, V_ELAPSED, V_HA, V_TMAX, V_TS } from './reading.ts';
import { judge, type DetectionRecord } from './records.ts';
import { RAW, sensorFields, worstSensor } from './sensor.ts';
import {
  A_BRK, A_CABLE, A_DAY, A_FAST, A_SLOW, A_HOUR, A_TERM, A_WEEK, AMB_RH, AMB_T, F_ARC, F_IA, F_IB, F_IC, F_IR, F_TA, F_TB, F_TC, F_TN, F_UA,
  G_BADMASK, G_LAST_DT, G_LAST_TS, G_SAMPLES, T_SENSOR, S_BASE, S_SIZE, S_BAD, SENSOR_DRIFT,
} from './slots.ts';

function alphas(s: Float64Array, dt: number, tauCable: number): void {
  s[G_LAST_DT] = dt;
  s[A_CABLE] = 1 - Math.exp(-dt / tauCable);
  s[A_TERM] = 1 - Math.exp(-dt / 180);
  s[A_HOUR] = 1 - Math.exp(-dt / 3600);
  s[A_DAY] = 1 - Math.exp(-dt / 43_200); // "day" scale: half a day keeps up with daily load cycles
  s[A_WEEK] = 1 - Math.exp(-dt / 604_800);
  s[A_BRK] = 1 - Math.exp(-dt / 1200);
  s[A_FAST] = 1 - Math.exp(-dt / 21_600);
  s[A_SLOW] = 1 - Math.exp(-dt / 172_800);
}

/** The sample time and the panel air come in the scratch V (V_TS, V_AMB_T, V_AMB_RH), set by the engine per message. */
export function processChannel(c: Circuit, ch: Channel, out: DetectionRecord[]): void {
  const s = c.s;
  const ts = V[V_TS];
  const last = s[G_LAST_TS]; // the engine passes only samples newer than this (state only moves forward)
  const elapsed = last === last ? (ts - last) / 1000 : c.intervalS;
  const dt = Math.min(elapsed, 4 * c.intervalS); // after a gap, do not extrapolate the models
  s[G_LAST_TS] = ts;
  s[G_SAMPLES]++;
  if (dt !== s[G_LAST_DT]) alphas(s, dt, c.tauCableS);
  const ambT = V[V_AMB_T], ambRh = V[V_AMB_RH];
  if (ambT === ambT) s[AMB_T] = ambT;
  if (ambRh === ambRh) s[AMB_RH] = ambRh;
  V[V_ELAPSED] = elapsed;
  const three = c.three;

  // the raw readings (phases b and c, and their terminals and voltages, on three-phase circuits only)
  RAW[F_IA] = ch.ia ?? NaN;
  RAW[F_IR] = ch.ir ?? NaN;
  RAW[F_TA] = ch.ta ?? NaN;
  RAW[F_TN] = ch.tn ?? NaN;
  RAW[F_UA] = ch.ua ?? NaN;
  RAW[F_ARC] = ch.arc ?? NaN;
  if (three) {
    RAW[F_IB] = ch.ib ?? NaN;
    RAW[F_IC] = ch.ic ?? NaN;
    RAW[F_TB] = ch.tb ?? NaN;
    RAW[F_TC] = ch.tc ?? NaN;
    RAW[F_UA + 1] = ch.ub ?? NaN;
    RAW[F_UA + 2] = ch.uc ?? NaN;
  }
  sensorFields(c);

  // held currents: a motor start caught by one sample heats nothing (neither the conductor model nor the terminals)
  held(c, 0);
  if (three) { held(c, 1); held(c, 2); } else V[V_HA + 1] = V[V_HA + 2] = NaN;
  let tMax = -Infinity;
  for (let f = F_TA; f <= F_TN; f++) if (V[f] > tMax) tMax = V[f];
  V[V_TMAX] = tMax === -Infinity ? NaN : tMax;
  overload(c, out);
  imbalance(c, out);
  voltage(c, out);
  residual(c, out);
  insulation(c, out);
  overtemperature(c, out);
  // drifting temperature sensors stay withheld from the hazards, but the heating model sees their raw
  // values so it can lift the flag when the offset is gone
  let drift = 0;
  const tempBad = (s[G_BADMASK] >> F_TA) & 15;
  for (let f = 0; f < 4; f++) {
    V[V_DA + f] = V[F_TA + f];
    if (((tempBad >> f) & 1) === 0 || s[S_BASE + (F_TA + f) * S_SIZE + S_BAD] !== SENSOR_DRIFT) continue;
    const raw = f === 0 ? ch.ta : f === 1 ? ch.tb : f === 2 ? ch.tc : ch.tn;
    if (raw === undefined) continue;
    drift |= 1 << f;
    V[V_DA + f] = raw;
  }
  heating(c, drift, out);
  arc(c, out);

  // sensor_fault last, so a drift judged by the heating model this sample is included
  const worst = worstSensor(s);
  const level = worst === 0 ? 0 : worst % 10 >= 4 || worst % 10 === 1 ? 2 : 1;
  if (busy(c, T_SENSOR, level)) judge(c, T_SENSOR, ts, level, level > 0, NaN, NaN, worst, out);
}
