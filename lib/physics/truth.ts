/**
 * Ground truth from the physics itself: pre-simulate a channel on its device's sample grid and find the
 * first sample at which the true (noise-free) state crosses the kind's danger limit. Because all randomness
 * is keyed on (seed, time) and the pre-simulation starts where the stream starts (or ≥ 6 h earlier than
 * needed, when thermal memory has long decayed), the trajectory is the one the stream will carry.
 */
import type { AlarmType } from '../protocol/v1.ts';
import { DeviceModel, WARMUP_MS, type DeviceSpec } from './device.ts';
import type { CircuitModel } from './circuit.ts';
import { POLE_INDEX, type CircuitTruth, type Env, type Injection, type InjectionKind } from './types.ts';

/** Danger limits (README "Ground truth"). */
export const LIMITS = {
  insulationMa: 300, // leakage reaches the GB 50116 set point
  earthFaultMa: 500, // leakage able to ignite along a tracking path
  arcHalfCyclesPerS: 14, // GB 14287.4: ≥ 14 half-cycles within 1 s
  arcMinCurrentA: 0.5,
  voltageDev: 0.15, // ±15 % of 220 V (187–253 V): appliance damage / overheating
};

export const EXPECTED: Record<InjectionKind, { expected: AlarmType | null; accept: AlarmType[] }> = {
  loose_connection: { expected: 'abnormal_heating', accept: ['abnormal_heating', 'overtemperature'] },
  overload: { expected: 'overload', accept: ['overload', 'overtemperature'] },
  insulation_degradation: { expected: 'insulation_degradation', accept: ['insulation_degradation', 'residual_current'] },
  earth_fault: { expected: 'residual_current', accept: ['residual_current'] },
  series_arc: { expected: 'arc_fault', accept: ['arc_fault'] },
  neutral_fault: { expected: 'voltage_abnormal', accept: ['voltage_abnormal', 'phase_imbalance'] },
  harmonic_neutral: { expected: 'phase_imbalance', accept: ['phase_imbalance', 'abnormal_heating', 'overtemperature'] },
  inrush: { expected: null, accept: [] },
  sun_on_box: { expected: null, accept: [] },
  heater_beside_sensor: { expected: null, accept: [] },
  dawn_condensation: { expected: null, accept: [] },
  rcd_test: { expected: null, accept: [] },
  high_leakage_appliance: { expected: null, accept: [] },
  festival_peak: { expected: null, accept: [] },
  dimmer_arc: { expected: null, accept: [] },
  stuck: { expected: 'sensor_fault', accept: ['sensor_fault'] },
  drift: { expected: 'sensor_fault', accept: ['sensor_fault'] },
  spikes: { expected: 'sensor_fault', accept: ['sensor_fault'] },
  disconnected: { expected: 'sensor_fault', accept: ['sensor_fault'] },
  missing_field: { expected: 'sensor_fault', accept: ['sensor_fault'] },
  dropout: { expected: null, accept: [] },
  offline: { expected: 'device_offline', accept: ['device_offline'] },
  duplicate: { expected: null, accept: [] },
};

/** Is the true state dangerous for this fault kind? */
export function isDangerous(inj: Injection, tr: CircuitTruth, c: CircuitModel): boolean {
  const p = c.p;
  switch (inj.kind) {
    case 'loose_connection':
      return tr.tTerm[POLE_INDEX[inj.pole ?? 'a']] >= p.maxC;
    case 'overload':
      return Math.max(tr.tCable[0], p.phases === 3 ? Math.max(tr.tCable[1], tr.tCable[2]) : -99) >= p.maxC;
    case 'insulation_degradation':
      return tr.ir >= LIMITS.insulationMa;
    case 'earth_fault':
      return tr.ir >= LIMITS.earthFaultMa;
    case 'series_arc':
      return tr.arcRate >= LIMITS.arcHalfCyclesPerS && tr.i[0] > LIMITS.arcMinCurrentA;
    case 'neutral_fault':
      return tr.uDev >= LIMITS.voltageDev;
    case 'harmonic_neutral':
      return tr.tTerm[3] >= p.maxC;
    default:
      return false;
  }
}

