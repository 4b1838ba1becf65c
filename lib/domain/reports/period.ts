/**
 * Report periods in Beijing time, pure: monthly, quarterly, annual, and the plan's phases. A period is the
 * half-open instant range [start, end) between Beijing midnights, with its Chinese label.
 */
import type { Phase } from '../rollout/phases.ts';

export const REPORT_KINDS = ['monthly', 'quarterly', 'annual', 'phase'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const KIND_INFO: Record<ReportKind, { zh: string; en: string }> = {
  monthly: { zh: '月度报告', en: 'Monthly report' },
  quarterly: { zh: '季度报告', en: 'Quarterly report' },
  annual: { zh: '年度报告', en: 'Annual report' },
  phase: { zh: '阶段总结报告', en: 'Phase summary report' },
};

export interface PeriodParams {
  kind: ReportKind;
  year?: number;
  month?: number; // 1..12
  quarter?: number; // 1..4
  phase?: number; // 1..5
}

export interface Period {
  kind: ReportKind;
  start: Date;
  end: Date;
  /** inclusive Beijing days */
  firstDay: string;
  lastDay: string;
  label: string;
  /** series granularity for charts */
  bucket: 'day' | 'week' | 'month';
  params: Required<Pick<PeriodParams, 'kind'>> & PeriodParams;
}

const BJ = 8 * 3600_000;
const bjMid = (y: number, m0: number, d: number) => new Date(Date.UTC(y, m0, d) - BJ);
export const bjDayOf = (t: Date) => new Date(t.getTime() + BJ).toISOString().slice(0, 10);
const dayBefore = (t: Date) => bjDayOf(new Date(t.getTime() - 1));

export function periodOf(p: PeriodParams, phases: Phase[] = []): Period {
  const y = p.year ?? 2026;
  switch (p.kind) {
    case 'monthly': {
      const m = p.month ?? 1;
      const start = bjMid(y, m - 1, 1);
      const end = bjMid(y, m, 1);
      return { kind: 'monthly', start, end, firstDay: bjDayOf(start), lastDay: dayBefore(end), label: `${y}年${m}月`, bucket: 'day', params: { kind: 'monthly', year: y, month: m } };
    }
    case 'quarterly': {
      const q = p.quarter ?? 1;
      const start = bjMid(y, (q - 1) * 3, 1);
      const end = bjMid(y, q * 3, 1);
      return { kind: 'quarterly', start, end, firstDay: bjDayOf(start), lastDay: dayBefore(end), label: `${y}年第${'一二三四'[q - 1]}季度`, bucket: 'week', params: { kind: 'quarterly', year: y, quarter: q } };
    }
    case 'annual': {
      const start = bjMid(y, 0, 1);
      const end = bjMid(y + 1, 0, 1);
      return { kind: 'annual', start, end, firstDay: bjDayOf(start), lastDay: dayBefore(end), label: `${y}年度`, bucket: 'month', params: { kind: 'annual', year: y } };
    }
    case 'phase': {
      const ph = phases.find((x) => x.phase === (p.phase ?? 5));
      if (!ph) throw new Error(`unknown phase ${p.phase}`);
      const [sy, sm, sd] = ph.startsOn.split('-').map(Number);
      const [ey, em, ed] = ph.endsOn.split('-').map(Number);
      const start = bjMid(sy, sm - 1, sd);
      const end = bjMid(ey, em - 1, ed + 1);
      const days = (end.getTime() - start.getTime()) / 86_400_000;
      return {
        kind: 'phase', start, end, firstDay: ph.startsOn, lastDay: ph.endsOn,
        label: `第${'一二三四五'[ph.phase - 1]}阶段（${ph.nameZh}）`, bucket: days > 120 ? 'month' : days > 40 ? 'week' : 'day',
        params: { kind: 'phase', phase: ph.phase },
      };
    }
  }
}

/** The last complete period of a kind before `now` (what a schedule delivers). */
export function previousPeriodParams(kind: Exclude<ReportKind, 'phase'>, now: Date): PeriodParams {
  const bj = new Date(now.getTime() + BJ);
  const y = bj.getUTCFullYear();
  const m = bj.getUTCMonth() + 1;
  if (kind === 'monthly') return m === 1 ? { kind, year: y - 1, month: 12 } : { kind, year: y, month: m - 1 };
  if (kind === 'quarterly') {
    const q = Math.floor((m - 1) / 3) + 1;
    return q === 1 ? { kind, year: y - 1, quarter: 4 } : { kind, year: y, quarter: q - 1 };
  }
  return { kind, year: y - 1 };
}

/** The current (possibly incomplete) period containing `now`. */
export function currentPeriodParams(kind: Exclude<ReportKind, 'phase'>, now: Date): PeriodParams {
  const bj = new Date(now.getTime() + BJ);
  const y = bj.getUTCFullYear();
  const m = bj.getUTCMonth() + 1;
  if (kind === 'monthly') return { kind, year: y, month: m };
  if (kind === 'quarterly') return { kind, year: y, quarter: Math.floor((m - 1) / 3) + 1 };
  return { kind, year: y };
}

/** When a schedule runs next: the first day of the next period at `hour` Beijing time, strictly after `now`. */
export function nextRunAt(kind: Exclude<ReportKind, 'phase'>, hourBj: number, now: Date): Date {
  const bj = new Date(now.getTime() + BJ);
  const y = bj.getUTCFullYear();
  const m0 = bj.getUTCMonth();
  const candidates: Date[] = [];
  for (let k = 0; k <= 13; k++) {
    const mm = m0 + k;
    const yy = y + Math.floor(mm / 12);
    const mo = ((mm % 12) + 12) % 12;
    if (kind === 'quarterly' && mo % 3 !== 0) continue;
    if (kind === 'annual' && mo !== 0) continue;
    candidates.push(new Date(Date.UTC(yy, mo, 1, hourBj) - BJ));
  }
  return candidates.find((d) => d.getTime() > now.getTime())!;
}
