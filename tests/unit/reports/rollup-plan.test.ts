import { describe, expect, it } from 'vitest';
import { addDays, dueRollupDays, type RolledDay } from '../../../lib/domain/reports/rollup-plan.ts';

const O = { lookbackDays: 31, graceMs: 10 * 60_000, maxDays: 4 };
/** an instant given in Beijing time */
const bj = (s: string) => new Date(Date.parse(`${s}+08:00`));
const rolled = (day: string, at: string, final = false): RolledDay => ({ day, final, rolledAt: bj(at) });

describe('nightly rollup plan (Beijing days)', () => {
  it('rolls yesterday shortly after midnight, not before the grace', () => {
    // every earlier day of the lookback is final; 2026-11-30 has not been rolled yet
    const all = Array.from({ length: 30 }, (_, k) => rolled(addDays('2026-11-29', -k), '2026-11-30T03:00:00', true));
    expect(dueRollupDays(bj('2026-12-01T00:05:00'), all, O)).toEqual([]);
    expect(dueRollupDays(bj('2026-12-01T00:10:00'), all, O)).toEqual(['2026-11-30']);
  });
  it('a day rolled during the day (on demand) is rolled again after midnight', () => {
    const r = [rolled('2026-11-30', '2026-11-30T15:00:00')];
    expect(dueRollupDays(bj('2026-12-01T00:20:00'), r, { ...O, lookbackDays: 1 })).toEqual(['2026-11-30']);
  });
  it('once after midnight, then once more when it can be final; never again', () => {
    const once = [rolled('2026-11-30', '2026-12-01T00:10:00')];
    expect(dueRollupDays(bj('2026-12-01T01:30:00'), once, { ...O, lookbackDays: 1 })).toEqual([]);
    expect(dueRollupDays(bj('2026-12-01T02:00:00'), once, { ...O, lookbackDays: 1 })).toEqual([]);
    expect(dueRollupDays(bj('2026-12-01T02:01:00'), once, { ...O, lookbackDays: 1 })).toEqual(['2026-11-30']);
    const fin = [rolled('2026-11-30', '2026-12-01T02:01:00', true)];
    expect(dueRollupDays(bj('2026-12-01T09:00:00'), fin, { ...O, lookbackDays: 1 })).toEqual([]);
  });
  it('catches up missed days newest first, bounded per pass and by the lookback', () => {
    const now = bj('2026-12-10T03:00:00');
    const r = [rolled('2026-12-09', '2026-12-10T02:30:00', true), rolled('2026-12-05', '2026-12-06T03:00:00', true)];
    expect(dueRollupDays(now, r, O)).toEqual(['2026-12-08', '2026-12-07', '2026-12-06', '2026-12-04']);
    const days = dueRollupDays(now, r, { ...O, maxDays: 100, lookbackDays: 10 });
    expect(days).toHaveLength(8);
    expect(days.at(-1)).toBe('2026-11-30');
    expect(days).not.toContain('2026-11-29');
  });
  it('today is never rolled by the scheduler', () => {
    expect(dueRollupDays(bj('2026-12-01T23:59:00'), [], { ...O, lookbackDays: 1 })).toEqual(['2026-11-30']);
  });
});
