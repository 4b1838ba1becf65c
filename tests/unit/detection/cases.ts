/**
 * Detection fixture cases, one per detector behaviour, built from the builders (never literals).
 * Each case states what must and must not appear; the recorded expected.ndjson pins the exact records.
 */
import type { AlarmType, RegistryEntry } from '../../../lib/protocol/v1.ts';
import { HOUR, MIN, T0, ambientAt, dailyLoad, entry, healthy1, healthy3, merge, stream, type ReplayLine } from './builders.ts';

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
}

const e1 = entry();
const e3 = entry({ device: 'DEV-3', phases: 3, ratedCurrentA: 63, cableMm2: 16, loadType: 'mixed' });
const relic = entry({ device: 'REL-1', site: 'RELIC-1', siteCategory: 'relic', loadType: 'lighting' });
const motor = entry({ device: 'MOT-1', loadType: 'motor', ratedCurrentA: 32, cableMm2: 6 });
const slow = entry({ reportIntervalS: 120 });
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
  { name: 'rcd-test-spike-silent', registry: [e1], must: [], never: '*',
    lines: stream({ e: e1, samples: 240, channel: (t) => ({ ...healthy1(e1, t, ambientAt(t)), ...(t.k === 100 ? { ir: 830 } : {}) }) }) },
  { name: 'motor-inrush-silent', registry: [motor], must: [], never: '*',
    lines: stream({ e: motor, samples: 720, channel: (t) => {
      const on = Math.floor(t.k / 30) % 2 === 0, start = t.k % 30 === 0 && on;
      const h = healthy1(motor, t, ambientAt(t), on ? 0.6 : 0.02);
      return { ...h, ia: start ? 5.5 * 0.6 * motor.ratedCurrentA : h.ia };
    } }) },
  { name: 'overload-escalates-and-clears', registry: [e1], must: [{ type: 'overload', severity: 'critical' }], never: ['sensor_fault'], clears: true,
    lines: stream({ e: e1, samples: 360, channel: (t) => healthy1(e1, t, ambientAt(t), t.k >= 60 && t.k < 180 ? 1.6 : 0.4) }) },
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
    lines: stream({ e: e3, samples: 240, channel: (t) => { const h = healthy3(e3, t, ambientAt(t), 0.6); return t.k < 60 ? h : { ...h, ia: (h.ia as number) * 1.8, ic: (h.ic as number) * 0.4 }; } }) },
  { name: 'lost-neutral', registry: [e3], must: [{ type: 'voltage_abnormal', severity: 'critical' }], never: ['sensor_fault'],
    lines: stream({ e: e3, samples: 120, channel: (t) => { const h = healthy3(e3, t, ambientAt(t), 0.4); return t.k < 60 ? h : { ...h, ua: 310 + t.noise(2), ub: 140 + t.noise(2), uc: 205 + t.noise(2) }; } }) },
  { name: 'undervoltage', registry: [e1], must: [{ type: 'voltage_abnormal', severity: 'alarm' }], never: ['sensor_fault'], clears: true,
    lines: stream({ e: e1, samples: 180, channel: (t) => ({ ...healthy1(e1, t, ambientAt(t)), ...(t.k >= 60 && t.k < 100 ? { ua: 180 + t.noise(1) } : {}) }) }) },
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