/**
 * Run one channel's physics over its device grid from fromMs to toMs, calling visit(ts, truth) for every
 * sample in [fromMs, toMs); visit returns true to stop. originMs is where the live stream starts its
 * physics (so a pre-simulation that reaches back to it is bit-identical to the stream).
 */
export function simulateChannel(
  spec: DeviceSpec,
  ch: number,
  originMs: number,
  fromMs: number,
  toMs: number,
  visit: (ts: number, tr: CircuitTruth, c: CircuitModel, env: Env) => boolean | void,
): void {
  const m = new DeviceModel(spec);
  const c = m.circuits.find((x) => x.entry.ch === ch);
  if (!c) throw new Error(`no channel ${ch} on ${spec.device}`);
  let k = m.indexAtOrAfter(Math.max(originMs, fromMs - WARMUP_MS));
  for (; ; k++) {
    const ts = m.timeOf(k);
    if (ts >= toMs) return;
    const env = m.envAt(ts);
    c.step(ts, env);
    if (ts >= fromMs && visit(ts, c.truth, c, env)) return;
  }
}

/** First sample time at which `inj` (already part of spec.injections) is dangerous, or null. */
export function findDanger(spec: DeviceSpec, inj: Injection, originMs: number, horizonMs: number): number | null {
  let found: number | null = null;
  const end = Math.min(inj.endMs ?? Infinity, inj.onsetMs + horizonMs);
  simulateChannel(spec, inj.ch as number, originMs, inj.onsetMs, end, (ts, tr, c) => {
    if (isDangerous(inj, tr, c)) {
      found = ts;
      return true;
    }
    return false;
  });
  return found;
}

export interface ChannelStats {
  /** 95th percentile of the largest phase current, A */
  iP95: number;
  iMedian: number;
  /** 95th percentile of each pole's terminal temperature, °C */
  tTermP95: number[];
  /** max conductor temperature, °C */
  tCableMax: number;
  /** max terminal temperature over all poles, °C */
  tTermMax: number;
  ambMedian: number;
  ambMax: number;
  irMax: number;
  irMedian: number;
}

const pct = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

/** Baseline statistics of a channel over [fromMs, toMs) (used to size injections). */
export function channelStats(spec: DeviceSpec, ch: number, originMs: number, fromMs: number, toMs: number): ChannelStats {
  const imax: number[] = [];
  const tt: number[][] = [[], [], [], []];
  const ir: number[] = [];
  const amb: number[] = [];
  let tCableMax = -99;
  let tTermMax = -99;
  simulateChannel(spec, ch, originMs, fromMs, toMs, (_ts, tr, c, env) => {
    amb.push(env.ambientC);
    for (let k = 0; k < 4; k++) if (k === 0 || k === 3 || c.p.phases === 3) tTermMax = Math.max(tTermMax, tr.tTerm[k]);
    imax.push(Math.max(tr.i[0], tr.i[1], tr.i[2]));
    for (let k = 0; k < 4; k++) tt[k].push(tr.tTerm[k]);
    ir.push(tr.ir);
    tCableMax = Math.max(tCableMax, tr.tCable[0], tr.tCable[3], c.p.phases === 3 ? Math.max(tr.tCable[1], tr.tCable[2]) : -99);
  });
  return {
    iP95: pct(imax, 0.95),
    iMedian: pct(imax, 0.5),
    tTermP95: tt.map((x) => pct(x, 0.95)),
    tCableMax,
    tTermMax,
    ambMedian: pct(amb, 0.5),
    ambMax: Math.max(...amb),
    irMax: Math.max(...ir),
    irMedian: pct(ir, 0.5),
  };
}
