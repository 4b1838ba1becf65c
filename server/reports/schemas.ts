/**
 * zod schemas of the report APIs and pages (query strings, so numbers are coerced). An empty field is no choice
 * (a form's 「全部」 sends ""), and a period that is incomplete, unknown or not yet begun is refused with a message,
 * never replaced by another period.
 */
import { z } from 'zod';
import { COUNTY_CODES } from '../../lib/domain/counties.ts';
import { SITE_CATEGORIES } from '../../lib/protocol/v1.ts';
import { periodOf } from '../../lib/domain/reports/period.ts';

/** "" and null from a form or a query string mean "not set" */
const opt = <T extends z.ZodTypeAny>(t: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), t.optional());

const county = z.coerce.number().int().refine((n) => n in COUNTY_CODES, 'unknown county');
const periodFields = z.object({
  kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['monthly', 'quarterly', 'annual', 'phase']).default('monthly')),
  year: opt(z.coerce.number().int().min(2018, '年份须在 2018 年及以后 year must be 2018 or later').max(2100)),
  month: opt(z.coerce.number().int().min(1, '月份须为 1–12 month must be 1–12').max(12, '月份须为 1–12 month must be 1–12')),
  quarter: opt(z.coerce.number().int().min(1, '季度须为 1–4 quarter must be 1–4').max(4, '季度须为 1–4 quarter must be 1–4')),
  phase: opt(z.coerce.number().int().min(1, '阶段须为 1–5 phase must be 1–5').max(5, '阶段须为 1–5 phase must be 1–5')),
  county: opt(county),
  category: opt(z.enum(SITE_CATEGORIES)),
});

type PeriodFields = z.infer<typeof periodFields>;

/** what a period of its kind still lacks, or has that has not begun; null when it can be reported */
export function periodProblem(r: PeriodFields, now = new Date()): { path: string; message: string } | null {
  if (r.kind !== 'phase' && r.year == null) return { path: 'year', message: '请选择年份 year is required' };
  if (r.kind === 'monthly' && r.month == null) return { path: 'month', message: '月度报告须选择月份 a monthly report needs a month' };
  if (r.kind === 'quarterly' && r.quarter == null) return { path: 'quarter', message: '季度报告须选择季度 a quarterly report needs a quarter' };
  if (r.kind === 'phase') return r.phase == null ? { path: 'phase', message: '阶段总结须选择阶段 a phase summary needs a phase' } : null;
  const p = periodOf(r);
  if (p.start.getTime() > now.getTime()) return { path: r.kind === 'monthly' ? 'month' : r.kind === 'quarterly' ? 'quarter' : 'year', message: `${p.label}尚未开始，不能出具报告 ${p.label} has not begun` };
  return null;
}

export const reportRequestSchema = periodFields.superRefine((r, ctx) => {
  const p = periodProblem(r);
  if (p) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [p.path], message: p.message });
});
export type ReportRequestInput = z.infer<typeof reportRequestSchema>;

export const renderQuerySchema = z.intersection(reportRequestSchema, z.object({ format: z.enum(['html', 'pdf', 'xlsx', 'csv']).default('html') }));

export const issueBodySchema = z.intersection(reportRequestSchema, z.object({ formats: z.array(z.enum(['pdf', 'xlsx', 'csv'])).min(1).max(3).default(['pdf', 'xlsx', 'csv']) }));

export const scheduleBodySchema = z.object({
  kind: z.enum(['monthly', 'quarterly', 'annual']),
  county: county.nullable().default(null),
  category: z.enum(SITE_CATEGORIES).nullable().default(null),
  formats: z.array(z.enum(['pdf', 'xlsx', 'csv'])).min(1).max(3),
  recipientIds: z.array(z.number().int().positive()).max(50).default([]),
  channels: z.array(z.enum(['portal', 'email'])).min(1).max(2).default(['portal']),
  hourBj: z.number().int().min(0).max(23).default(8),
});

/** Normalises a parsed request: the period fields that matter for its kind only (validated: they are set). */
export function normaliseRequest(r: ReportRequestInput) {
  const base = { kind: r.kind, county: r.county ?? null, category: r.category ?? null };
  if (r.kind === 'monthly') return { ...base, year: r.year, month: r.month };
  if (r.kind === 'quarterly') return { ...base, year: r.year, quarter: r.quarter };
  if (r.kind === 'annual') return { ...base, year: r.year };
  return { ...base, phase: r.phase };
}

/** the messages of a refused request, for the form */
export function requestErrors(e: z.ZodError): string[] {
  return [...new Set(e.issues.map((i) => i.message))];
}
