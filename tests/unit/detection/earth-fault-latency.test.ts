/**
 * A rising earth fault jumps by more than the leakage sensor's spike limit (200 mA) at every report. The sensor
 * check holds each such jump back one report in case it is a spike; the residual-current alarm must not wait for
 * that: it opens on the second report over the set point (its 2-of-3 persistence), while a lone spike stays silent.
 */
import { describe, expect, it } from 'vitest';
import { Engine, type DetectionRecord } from '../../../lib/detection/index.ts';
import { ambientAt, entry, healthy1, stream } from './builders.ts';
import { EARTH_FAULT_MA } from './cases.ts';

const e = entry({ reportIntervalS: 20 });

function run(ir: (k: number) => number | undefined) {
  const engine = new Engine([e]);
  const out: DetectionRecord[] = [];
  const lines = stream({ e, samples: 80, channel: (t) => ({ ...healthy1(e, t, ambientAt(t)), ...(ir(t.k) !== undefined ? { ir: ir(t.k) } : {}) }) });
  for (const l of lines) out.push(...engine.ingest(l.topic, l.payload));
  return { out, ts: (k: number) => lines[k].payload.ts as number };
}

describe('residual current on a fast-rising earth fault', () => {
  it('alarms on the second report over the set point', () => {
    const { out, ts } = run((k) => (k >= 60 ? EARTH_FAULT_MA[Math.min(k - 60, EARTH_FAULT_MA.length - 1)] : undefined));
    const first = out.find((r) => r.type === 'residual_current');
    expect(first, JSON.stringify(out.map((r) => r.type))).toBeDefined();
    expect(first!.openedAt).toBe(ts(61));
    expect(out.some((r) => r.type === 'sensor_fault')).toBe(false);
  });
  it('a lone jump that comes back raises nothing', () => {
    const { out } = run((k) => (k === 60 ? 2700 : undefined));
    expect(out).toEqual([]);
  });
});
