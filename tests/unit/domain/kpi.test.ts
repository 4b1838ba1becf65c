/** The KPI arithmetic and wording (docs/KPI.md): empty bases, running windows, plan verdicts, fitted sites. */
import { describe, expect, it } from 'vitest';
import { asOfInstant, elapsedDays, KPI, KPI_IDS, kpiText, meanOf, planProgress, planVerdict, ratio, siteFigures } from '../../../lib/domain/kpi/index.ts';
import { reportRequestSchema, normaliseRequest } from '../../../server/reports/schemas.ts';

describe('ratios', () => {
  it('0/0 is unknown and shows 「—」, never 100 %', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(kpiText('rectificationRateAll', ratio(0, 0))).toBe('—');
    expect(kpiText('rectificationRateAll', ratio(0, 4))).toBe('0.0%');
    expect(meanOf(5, 0)).toBeNull();
    expect(kpiText('meanAckHours', meanOf(1.5, 2))).toBe('45 分钟');
  });
  it('a running window is measured at now, an ended one at its end', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(asOfInstant(new Date('2027-01-01T00:00:00Z'), now)).toEqual(now);
    expect(asOfInstant(new Date('2026-12-01T00:00:00Z'), now).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(elapsedDays(new Date('2026-11-30T16:00:00Z'), now)).toBe(7);
  });
});

describe('plan progress', () => {
  it('complete is never behind', () => {
    expect(planVerdict(1, 1)).toBe('complete');
    expect(planProgress(500, 500, 1.0).verdict).toBe('complete');
  });
  it('behind, on track and ahead by two points', () => {
    expect(planVerdict(0.5, 0.6)).toBe('behind');
    expect(planVerdict(0.59, 0.6)).toBe('onTrack');
    expect(planVerdict(0.7, 0.6)).toBe('ahead');
    expect(planVerdict(null, 0.6)).toBeNull();
    expect(planProgress(0, 0, 0.5).share).toBeNull();
  });
});

describe('fitted sites', () => {
  it('未接入 sites are outside the online rate and never offline', () => {
    const f = siteFigures([
      { status: 'normal', fitted: true, n: 8 },
      { status: 'offline', fitted: true, n: 2 },
      { status: 'unequipped', fitted: false, n: 5 },
      { status: 'offline', fitted: false, n: 1 },
    ]);
    expect(f).toEqual({ sites: 16, fitted: 10, unequipped: 6, online: 8, offline: 2, onlineRate: 0.8 });
    expect(siteFigures([{ status: 'unequipped', fitted: false, n: 3 }]).onlineRate).toBeNull();
  });
  it('every KPI has a label saying what it counts', () => {
    for (const id of KPI_IDS) expect(KPI[id].formulaZh.length).toBeGreaterThan(8);
    expect(KPI.sitesOnlineRate.zh).toBe('在线率（已接入单位）');
    expect(KPI.planProgress.zh).toBe('计划进度（按期应完成 / 已完成）');
  });
});

describe('report requests', () => {
  const now = new Date();
  const bj = new Date(now.getTime() + 8 * 3600_000);
  it('an empty sector is no choice, and a past month is issued as asked', () => {
    const r = reportRequestSchema.safeParse({ kind: 'monthly', year: '2026', month: '11', category: '', county: '' });
    expect(r.success).toBe(true);
    expect(normaliseRequest(r.data!)).toEqual({ kind: 'monthly', year: 2026, month: 11, county: null, category: null });
  });
  it('refuses a bad or future period with a message instead of replacing it', () => {
    const bad = reportRequestSchema.safeParse({ kind: 'monthly', year: '2026', month: '13' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toMatch(/月份/);
    const none = reportRequestSchema.safeParse({ kind: 'quarterly', year: '2026' });
    expect(none.error!.issues[0].message).toMatch(/季度/);
    const future = reportRequestSchema.safeParse({ kind: 'annual', year: String(bj.getUTCFullYear() + 1) });
    expect(future.error!.issues[0].message).toMatch(/尚未开始/);
  });
});
