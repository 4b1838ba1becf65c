/**
 * Fixture cases for behaviours seen in the field and on the independent benchmark: a sensor failing under
 * heat, fast reporting, series-arc bursts at 120 s vs dimmers and brush motors, residual current on its first
 * report vs self-tests and surges, honest heavy load, condensation and uneven sun. Built from the builders.
 */
import type { AlarmType } from '../../../lib/protocol/v1.ts';
import { HOUR, T0, ambientAt, dailyLoad, entry, healthy1, merge, mulberry32, stream, type ReplayLine, type Tick } from './builders.ts';
import type { Case } from './cases.ts';

const HAZARD: AlarmType[] = ['overload', 'overtemperature', 'residual_current', 'insulation_degradation', 'abnormal_heating', 'arc_fault', 'phase_imbalance', 'voltage_abnormal'];
const slow = entry({ reportIntervalS: 120 });
const heater = entry({ device: 'HTR-1', loadType: 'heating', reportIntervalS: 120 });
const lamp = entry({ device: 'LMP-1', loadType: 'lighting', reportIntervalS: 120 });
const day = (24 * HOUR) / 120_000;
const evening = (h: number) => h >= 18 && h < 23.5;

/** A heater terminal climbing 2 K per report from sample 60; then it reads the sensor's top, then open circuit. */
function burningTerminal(t: Tick, h: Record<string, unknown>): Record<string, unknown> {
  const climb = Math.max(0, (t.k - 60) * 2);
  if (t.k >= 196) return { ...h, ta: -40 };
  if (t.k >= 192) return { ...h, ta: 300 };
  return { ...h, ta: (h.ta as number) + climb };
}

/** Two-channel messages from two single-channel streams of one device (same grid). */
function twoChannels(a: ReplayLine[], b: ReplayLine[]): ReplayLine[] {
  return merge(a, b).reduce<ReplayLine[]>((acc, l, i, all) => {
    if (i % 2 === 1) return acc;
    const x = l.payload, y = all[i + 1].payload;
    acc.push({ topic: l.topic, payload: { ...x, channels: [...(x.channels as object[]), ...(y.channels as object[])] } });
    return acc;
  }, []);
}

// series-arc bursts: a report holds a burst with a probability and a size that grow over ~8 h from onset
const arcRnd = mulberry32(42);
const arcCounts = new Map<number, number>();
function burstCount(k: number, onsetK: number): number {
  if (!arcCounts.has(k)) {
    const x = Math.max(0, (k - onsetK) / 240); // 0 → 1 over 8 h of 120-s reports
    const u = arcRnd(), v = arcRnd();
    arcCounts.set(k, k < onsetK ? (u < 0.05 ? 1 + Math.floor(v * 3) : 0) : u < 0.12 + 0.4 * x ? Math.round(14 + v * (20 + 70 * x)) : u < 0.7 ? Math.floor(v * 4) : 0);
  }
  return arcCounts.get(k)!;
}
const dimRnd = mulberry32(7);
const brushRnd = mulberry32(9);

