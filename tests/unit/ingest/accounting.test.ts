/** Seq accounting, site status, quarantine limiting and the COPY text encoding. */
import { describe, expect, it } from 'vitest';
import { accountSeqs } from '../../../workers/ingest/seq.ts';
import { deviceLive, siteStatus } from '../../../workers/ingest/site-status.ts';
import { countRejects, QuarantineLimiter } from '../../../workers/ingest/quarantine.ts';
import { copyText, minutesOf } from '../../../workers/ingest/readings-sql.ts';

describe('accountSeqs', () => {
  it('counts gaps, not the first message', () => {
    expect(accountSeqs(null, [1, 2, 5, 6])).toEqual({ received: 4, lost: 2, lastSeq: 6 });
  });
  it('continues from the stored last seq', () => {
    expect(accountSeqs(10, [11, 13])).toEqual({ received: 2, lost: 1, lastSeq: 13 });
  });
  it('a late message fills its gap', () => {
    expect(accountSeqs(10, [12, 11])).toEqual({ received: 2, lost: 0, lastSeq: 12 });
  });
  it('wraps at 2^32', () => {
    expect(accountSeqs(2 ** 32 - 2, [2 ** 32 - 1, 0, 2])).toEqual({ received: 3, lost: 1, lastSeq: 2 });
  });
  it('a big jump back is a counter reset, not 4 billion lost', () => {
    expect(accountSeqs(48213, [0, 1, 2])).toEqual({ received: 3, lost: 0, lastSeq: 2 });
  });
});

describe('siteStatus', () => {
  it('offline wins when no device is live', () => {
    expect(siteStatus(false, [{ type: 'overload', severity: 'critical' }])).toBe('offline');
  });
  it('highest hazard severity; fault only for sensor/offline alarms', () => {
    expect(siteStatus(true, [])).toBe('normal');
    expect(siteStatus(true, [{ type: 'sensor_fault', severity: 'alarm' }])).toBe('fault');
    expect(siteStatus(true, [{ type: 'sensor_fault', severity: 'alarm' }, { type: 'overload', severity: 'warning' }])).toBe('warning');
    expect(siteStatus(true, [{ type: 'arc_fault', severity: 'alarm' }, { type: 'overtemperature', severity: 'critical' }])).toBe('critical');
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
