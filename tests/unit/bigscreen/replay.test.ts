import { describe, expect, it } from 'vitest';
import { activeAt, openedBetween, statesAt, type ReplayInterval } from '../../../lib/domain/bigscreen/replay.ts';
import { bucketLabel, bucketPlan } from '../../../lib/domain/bigscreen/buckets.ts';

const H = 3600_000;
const iv = (
  id: number,
  siteId: string,
  o: number,
  c: number | null,
  severity: ReplayInterval['severity'],
  type: ReplayInterval['type'] = 'overload',
): ReplayInterval => ({
  id,
  siteId,
  openedAt: o,
  clearedAt: c,
  severity,
  type,
});

describe('playback: site states from stored alarm intervals', () => {
  const xs = [
    iv(1, 'A', 0, 10 * H, 'warning'),
    iv(2, 'A', 2 * H, 3 * H, 'critical'),
    iv(3, 'B', 5 * H, null, 'alarm'),
    iv(4, 'C', 1 * H, 4 * H, 'alarm', 'sensor_fault'),
    iv(5, 'D', 1 * H, 4 * H, 'warning', 'device_offline'),
    iv(6, 'D', 2 * H, 3 * H, 'warning', 'arc_fault'),
  ];
  it('the worst active hazard wins', () => {
    expect(statesAt(xs, 2.5 * H).get('A')).toBe('critical');
    expect(statesAt(xs, 3.5 * H).get('A')).toBe('warning');
  });
  it('opened_at is inclusive, cleared_at exclusive', () => {
    expect(statesAt(xs, 2 * H).get('A')).toBe('critical');
    expect(statesAt(xs, 3 * H).get('A')).toBe('warning');
    expect(statesAt(xs, 10 * H).has('A')).toBe(false);
  });
  it('uncleared alarms stay active to the end', () => {
    expect(statesAt(xs, 100 * H).get('B')).toBe('alarm');
    expect(statesAt(xs, 4 * H).has('B')).toBe(false);
  });
  it('sensor faults and offline devices read as 故障, below any hazard', () => {
    expect(statesAt(xs, 1.5 * H).get('C')).toBe('fault');
    expect(statesAt(xs, 1.5 * H).get('D')).toBe('fault');
    expect(statesAt(xs, 2.5 * H).get('D')).toBe('warning');
  });
  it('openings in a step and the active list, newest first', () => {
    expect(openedBetween(xs, 0, 2 * H).map((x) => x.id)).toEqual([2, 4, 5, 6]);
    expect(activeAt(xs, 2.5 * H).map((x) => x.id)).toEqual([6, 2, 5, 4, 1]);
  });
});

describe('trend buckets in Beijing time', () => {
  const now = Date.UTC(2026, 10, 28, 6, 5, 9); // 14:05:09 Beijing
  it('24 h: hourly, the last bucket holds now', () => {
    const p = bucketPlan('24h', now);
    expect(p.n).toBe(24);
    expect(p.start + 23 * p.stepMs).toBe(Date.UTC(2026, 10, 28, 6, 0, 0));
    expect(bucketLabel('24h', p.start + 23 * p.stepMs)).toBe('14:00');
  });
  it('7 d: 6-hour buckets on Beijing 0/6/12/18 h marks', () => {
    const p = bucketPlan('7d', now);
    expect(p.n).toBe(28);
    expect(bucketLabel('7d', p.start + 27 * p.stepMs)).toBe('11-28 12时');
  });
  it('30 d: days start at Beijing midnight', () => {
    const p = bucketPlan('30d', now);
    expect(p.start + 29 * p.stepMs).toBe(Date.UTC(2026, 10, 27, 16, 0, 0));
    expect(bucketLabel('30d', p.start + 29 * p.stepMs)).toBe('11-28');
  });
});
