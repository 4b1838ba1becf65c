/** prepareBatch: a detection stage that throws costs that message its alarms, never its storage. */
import { describe, expect, it } from 'vitest';
import type { DetectStage } from '../../../workers/ingest/detect-stage.ts';
import { detectFailures, prepareBatch } from '../../../workers/ingest/prepare.ts';
import { QuarantineLimiter } from '../../../workers/ingest/quarantine.ts';
import { SeqBook } from '../../../workers/ingest/seq.ts';
import type { CircuitInfo, DeviceInfo } from '../../../workers/ingest/registry.ts';

const circuit: CircuitInfo = { id: 7, device: 'D1', ch: 1, nameZh: '回路1', entry: {} as never };
const device: DeviceInfo = { id: 'D1', siteId: 'S1', reportIntervalS: 60, circuits: new Map([[1, circuit]]) };
const now = 1_700_000_000_000;
const raw = (seq: number) => ({
  topic: 'esms/v1/S1/D1/telemetry',
  payload: Buffer.from(JSON.stringify({ v: 1, device: 'D1', seq, ts: now - 1000 + seq, channels: [{ ch: 1, ia: 5 }] })),
  receivedAt: now,
});

describe('prepareBatch', () => {
  it('keeps the messages whose detection threw, without alarms, and counts the failures', () => {
    let calls = 0;
    const detect = {
      ingest: () => {
        if (++calls === 2) throw new TypeError('boom');
        return [{ type: 'overload' }] as never;
      },
    } as unknown as DetectStage;
    const before = detectFailures.count;
    const items = prepareBatch([raw(1), raw(2), raw(3)], { maxFutureMs: 60_000, maxAgeMs: 86_400_000, device: () => device }, detect, new QuarantineLimiter(10), now);
    expect(items.map((i) => i.verdict.kind)).toEqual(['telemetry', 'telemetry', 'telemetry']);
    expect(items.map((i) => i.records.length)).toEqual([1, 0, 1]);
    expect(detectFailures.count).toBe(before + 1);
  });
});

describe('prepareBatch duplicates by (device, seq)', () => {
  const msg = (seq: number, ts: number) => ({ topic: 'esms/v1/S1/D1/telemetry', payload: Buffer.from(JSON.stringify({ v: 1, device: 'D1', seq, ts, channels: [{ ch: 1, ia: 5 }] })), receivedAt: now });
  const opts = { maxFutureMs: 60_000, maxAgeMs: 86_400_000, device: () => device };
  const detect = { ingest: () => [] } as unknown as DetectStage;
  it('a redelivery in a later batch, even re-stamped, is a duplicate; the same ts with another seq is not', () => {
    const seqs = new SeqBook();
    const a = prepareBatch([msg(5, now - 60_000), msg(6, now - 60_000)], opts, detect, new QuarantineLimiter(10), now, seqs);
    const b = prepareBatch([msg(5, now - 55_000), msg(7, now - 50_000)], opts, detect, new QuarantineLimiter(10), now, seqs);
    expect(a.map((i) => i.duplicate)).toEqual([false, false]);
    expect(b.map((i) => i.duplicate)).toEqual([true, false]);
  });
});
