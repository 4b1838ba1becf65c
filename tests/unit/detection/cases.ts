/**
 * Detection fixture cases, one per detector behaviour, built from the builders (never literals).
 * Each case states what must and must not appear; the recorded expected.ndjson pins the exact records.
 */
import type { AlarmType, RegistryEntry } from '../../../lib/protocol/v1.ts';
import { HOUR, MIN, T0, ambientAt, conductorRise, dailyLoad, entry, healthy1, healthy3, merge, stream, type ReplayLine } from './builders.ts';

export interface Case {
  name: string;
  registry: RegistryEntry[];
  lines: ReplayLine[];
  /** alarm types (optionally with the highest severity reached) that must appear */
  must: { type: AlarmType; severity?: 'warning' | 'alarm' | 'critical' }[];
  /** alarm types that must not appear ('*' = nothing at all) */
  never: AlarmType[] | '*';
  /** every opened alarm must also clear before the end */
  clears?: boolean;
  /** alarm types that must appear and never clear (a condition hidden by a failing sensor has not recovered) */
  keeps?: AlarmType[];
}

const e1 = entry();
const e3 = entry({ device: 'DEV-3', phases: 3, ratedCurrentA: 63, cableMm2: 16, loadType: 'mixed' });
const relic = entry({ device: 'REL-1', site: 'RELIC-1', siteCategory: 'relic', loadType: 'lighting' });
const motor = entry({ device: 'MOT-1', loadType: 'motor', ratedCurrentA: 32, cableMm2: 6 });
const slow = entry({ reportIntervalS: 120 });
const slowMotor = entry({ device: 'MOT-2', loadType: 'motor', ratedCurrentA: 32, cableMm2: 6, reportIntervalS: 120 });
const slowRelic = entry({ device: 'REL-2', site: 'RELIC-2', siteCategory: 'relic', loadType: 'lighting', reportIntervalS: 120 });
/** Leakage (mA) report by report after an earth fault's onset, as recorded from the simulator (accelerated). */
export const EARTH_FAULT_MA = [527, 1161, 2716, 3030, 3125, 2907, 3050];
const HAZARD: AlarmType[] = ['overload', 'overtemperature', 'residual_current', 'insulation_degradation', 'abnormal_heating', 'arc_fault', 'phase_imbalance', 'voltage_abnormal'];
const day = (iv: number) => (24 * HOUR) / (iv * 1000);

/** Arcing at `rate` half-cycles per second from sample 60 for 10 samples. */
function arcCase(name: string, rate: number, must: Case['must'], e = e1): Case {
  return {
    name, registry: [e], must, never: must.length ? [] : '*',
    lines: stream({ e, samples: 180, channel: (t) => ({ ...healthy1(e, t, ambientAt(t)), arc: t.k >= 60 && t.k < 70 ? Math.round(rate * e.reportIntervalS) : 0 }) }),
  };
}

