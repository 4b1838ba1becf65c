import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseWallSettings } from '../../../app/bigscreen/lib/settings.ts';
import { onSecond } from '../../../app/bigscreen/lib/secondTick.ts';

describe('wall settings from the address', () => {
  it('defaults: unattended after 60 s, 12 s per county', () => {
    expect(parseWallSettings('')).toEqual({ idleMs: 60_000, tourStepMs: 12_000 });
  });
  it('?idle=0 never counts the wall as unattended; other values in seconds, at least 2', () => {
    expect(parseWallSettings('?idle=0').idleMs).toBe(0);
    expect(parseWallSettings('?idle=300&tour=20')).toEqual({ idleMs: 300_000, tourStepMs: 20_000 });
    expect(parseWallSettings('?idle=1').idleMs).toBe(2000);
  });
  it('nonsense falls back to the defaults', () => {
    expect(parseWallSettings('?idle=abc&tour=-3')).toEqual({ idleMs: 60_000, tourStepMs: 12_000 });
    expect(parseWallSettings('?tour=0').tourStepMs).toBe(12_000);
  });
});

describe('the shared second tick', () => {
  afterEach(() => vi.useRealTimers());
  it('fires every subscriber together on each wall-clock second, until unsubscribed', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00.400Z') });
    const a: number[] = [];
    const b: number[] = [];
    const offA = onSecond((t) => a.push(t));
    const offB = onSecond((t) => b.push(t));
    vi.advanceTimersByTime(650);
    expect(a).toHaveLength(1);
    expect(a[0] % 1000).toBeLessThan(10); // on the boundary (+ a 2 ms margin)
    expect(b).toEqual(a);
    vi.advanceTimersByTime(2000);
    expect(a).toHaveLength(3);
    offA();
    vi.advanceTimersByTime(1000);
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(4);
    offB();
    expect(vi.getTimerCount()).toBe(0);
  });
});
