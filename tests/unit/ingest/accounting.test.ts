/** Seq accounting, site status, quarantine limiting and the COPY text encoding. */
import { describe, expect, it } from 'vitest';
import { accountSeqs, SeqBook } from '../../../workers/ingest/seq.ts';
import { deviceLive, siteStatus } from '../../../workers/ingest/site-status.ts';
import { countRejects, QuarantineLimiter } from '../../../workers/ingest/quarantine.ts';
import { copyText, minutesOf } from '../../../workers/ingest/readings-sql.ts';

const M = 60_000;
/** messages one report interval apart from t0, with the given seqs */
const at = (seqs: number[], t0 = 1_000 * M) => seqs.map((seq, i) => ({ seq, ts: t0 + i * M }));

describe('accountSeqs', () => {
  it('counts gaps, not the first message', () => {
    expect(accountSeqs(null, at([1, 2, 5, 6]))).toMatchObject({ received: 4, lost: 2, lastSeq: 6 });
  });
  it('continues from the stored last seq', () => {
    expect(accountSeqs(10, at([11, 13]))).toMatchObject({ received: 2, lost: 1, lastSeq: 13 });
  });
  it('a late message (sampled before the last one) fills its gap', () => {
    expect(accountSeqs(10, [{ seq: 12, ts: 12 * M }, { seq: 11, ts: 11 * M }], 10 * M)).toMatchObject({ received: 2, lost: 0, lastSeq: 12 });
  });
  it('wraps at 2^32', () => {
    expect(accountSeqs(2 ** 32 - 2, at([2 ** 32 - 1, 0, 2]), 999 * M)).toMatchObject({ received: 3, lost: 1, lastSeq: 2 });
  });
  it('a big jump back is a counter reset, not 4 billion lost', () => {
    expect(accountSeqs(48213, at([0, 1, 2]))).toMatchObject({ received: 3, lost: 0, lastSeq: 2 });
  });
  it('a reboot a few hundred messages in (seq restarts at 0 with a later ts) loses nothing', () => {
    // 500 behind is within the late window, but the sample time says it came after: a restarted counter
    expect(accountSeqs(500, at([0, 1, 2], 2_000 * M), 1_999 * M)).toMatchObject({ lost: 0, lastSeq: 2 });
    expect(accountSeqs(500, at([1, 2, 4], 2_000 * M), 1_999 * M)).toMatchObject({ lost: 1, lastSeq: 4 });
  });
  it('a spoofed huge seq adds nothing to the lost count, and the device is followed again after it', () => {
    const d = accountSeqs(48213, [{ seq: 48214, ts: 1_001 * M }, { seq: 48213 + 1.1e9, ts: 1_002 * M }, { seq: 48215, ts: 1_003 * M }, { seq: 48216, ts: 1_004 * M }], 1_000 * M);
    expect(d.lost).toBe(0);
    expect(d.lastSeq).toBe(48216);
  });
  it('a real gap after a long outage is counted (two per elapsed interval allowed)', () => {
    expect(accountSeqs(100, [{ seq: 400, ts: 1_300 * M }], 1_000 * M).lost).toBe(299);
  });
  it('same seq, different sample (an event carrying the last telemetry seq) is no gap', () => {
    expect(accountSeqs(7, [{ seq: 7, ts: 2 * M }, { seq: 8, ts: 3 * M }], M)).toMatchObject({ lost: 0, lastSeq: 8 });
  });
});

describe('SeqBook (duplicates by device and seq)', () => {
  it('same seq and ts: a duplicate', () => {
    const b = new SeqBook();
    expect(b.take('D', 5, 1000)).toBe(false);
    expect(b.take('D', 5, 1000)).toBe(true);
    expect(b.take('E', 5, 1000)).toBe(false); // another device
  });
  it('same seq with a new ts (a gateway re-stamping a redelivery): a duplicate', () => {
    const b = new SeqBook();
    expect(b.take('D', 5, 1000)).toBe(false);
    expect(b.take('D', 5, 1000 + 17_000)).toBe(true);
  });
  it('same ts with another seq: a different message, kept', () => {
    const b = new SeqBook();
    expect(b.take('D', 5, 1000)).toBe(false);
    expect(b.take('D', 6, 1000)).toBe(false);
  });
  it('a reboot restarts seq at 0 an hour later: new messages, not duplicates', () => {
    const b = new SeqBook();
    for (let s = 0; s < 60; s++) expect(b.take('D', s, s * M)).toBe(false);
    for (let s = 0; s < 5; s++) expect(b.take('D', s, (61 + s) * M)).toBe(false);
  });
  it('the counter wraps at 2^32', () => {
    const b = new SeqBook();
    const seqs = [2 ** 32 - 2, 2 ** 32 - 1, 0, 1];
    seqs.forEach((s, i) => expect(b.take('D', s, i * M)).toBe(false));
    expect(b.take('D', 0, 2 * M)).toBe(true);
  });
});