export const CASES: Case[] = [
  { name: 'healthy-single-phase', registry: [slow], must: [], never: '*',
    lines: stream({ e: slow, samples: 2 * day(120), channel: (t) => healthy1(slow, t, ambientAt(t)) }) },
  { name: 'healthy-three-phase', registry: [e3], must: [], never: '*',
    lines: stream({ e: e3, samples: day(60), channel: (t) => healthy3(e3, t, ambientAt(t)) }) },
  arcCase('arc-14-per-s-alarms', 14, [{ type: 'arc_fault', severity: 'critical' }]),
  // ≤ 9 half-cycles/s never reaches 报警: at most a 预警 for sustained arcing
  arcCase('arc-9-per-s-never-alarms', 9, [{ type: 'arc_fault', severity: 'warning' }]),
  arcCase('arc-1-per-s-sporadic-silent', 0.8, []),
  { ...arcCase('dimmer-arcs-silent', 0, []), lines: stream({ e: relic, samples: 360, channel: (t) => ({ ...healthy1(relic, t, ambientAt(t)), arc: t.k % 3 === 0 ? Math.round((3 + (t.k % 7)) * 1.5) : 0 }) }), registry: [relic] },
  { name: 'residual-300mA-relic', registry: [relic], must: [{ type: 'residual_current', severity: 'alarm' }], never: ['sensor_fault'], clears: true,
    lines: stream({ e: relic, samples: 240, channel: (t) => ({ ...healthy1(relic, t, ambientAt(t)), ir: t.k >= 60 && t.k < 120 ? 305 + t.noise(2) : 18 + t.noise(1) }) }) },
  { name: 'residual-290mA-silent', registry: [relic], must: [], never: ['residual_current', 'sensor_fault'],
    lines: stream({ e: relic, samples: 240, channel: (t) => ({ ...healthy1(relic, t, ambientAt(t)), ir: t.k >= 60 ? 285 + t.noise(2) : 280 + t.noise(2) }) }) },
  // an earth fault growing by more than the sensor's spike limit report after report (as the simulator's does):
  // the alarm comes with the second report over the set point, not once the jumps have slowed down
  { name: 'earth-fault-rising-fast', registry: [e1], must: [{ type: 'residual_current', severity: 'critical' }], never: ['sensor_fault'],
    lines: stream({ e: e1, samples: 120, channel: (t) => ({ ...healthy1(e1, t, ambientAt(t)), ...(t.k >= 60 ? { ir: EARTH_FAULT_MA[Math.min(t.k - 60, EARTH_FAULT_MA.length - 1)] + t.noise(3) } : {}) }) }) },
  // the detector's test button: it says so (self_test event) and its test current shows in one report
  { name: 'rcd-test-spike-silent', registry: [e1], must: [], never: '*',
    lines: stream({ e: e1, samples: 240, channel: (t) => ({ ...healthy1(e1, t, ambientAt(t)), ...(t.k === 100 ? { ir: 830 } : {}) }) }).flatMap((l, k) =>
      k === 100 ? [{ topic: 'esms/v1/SITE-1/DEV-1/event', payload: { v: 1, device: 'DEV-1', seq: 99, ts: (l.payload.ts as number) - 3000, code: 'self_test' } }, l] : [l]) },
  { name: 'motor-inrush-silent', registry: [motor], must: [], never: '*',
    lines: stream({ e: motor, samples: 720, channel: (t) => {
      const on = Math.floor(t.k / 30) % 2 === 0, start = t.k % 30 === 0 && on;
      const h = healthy1(motor, t, ambientAt(t), on ? 0.6 : 0.02);
      return { ...h, ia: start ? 5.5 * 0.6 * motor.ratedCurrentA : h.ia };
    } }) },
  { name: 'overload-escalates-and-clears', registry: [e1], must: [{ type: 'overload', severity: 'critical' }], never: ['sensor_fault'], clears: true,
    // the terminals carry the conductor's rise too (the overload model checks its heat against them)
    lines: ((cr = conductorRise(e1)) => stream({ e: e1, samples: 360, channel: (t) => {
      const h = healthy1(e1, t, ambientAt(t), t.k >= 60 && t.k < 180 ? 1.6 : 0.4), r = cr(t, h.ia as number);
      return { ...h, ta: (h.ta as number) + r, tn: (h.tn as number) + r };
    } }))() },
  { name: 'overtemperature', registry: [e1], must: [{ type: 'overtemperature', severity: 'alarm' }], never: ['sensor_fault'],
    lines: stream({ e: e1, samples: 300, channel: (t) => { const h = healthy1(e1, t, ambientAt(t), 0.5); return { ...h, ta: (h.ta as number) + Math.min(60, Math.max(0, (t.k - 60) * 0.25)) }; } }) },
  { name: 'loose-connection-heating', registry: [slow], must: [{ type: 'abnormal_heating' }], never: ['sensor_fault'],
    lines: stream({ e: slow, samples: 3 * day(120), channel: (t) => {
      const load = dailyLoad(t.hour), h = healthy1(slow, t, ambientAt(t), load);
      const grow = Math.max(0, (t.ts - T0 - 24 * HOUR) / (24 * HOUR)); // from day 2, excess rises 0 → 40 K at rated over two days
      return { ...h, ta: (h.ta as number) + 20 * grow * load * load };
    } }) },
  { name: 'sun-on-box-silent', registry: [slow], must: [], never: '*',
    lines: stream({ e: slow, samples: 2 * day(120), ambient: (t) => ({ t: ambientAt(t) + 18 * Math.max(0, Math.sin(((t.hour - 9) / 10) * Math.PI)), rh: 30 }),
      channel: (t) => healthy1(slow, t, ambientAt(t) + 18 * Math.max(0, Math.sin(((t.hour - 9) / 10) * Math.PI))) }) },
  { name: 'insulation-degradation-trend', registry: [slow], must: [{ type: 'insulation_degradation' }], never: ['residual_current', 'sensor_fault'],
    lines: stream({ e: slow, samples: 4 * day(120), ambient: (t) => ({ t: ambientAt(t), rh: 50 + 20 * Math.sin((t.hour / 24) * 2 * Math.PI) }),
      channel: (t) => ({ ...healthy1(slow, t, ambientAt(t)), ir: 20 + Math.max(0, (t.ts - T0 - 36 * HOUR) / HOUR) * 3 + t.noise(1) }) }) },
  { name: 'rainy-humidity-leakage-silent', registry: [slow], must: [], never: '*',
    lines: stream({ e: slow, samples: 4 * day(120), ambient: (t) => ({ t: ambientAt(t), rh: 55 + 40 * Math.max(0, Math.sin((t.k / day(120)) * 1.3 * Math.PI)) }),
      channel: (t) => ({ ...healthy1(slow, t, ambientAt(t)), ir: 20 * (1 + 1.5 * Math.max(0, Math.sin((t.k / day(120)) * 1.3 * Math.PI)) ** 2) + t.noise(1) }) }) },
  { name: 'phase-imbalance', registry: [e3], must: [{ type: 'phase_imbalance', severity: 'alarm' }], never: ['sensor_fault'],
    lines: ((ra = conductorRise(e3), rb = conductorRise(e3), rc = conductorRise(e3)) => stream({ e: e3, samples: 240, channel: (t) => {
      const h0 = healthy3(e3, t, ambientAt(t), 0.6);
      const h = t.k < 60 ? h0 : { ...h0, ia: (h0.ia as number) * 1.8, ic: (h0.ic as number) * 0.4 };
      return { ...h, ta: (h.ta as number) + ra(t, h.ia as number), tb: (h.tb as number) + rb(t, h.ib as number), tc: (h.tc as number) + rc(t, h.ic as number) };
    } }))() },
  { name: 'lost-neutral', registry: [e3], must: [{ type: 'voltage_abnormal', severity: 'critical' }], never: ['sensor_fault'],
    lines: stream({ e: e3, samples: 120, channel: (t) => { const h = healthy3(e3, t, ambientAt(t), 0.4); return t.k < 60 ? h : { ...h, ua: 310 + t.noise(2), ub: 140 + t.noise(2), uc: 205 + t.noise(2) }; } }) },
  { name: 'undervoltage', registry: [e1], must: [{ type: 'voltage_abnormal', severity: 'alarm' }], never: ['sensor_fault'], clears: true,
    lines: stream({ e: e1, samples: 180, channel: (t) => ({ ...healthy1(e1, t, ambientAt(t)), ...(t.k >= 60 && t.k < 100 ? { ua: 180 + t.noise(1) } : {}) }) }) },
  // a drifting NTC (+4 K/day) on a lightly, steadily loaded circuit: its offset follows time, not I²
  { name: 'sensor-drift-steady-load', registry: [slow], must: [{ type: 'sensor_fault' }], never: HAZARD,
    lines: stream({ e: slow, samples: 4 * day(120), channel: (t) => {
      const h = healthy1(slow, t, ambientAt(t), 0.2 * (1 + 0.25 * Math.sin((t.ts - T0) / (3 * HOUR))));
      return { ...h, ta: (h.ta as number) + 4 * Math.max(0, (t.ts - T0 - 36 * HOUR) / (24 * HOUR)) };
    } }) },
  // a loose joint on a motor switching from one sample to the next: its terminal jumps tens of K with the
  // load, which is heat (abnormal_heating), not a spiking sensor
  { name: 'loose-joint-switching-motor', registry: [slowMotor], must: [{ type: 'abnormal_heating' }], never: ['sensor_fault'],
    lines: stream({ e: slowMotor, samples: 3 * day(120), channel: (t) => {
      const on = t.noise(1) > -0.3, load = on ? 0.55 : 0.03;
      const h = healthy1(slowMotor, t, ambientAt(t), load);
      const grow = Math.max(0, (t.ts - T0 - 36 * HOUR) / (12 * HOUR));
      return { ...h, ta: (h.ta as number) + 30 * grow * load * load };
    } }) },
  // a relic lamp circuit that runs warm at its evening peak and levels off 7 K below the 60 °C set point:
  // no 预警 (the projection at that load never reaches the set point)
  { name: 'warm-plateau-silent', registry: [slowRelic], must: [], never: '*',
    lines: stream({ e: slowRelic, samples: 2 * day(120), channel: (t) => {
      const load = dailyLoad(t.hour), h = healthy1(slowRelic, t, ambientAt(t), load), rise = 78 * load * load - 10 * load * load;
      return { ...h, ta: (h.ta as number) + rise, tn: (h.tn as number) + 0.9 * rise };
    } }) },
  // motor starts caught by two and three consecutive samples (5× the running current, temperatures unmoved):
  // the thermal models must not read them as an overload
  { name: 'inrush-pairs-silent', registry: [slowMotor], must: [], never: '*',
    lines: stream({ e: slowMotor, samples: day(120), channel: (t) => {
      const h = healthy1(slowMotor, t, ambientAt(t), 0.6), k = t.k % 60;
      return { ...h, ia: k === 20 || k === 21 || (t.k % 120 === 50) || (t.k % 120 === 51) || (t.k % 120 === 52) ? 5 * (h.ia as number) : h.ia };
    } }) },
  // a motor's leakage comes and goes with it (filters, windings): the insulation baseline must not ratchet up
  // with every start, or the degradation that begins on day 2 (+3 mA/h) would never stand out
  { name: 'motor-leakage-toggling-then-degradation', registry: [slowMotor], must: [{ type: 'insulation_degradation' }], never: ['residual_current', 'sensor_fault'],
    lines: stream({ e: slowMotor, samples: 3 * day(120), channel: (t) => {
      const on = Math.floor(t.k / (3 + (t.k % 7))) % 2 === 0, h = healthy1(slowMotor, t, ambientAt(t), on ? 0.55 : 0.03);
      return { ...h, ir: 15 + (on ? 26 : 0) + 3 * Math.max(0, (t.ts - T0 - 36 * HOUR) / HOUR) + t.noise(0.8) };
    } }) },
  { name: 'sensor-stuck', registry: [e1], must: [{ type: 'sensor_fault' }], never: HAZARD,
    lines: stream({ e: e1, samples: 300, channel: (t) => ({ ...healthy1(e1, t, ambientAt(t)), ...(t.k >= 60 ? { ta: 95.5 } : {}) }) }) },
  { name: 'sensor-disconnected', registry: [e1], must: [{ type: 'sensor_fault', severity: 'alarm' }], never: HAZARD,
    lines: stream({ e: e1, samples: 180, channel: (t) => ({ ...healthy1(e1, t, ambientAt(t)), ...(t.k >= 60 ? { ta: 300 } : {}) }) }) },
  { name: 'sensor-spiking', registry: [e1], must: [{ type: 'sensor_fault' }], never: HAZARD,
    lines: stream({ e: e1, samples: 300, channel: (t) => ({ ...healthy1(e1, t, ambientAt(t)), ...(t.k >= 60 && t.k % 17 === 0 ? { ta: 150 } : {}) }) }) },
  { name: 'sensor-missing-field', registry: [e1], must: [{ type: 'sensor_fault', severity: 'alarm' }], never: HAZARD,
    lines: stream({ e: e1, samples: 120, channel: (t) => { const h = healthy1(e1, t, ambientAt(t)); if (t.k >= 60) delete h.tn; return h; } }) },
  { name: 'sensor-arc-impossible-count', registry: [e1], must: [{ type: 'sensor_fault' }], never: HAZARD,
    lines: stream({ e: e1, samples: 300, channel: (t) => ({ ...healthy1(e1, t, ambientAt(t)), arc: t.k >= 60 && t.k % 13 === 0 ? 65535 : 0 }) }) },
  { name: 'offline-and-back', registry: [e1, entry({ device: 'DEV-2' })], must: [{ type: 'device_offline' }], never: HAZARD, clears: true,
    lines: merge(
      stream({ e: e1, samples: 120, channel: (t) => (t.k >= 40 && t.k < 60 ? null : healthy1(e1, t, ambientAt(t))) }),
      stream({ e: entry({ device: 'DEV-2' }), samples: 120, seed: 2, channel: (t) => healthy1(e1, t, ambientAt(t)) }),
    ) },
  { name: 'status-offline-will', registry: [e1], must: [{ type: 'device_offline' }], never: HAZARD, clears: true,
    lines: [
      ...stream({ e: e1, samples: 30, channel: (t) => healthy1(e1, t, ambientAt(t)) }),
      { topic: 'esms/v1/SITE-1/DEV-1/status', payload: { v: 1, online: false } },
      ...stream({ e: e1, samples: 40, start: T0 + 35 * MIN, channel: (t) => healthy1(e1, t, ambientAt(t)) }),
    ] },
];
