/**
 * Residual current within GB 14287.2's 30 s: a reading at or over the set point alarms on that report (devices
 * report every 60–120 s, so waiting for the next one is too late). A rising earth fault jumps by more than the
 * leakage sensor's spike limit at every report; the alarm does not wait for the sensor check. What explains a
 * reading instead is in the reading and its message: every CT of the panel jumping at once (a surge, the
 * detector's self-test), the device's own self_test event, a motor start in the same reading — then a second
 * report over the set point alarms.
 */
import { describe, expect, it } from 'vitest';
import { Engine, type DetectionRecord } from '../../../lib/detection/index.ts';
import { ambientAt, entry, healthy1, merge, stream, type ReplayLine } from './builders.ts';
import { EARTH_FAULT_MA } from './cases.ts';

const e = entry({ reportIntervalS: 20 });
const e2 = entry({ ch: 2, reportIntervalS: 20 });

function run(ir: (k: number) => number | undefined, extra: (k: number, ts: number) => ReplayLine[] = () => [], ia?: (k: number) => number | undefined) {
  const engine = new Engine([e]);
  const out: DetectionRecord[] = [];
  const lines = stream({ e, samples: 80, channel: (t) => ({ ...healthy1(e, t, ambientAt(t)), ...(ir(t.k) !== undefined ? { ir: ir(t.k) } : {}), ...(ia?.(t.k) !== undefined ? { ia: ia(t.k) } : {}) }) });
  for (let k = 0; k < lines.length; k++) {
    for (const x of extra(k, lines[k].payload.ts as number)) out.push(...engine.ingest(x.topic, x.payload));
    out.push(...engine.ingest(lines[k].topic, lines[k].payload));
  }
  return { out, ts: (k: number) => lines[k].payload.ts as number };
}

describe('residual current on the first report over the set point', () => {
  it('a fast-rising earth fault alarms on its first report over the set point, without a sensor fault', () => {
    const { out, ts } = run((k) => (k >= 60 ? EARTH_FAULT_MA[Math.min(k - 60, EARTH_FAULT_MA.length - 1)] : undefined));
    const first = out.find((r) => r.type === 'residual_current');
    expect(first, JSON.stringify(out.map((r) => r.type))).toBeDefined();
    expect(first!.openedAt).toBe(ts(60));
    expect(out.some((r) => r.type === 'sensor_fault')).toBe(false);
  });
  it('a lone jump with nothing to explain it alarms: it is what an earth fault first looks like', () => {
    const { out, ts } = run((k) => (k === 60 ? 2700 : undefined));
    expect(out.filter((r) => r.type === 'residual_current')[0]?.openedAt).toBe(ts(60));
  });
  it("the device's own self_test event explains a one-report jump", () => {
    const { out } = run((k) => (k === 60 ? 420 : undefined), (k, ts) => (k === 60 ? [{ topic: 'esms/v1/SITE-1/DEV-1/event', payload: { v: 1, device: 'DEV-1', seq: 59, ts: ts - 4000, code: 'self_test' } }] : []));
    expect(out).toEqual([]);
  });
  it('a motor start in the same reading explains one report; a second report over the set point alarms', () => {
    const start = (k: number) => (k === 60 ? 14 : k > 60 ? 13 : 0.4);
    const lone = run((k) => (k === 60 ? 380 : undefined), () => [], start);
    expect(lone.out.filter((r) => r.type === 'residual_current')).toEqual([]);
    const held = run((k) => (k >= 60 ? 380 : undefined), () => [], start);
    expect(held.out.filter((r) => r.type === 'residual_current')[0]?.openedAt).toBe(held.ts(61));
  });
  it('every channel of the message jumping at once (a surge, a multichannel self-test) raises nothing', () => {
    const engine = new Engine([e, e2]);
    const both = merge(
      stream({ e, samples: 80, channel: (t) => ({ ...healthy1(e, t, ambientAt(t)), ...(t.k === 60 ? { ir: 460 } : {}) }) }),
      stream({ e: e2, samples: 80, seed: 2, channel: (t) => ({ ...healthy1(e2, t, ambientAt(t)), ...(t.k === 60 ? { ir: 470 } : {}) }) }),
    );
    // one message per sample time with both channels, as a two-channel detector sends it
    const msgs: ReplayLine[] = [];
    for (let i = 0; i < both.length; i += 2) {
      const a = both[i].payload, b = both[i + 1].payload;
      msgs.push({ topic: both[i].topic, payload: { ...a, channels: [...(a.channels as object[]), ...(b.channels as object[])] } });
    }
    const out = msgs.flatMap((m) => engine.ingest(m.topic, m.payload));
    expect(out).toEqual([]);
  });
});
