import { describe, expect, it } from 'vitest';
import { beijingClock, fmtAge, fmtCount, fmtPct } from '../../../app/bigscreen/lib/format.ts';
import { dataFreshness, PANEL_STALE_MS } from '../../../app/bigscreen/lib/freshness.ts';
import { stageGeometry } from '../../../app/bigscreen/lib/scale.ts';

describe('big-screen formats (docs/UI.md)', () => {
  it('counts: thousands separators, 万 from 100,000', () => {
    expect(fmtCount(0)).toBe('0');
    expect(fmtCount(1234)).toBe('1,234');
    expect(fmtCount(58_000)).toBe('58,000');
    expect(fmtCount(123_456)).toBe('12.3万');
    expect(fmtCount(200_000)).toBe('20万');
    expect(fmtCount(123_456, 'en')).toBe('123k');
    expect(fmtCount(NaN)).toBe('—');
  });
  it('percentages with one decimal', () => {
    expect(fmtPct(0.8662)).toBe('86.6%');
    expect(fmtPct(1)).toBe('100.0%');
    expect(fmtPct(0)).toBe('0.0%');
    expect(fmtPct(null)).toBe('—');
  });
  it('Beijing time whatever the browser zone', () => {
    expect(beijingClock(Date.UTC(2026, 10, 28, 6, 5, 9))).toBe('2026-11-28 14:05:09');
    expect(beijingClock(Date.UTC(2026, 10, 28, 17, 0, 0))).toBe('2026-11-29 01:00:00');
  });
  it('ages in words', () => {
    expect(fmtAge(5_000)).toBe('5 秒');
    expect(fmtAge(3 * 60_000)).toBe('3 分钟');
    expect(fmtAge((3 * 60 + 20) * 60_000)).toBe('3 小时 20 分');
    expect(fmtAge(3 * 86_400_000)).toBe('3 天');
    expect(fmtAge(90_000, 'en')).toBe('1 min');
  });
});

describe('data freshness', () => {
  const now = 1_000_000_000;
  it('live when the socket is up and the panels are recent', () => {
    expect(dataFreshness('live', now - 5_000, now - 1_000, now)).toEqual({ state: 'live', ageMs: 1_000 });
  });
  it('stale when the panels have not refreshed for a minute, even with the socket up', () => {
    expect(dataFreshness('live', now - PANEL_STALE_MS - 1, null, now).state).toBe('stale');
  });
  it('stale when the socket reports no events', () => {
    expect(dataFreshness('stale', now - 1_000, now - 200_000, now).state).toBe('stale');
  });
  it('offline when disconnected, with the age of the last data', () => {
    expect(dataFreshness('disconnected', now - 30_000, null, now)).toEqual({ state: 'offline', ageMs: 30_000 });
  });
  it('connecting before anything arrived', () => {
    expect(dataFreshness('connecting', null, null, now)).toEqual({ state: 'connecting', ageMs: null });
  });
});

describe('one scale factor on the 1920×1080 design', () => {
  it('1080p is 1:1, 4K doubles', () => {
    expect(stageGeometry(1920, 1080)).toEqual({ scale: 1, width: 1920, height: 1080 });
    expect(stageGeometry(3840, 2160)).toEqual({ scale: 2, width: 1920, height: 1080 });
  });
  it('ultra-wide keeps the height factor and widens the design (the map takes the extra width)', () => {
    const g = stageGeometry(5760, 2160);
    expect(g.scale).toBe(2);
    expect(g.width).toBe(2880);
    expect(g.height).toBe(1080);
  });
  it('a narrower screen scales by width', () => {
    const g = stageGeometry(1920, 1200);
    expect(g.scale).toBe(1);
    expect(g.height).toBe(1200);
  });
});