export const FIELD_CASES: Case[] = [
  // the heat is hidden by the failing sensor, not gone: overtemperature kept (critical), sensor_fault beside it
  { name: 'overtemperature-kept-when-sensor-fails', registry: [heater], must: [{ type: 'overtemperature', severity: 'critical' }, { type: 'sensor_fault' }], never: [], keeps: ['overtemperature'],
    lines: stream({ e: heater, samples: 260, channel: (t) => burningTerminal(t, healthy1(heater, t, ambientAt(t), 0.6)) }) },
  // a loose joint in alarm whose terminal reading stops coming: abnormal_heating kept, sensor_fault beside it
  { name: 'abnormal-heating-kept-when-field-vanishes', registry: [slow], must: [{ type: 'abnormal_heating' }, { type: 'sensor_fault' }], never: [], keeps: ['abnormal_heating'],
    lines: stream({ e: slow, samples: 3 * day, channel: (t) => {
      const load = dailyLoad(t.hour), h = healthy1(slow, t, ambientAt(t), load);
      const grow = Math.max(0, (t.ts - T0 - 24 * HOUR) / (24 * HOUR));
      if (t.k >= 2.6 * day) { const { ta: _ta, ...rest } = h; return rest; }
      return { ...h, ta: (h.ta as number) + 20 * grow * load * load };
    } }) },
  // a sudden open circuit on a normal circuit is a sensor fault only
  { name: 'sensor-open-on-normal-circuit', registry: [slow], must: [{ type: 'sensor_fault', severity: 'alarm' }], never: HAZARD,
    lines: stream({ e: slow, samples: 180, channel: (t) => ({ ...healthy1(slow, t, ambientAt(t)), ...(t.k >= 60 ? { ta: -40 } : {}) }) }) },
  // an electrician's app polls every 250 ms for a minute: 200 near-identical readings are not a stuck sensor
  { name: 'fast-reporting-250ms-silent', registry: [entry()], must: [], never: '*',
    lines: [
      ...stream({ e: entry(), samples: 120, channel: (t) => healthy1(entry(), t, ambientAt(t), 0.4) }),
      ...stream({ e: entry({ reportIntervalS: 0.25 }), samples: 200, start: T0 + 120 * 60_000 - 55_000, seqStart: 120, seed: 3, channel: () => ({ ia: 6.4, ir: 17, ta: 17.5, tn: 17.2, ua: 224, arc: 0 }) }),
      ...stream({ e: entry(), samples: 120, start: T0 + 121 * 60_000, seqStart: 320, seed: 4, channel: (t) => healthy1(entry(), t, ambientAt(t), 0.4) }),
    ] },
  // a series arc at 120 s: intermittent bursts of 14–100 half-cycles in a report, more and bigger over hours
  { name: 'series-arc-bursts-120s', registry: [slow], must: [{ type: 'arc_fault' }], never: ['sensor_fault'],
    lines: stream({ e: slow, samples: 2 * day, channel: (t) => ({ ...healthy1(slow, t, ambientAt(t), 0.5), arc: burstCount(t.k, 1.3 * day) }) }) },
  // a dimmer on a lamp circuit: evening bursts ≤ 9 half-cycles/s for ≤ 3 s, up to two a report, every evening
  { name: 'dimmer-bursts-120s-silent', registry: [lamp], must: [], never: '*',
    lines: stream({ e: lamp, samples: 4 * day, channel: (t) => {
      const on = evening(t.hour), u = dimRnd(), n = on ? (u < 0.45 ? 1 : u < 0.55 ? 2 : 0) : 0;
      let arc = 0;
      for (let b = 0; b < n; b++) arc += Math.round((2 + Math.floor(dimRnd() * 8)) * (0.3 + 2.7 * dimRnd()));
      return { ...healthy1(lamp, t, ambientAt(t), on ? 0.5 : 0.15), arc };
    } }) },
  // a vacuum cleaner (brush motor) twice a day: +5 A and a steady few half-cycles per second while it runs
  { name: 'brush-motor-arcs-silent', registry: [slow], must: [], never: '*',
    lines: stream({ e: slow, samples: 4 * day, channel: (t) => {
      const run = (t.hour >= 9 && t.hour < 9.35) || (t.hour >= 19 && t.hour < 19.5), h = healthy1(slow, t, ambientAt(t), 0.3);
      return { ...h, ia: (h.ia as number) + (run ? 5 : 0), arc: run ? Math.round(120 * (2.5 + brushRnd())) : brushRnd() < 0.03 ? 1 : 0 };
    } }) },
  // an earth fault: the first report over the set point alarms (GB 14287.2: within 30 s)
  { name: 'residual-first-report-alarms', registry: [slow], must: [{ type: 'residual_current', severity: 'alarm' }], never: ['sensor_fault'],
    lines: stream({ e: slow, samples: 120, channel: (t) => ({ ...healthy1(slow, t, ambientAt(t)), ...(t.k >= 60 ? { ir: 360 + t.noise(5) } : {}) }) }) },
  // the detector's own self-test through its CTs on every channel at once (no event from this firmware)
  { name: 'panel-self-test-all-channels-silent', registry: [entry(), entry({ ch: 2 })], must: [], never: '*',
    lines: twoChannels(
      stream({ e: entry(), samples: 120, channel: (t) => ({ ...healthy1(entry(), t, ambientAt(t)), ...(t.k === 70 ? { ir: 455 } : {}) }) }),
      stream({ e: entry({ ch: 2 }), samples: 120, seed: 2, channel: (t) => ({ ...healthy1(entry(), t, ambientAt(t)), ...(t.k === 70 ? { ir: 460 } : {}) }) }),
    ) },
  // honest heavy load for a day (a celebration): every terminal heats with its own I², none out of step
  { name: 'celebration-heavy-load-silent', registry: [slow], must: [], never: '*',
    lines: stream({ e: slow, samples: 4 * day, channel: (t) => {
      const fest = t.ts >= T0 + 2.4 * 24 * HOUR && t.ts < T0 + 3.4 * 24 * HOUR;
      const load = Math.min(0.92, dailyLoad(t.hour) * (fest ? 2.1 : 1)), h = healthy1(slow, t, ambientAt(t), load);
      const r = (load * (1 + 0.03 * t.noise(1))) ** 2, hot = (k: number) => k * r * (1 + 0.004 * k * r); // R(θ) makes it a little steeper
      return { ...h, ta: ambientAt(t) + hot(13) + t.noise(0.15), tn: ambientAt(t) + hot(9.5) + t.noise(0.15) };
    } }) },
  // dew on an unsealed NTC at dawn in the rainy season reads it a few K warm (its leads leak), for two hours
  { name: 'rainy-condensation-ntc-silent', registry: [slow], must: [], never: '*',
    lines: stream({ e: slow, samples: 4 * day, ambient: (t) => ({ t: ambientAt(t), rh: t.hour >= 4 && t.hour < 9 ? 99 : 80 }), channel: (t) => {
      const h = healthy1(slow, t, ambientAt(t)), wet = t.ts > T0 + 24 * HOUR && t.hour >= 5 && t.hour < 7.5 ? 1 : 0;
      return { ...h, ta: (h.ta as number) + 3.5 * wet, ir: (h.ir as number) + 25 * wet };
    } }) },
  // plateau sun on an outdoor box heats the face the A terminal sits by more than the neutral's (1.2 vs 0.85)
  { name: 'sun-uneven-on-box-silent', registry: [slow], must: [], never: '*',
    lines: stream({ e: slow, samples: 4 * day, ambient: (t) => ({ t: ambientAt(t) + 18 * Math.max(0, Math.sin(((t.hour - 9) / 10) * Math.PI)), rh: 25 }), channel: (t) => {
      const sun = 18 * Math.max(0, Math.sin(((t.hour - 9) / 10) * Math.PI)), h = healthy1(slow, t, ambientAt(t));
      return { ...h, ta: (h.ta as number) + 1.2 * sun, tn: (h.tn as number) + 0.85 * sun };
    } }) },
];
