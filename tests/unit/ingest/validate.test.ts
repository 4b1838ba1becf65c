/** The validator against the hostile corpus (each case its exact reason) and against valid messages. */
import { describe, expect, it } from 'vitest';
import { hostileCorpus } from '../../fixtures/hostile/corpus.ts';
import { validate, type ValidateOpts } from '../../../workers/ingest/validate.ts';
import type { CircuitInfo, DeviceInfo } from '../../../workers/ingest/registry.ts';

const now = 1_790_000_000_000;
function device(id: string, siteId: string): DeviceInfo {
  const circuits = new Map<number, CircuitInfo>();
  for (let ch = 1; ch <= 4; ch++) circuits.set(ch, { id: ch * 10, device: id, ch, nameZh: `回路${ch}`, entry: {} as CircuitInfo['entry'] });
  return { id, siteId, reportIntervalS: 60, circuits };
}
const devices = new Map([
  ['HS-S1-D1', device('HS-S1-D1', 'HS-S1')],
  ['HS-S1-D2', device('HS-S1-D2', 'HS-S1')],
]);
const opts: ValidateOpts = { now, maxFutureMs: 600_000, maxAgeMs: 30 * 86_400_000, device: (id) => devices.get(id) };
const corpus = hostileCorpus({ now, site: 'HS-S1', device: 'HS-S1-D1', otherSite: 'HS-S2', otherDevice: 'HS-S1-D2' });

describe('validate: hostile corpus', () => {
  it.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const v = validate(c.topic, c.payload, opts);
    expect(v.kind).toBe('reject');
    if (v.kind === 'reject') expect(v.reason).toBe(c.reason);
  });
  it('covers every reason but db_rejected', () => {
    const seen = new Set(corpus.map((c) => c.reason));
    expect(seen.size).toBeGreaterThanOrEqual(15);
  });
});

describe('validate: accepted messages', () => {
  const topic = 'esms/v1/HS-S1/HS-S1-D1/telemetry';
  const good = { v: 1, device: 'HS-S1-D1', seq: 5, ts: now - 5000, channels: [{ ch: 1, ia: 12.3, ib: 11.8, ic: 13, ir: 45.2, ta: 38.5, tb: 37.9, tc: 39.1, tn: 36, ua: 228.4, arc: 0 }, { ch: 3, ia: 0 }], ambient: { t: 4.5, rh: 41 } };
  it('telemetry maps channels to circuits', () => {
    const v = validate(topic, Buffer.from(JSON.stringify(good)), opts);
    expect(v.kind).toBe('telemetry');
    if (v.kind === 'telemetry') expect(v.circuits.map((c) => c.id)).toEqual([10, 30]);
  });
  it('the will message (no ts) and a full status', () => {
    expect(validate('esms/v1/HS-S1/HS-S1-D1/status', Buffer.from('{"v":1,"online":false}'), opts).kind).toBe('status');
    expect(validate('esms/v1/HS-S1/HS-S1-D1/status', Buffer.from(JSON.stringify({ v: 1, online: true, ts: now, fw: '<b>1.0</b>', rssi: -70 })), opts).kind).toBe('status');
  });
  it('events, with and without channel', () => {
    const ev = { v: 1, device: 'HS-S1-D1', seq: 6, ts: now, ch: 2, code: 'arc_alarm', value: 20 };
    expect(validate('esms/v1/HS-S1/HS-S1-D1/event', Buffer.from(JSON.stringify(ev)), opts).kind).toBe('event');
    expect(validate('esms/v1/HS-S1/HS-S1-D1/event', Buffer.from(JSON.stringify({ ...ev, ch: undefined, code: 'power_lost' })), opts).kind).toBe('event');
  });
  it('boundaries: ts exactly 10 min ahead is accepted, 16 KiB exactly is accepted', () => {
    expect(validate(topic, Buffer.from(JSON.stringify({ ...good, ts: now + 600_000 })), opts).kind).toBe('telemetry');
    const base = JSON.stringify(good);
    const padded = Buffer.from(base.slice(0, -1) + ' '.repeat(16 * 1024 - base.length) + '}');
    expect(padded.length).toBe(16 * 1024);
    expect(validate(topic, padded, opts).kind).toBe('telemetry');
  });
});