describe('siteStatus', () => {
  it('a site with no device is unequipped (未接入), not offline', () => {
    expect(siteStatus(false, false, [])).toBe('unequipped');
  });
  it('a latched alarm awaiting reset reads recovered, below any live hazard', () => {
    expect(siteStatus(true, true, [{ type: 'overtemperature', severity: 'critical', recovered: true }])).toBe('recovered');
    expect(siteStatus(true, true, [{ type: 'overtemperature', severity: 'critical', recovered: true }, { type: 'overload', severity: 'warning' }])).toBe('warning');
    expect(siteStatus(true, true, [{ type: 'overtemperature', severity: 'alarm', recovered: true }, { type: 'sensor_fault', severity: 'alarm' }])).toBe('recovered');
  });
  it('offline wins when no device is live', () => {
    expect(siteStatus(true, false, [{ type: 'overload', severity: 'critical' }])).toBe('offline');
  });
  it('highest hazard severity; fault only for sensor/offline alarms', () => {
    expect(siteStatus(true, true, [])).toBe('normal');
    expect(siteStatus(true, true, [{ type: 'sensor_fault', severity: 'alarm' }])).toBe('fault');
    expect(siteStatus(true, true, [{ type: 'sensor_fault', severity: 'alarm' }, { type: 'overload', severity: 'warning' }])).toBe('warning');
    expect(siteStatus(true, true, [{ type: 'arc_fault', severity: 'alarm' }, { type: 'overtemperature', severity: 'critical' }])).toBe('critical');
  });
  it('a device is live when online and heard within 3 intervals', () => {
    expect(deviceLive(true, 1000, 60, 1000 + 180_000)).toBe(true);
    expect(deviceLive(true, 1000, 60, 1001 + 180_000)).toBe(false);
    expect(deviceLive(false, 1000, 60, 1000)).toBe(false);
  });
});

describe('quarantine', () => {
  it('keeps at most N raw messages per (reason, device) per minute but counts all', () => {
    const l = new QuarantineLimiter(2);
    const kept = [0, 1, 2, 3].map(() => l.admit('malformed_json', 'D1', 60_000));
    expect(kept).toEqual([true, true, false, false]);
    expect(l.admit('malformed_json', 'D2', 60_000)).toBe(true);
    expect(l.admit('malformed_json', 'D1', 120_000)).toBe(true);
    expect(countRejects([{ reason: 'oversized', deviceId: null }, { reason: 'oversized', deviceId: null }, { reason: 'oversized', deviceId: 'D1' }])).toEqual([
      { reason: 'oversized', deviceId: '', count: 2 },
      { reason: 'oversized', deviceId: 'D1', count: 1 },
    ]);
  });
});

describe('copyText', () => {
  it('one line per channel in readings column order, ISO time, \\N for absent fields', () => {
    const txt = copyText([{ mi: 3, msg: { v: 1, device: 'D', seq: 7, ts: 1000, channels: [{ ch: 1, ia: 1.5, arc: 0 }, { ch: 2, ir: 1e-7 }], ambient: { t: -3.5 } }, circuits: [{ id: 42 }, { id: 43 }] as never }]);
    expect(txt).toBe(
      '42\t1970-01-01T00:00:01.000Z\t7\t1.5\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t0\t-3.5\t\\N\n' +
      '43\t1970-01-01T00:00:01.000Z\t7\t\\N\t\\N\t\\N\t1e-7\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t-3.5\t\\N\n');
  });
});

describe('minutesOf', () => {
  it('whole epoch minutes (= date_bin from 2000-01-01), distinct and ascending', () => {
    const row = (ts: number) => ({ mi: 0, msg: { v: 1 as const, device: 'D', seq: 1, ts, channels: [] }, circuits: [] });
    expect(minutesOf([row(180_001), row(60_000), row(119_999), row(180_000)])).toEqual([60_000, 180_000]);
    expect(Date.UTC(2000, 0, 1) % 60_000).toBe(0);
  });
});
