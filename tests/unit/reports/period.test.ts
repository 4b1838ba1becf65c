import { describe, expect, it } from 'vitest';
import { nextRunAt, periodOf, previousPeriodParams } from '../../../lib/domain/reports/period.ts';
import { expectedShareAt, isLaggard, phaseAt, type Phase } from '../../../lib/domain/rollout/phases.ts';
import { classify } from '../../../server/rollout/coverage.ts';

const PHASES: Phase[] = [
  { phase: 1, nameZh: '学习宣传，营造氛围', nameEn: '', startsOn: '2018-09-03', endsOn: '2018-09-15', goalZh: '', goalEn: '', expectedShare: 0 },
  { phase: 2, nameZh: '研究部署，协调动员', nameEn: '', startsOn: '2018-09-15', endsOn: '2018-09-30', goalZh: '', goalEn: '', expectedShare: 0 },
  { phase: 3, nameZh: '试点先行，总结经验', nameEn: '', startsOn: '2018-10-01', endsOn: '2018-11-30', goalZh: '', goalEn: '', expectedShare: 0.03 },
  { phase: 4, nameZh: '大力推进，全面覆盖', nameEn: '', startsOn: '2018-12-01', endsOn: '2021-05-10', goalZh: '', goalEn: '', expectedShare: 1 },
  { phase: 5, nameZh: '查找不足，总结提高', nameEn: '', startsOn: '2021-05-11', endsOn: '2021-11-15', goalZh: '', goalEn: '', expectedShare: 1 },
];

describe('report periods (Beijing time)', () => {
  it('monthly: Beijing midnights', () => {
    const p = periodOf({ kind: 'monthly', year: 2026, month: 11 });
    expect(p.start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect([p.firstDay, p.lastDay, p.label]).toEqual(['2026-11-01', '2026-11-30', '2026年11月']);
  });
  it('quarterly and annual', () => {
    expect(periodOf({ kind: 'quarterly', year: 2026, quarter: 4 }).label).toBe('2026年第四季度');
    const a = periodOf({ kind: 'annual', year: 2025 });
    expect([a.firstDay, a.lastDay, a.bucket]).toEqual(['2025-01-01', '2025-12-31', 'month']);
  });
  it('phase summary uses the plan dates', () => {
    const p = periodOf({ kind: 'phase', phase: 5 }, PHASES);
    expect([p.firstDay, p.lastDay]).toEqual(['2021-05-11', '2021-11-15']);
    expect(p.label).toContain('查找不足');
  });
  it('schedules deliver the previous complete period on the first day', () => {
    const now = new Date('2026-01-01T00:30:00Z'); // 08:30 Beijing, 1 Jan
    expect(previousPeriodParams('monthly', now)).toEqual({ kind: 'monthly', year: 2025, month: 12 });
    expect(previousPeriodParams('quarterly', now)).toEqual({ kind: 'quarterly', year: 2025, quarter: 4 });
    expect(previousPeriodParams('annual', now)).toEqual({ kind: 'annual', year: 2025 });
    expect(nextRunAt('monthly', 8, new Date('2026-11-28T12:00:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(nextRunAt('quarterly', 8, new Date('2026-11-28T12:00:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(nextRunAt('annual', 9, new Date('2026-01-01T00:30:00Z')).toISOString()).toBe('2026-01-01T01:00:00.000Z');
  });
});

describe('phases and laggards', () => {
  it('finds the phase of a day', () => {
    expect(phaseAt('2018-09-01', PHASES)).toBeNull();
    expect(phaseAt('2018-10-15', PHASES)?.phase).toBe(3);
    expect(phaseAt('2026-11-28', PHASES)?.phase).toBe(5);
  });
  it('expects nothing before the pilots, the pilot share at phase 3 end, 100 % at phase 4 end, linear between', () => {
    expect(expectedShareAt('2018-09-20', PHASES)).toBe(0);
    expect(expectedShareAt('2018-11-30', PHASES)).toBeCloseTo(0.03);
    expect(expectedShareAt('2021-05-10', PHASES)).toBe(1);
    expect(expectedShareAt('2026-01-01', PHASES)).toBe(1);
    const mid = expectedShareAt('2020-03-06', PHASES);
    expect(mid).toBeGreaterThan(0.45);
    expect(mid).toBeLessThan(0.55);
  });
  it('classifies cells', () => {
    expect(classify(80, 100, 1).status).toBe('behind');
    expect(classify(70, 100, 1).status).toBe('laggard');
    expect(classify(99, 100, 1).status).toBe('ok');
    expect(classify(0, 0, 1).status).toBe('none');
    expect(classify(0, 10, 0).status).toBe('ok');
    expect(isLaggard(50, 100, 0.9)).toBe(true);
  });
});
