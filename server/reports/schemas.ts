/** zod schemas of the report APIs and pages (query strings, so numbers are coerced). */
import { z } from 'zod';
import { COUNTY_CODES } from '../../lib/domain/counties.ts';
import { SITE_CATEGORIES } from '../../lib/protocol/v1.ts';

const county = z.coerce.number().int().refine((n) => n in COUNTY_CODES, 'unknown county');
export const reportRequestSchema = z
  .object({
    kind: z.enum(['monthly', 'quarterly', 'annual', 'phase']).default('monthly'),
    year: z.coerce.number().int().min(2018).max(2100).optional(),
    month: z.coerce.number().int().min(1).max(12).optional(),
    quarter: z.coerce.number().int().min(1).max(4).optional(),
    phase: z.coerce.number().int().min(1).max(5).optional(),
    county: county.optional(),
    category: z.enum(SITE_CATEGORIES).optional(),
  })
  .refine((r) => r.kind === 'phase' || r.year != null, { message: 'year is required', path: ['year'] });
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

/** Normalises a parsed request: the period fields that matter for its kind only. */
export function normaliseRequest(r: ReportRequestInput) {
  const base = { kind: r.kind, county: r.county ?? null, category: r.category ?? null };
  if (r.kind === 'monthly') return { ...base, year: r.year, month: r.month ?? 1 };
  if (r.kind === 'quarterly') return { ...base, year: r.year, quarter: r.quarter ?? 1 };
  if (r.kind === 'annual') return { ...base, year: r.year };
  return { ...base, phase: r.phase ?? 5 };
}
