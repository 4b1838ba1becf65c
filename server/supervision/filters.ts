/** The supervision dashboard's URL filters and its window (Beijing days). */
import { z } from 'zod';
import { COUNTY_CODES } from '../../lib/domain/counties.ts';
import { SITE_CATEGORIES } from '../../lib/protocol/v1.ts';
import { calendarDay } from '../../lib/domain/params.ts';

const day = calendarDay;
export const supervisionFilterSchema = z.object({
  days: z.coerce.number().int().refine((d) => [7, 30, 90, 365].includes(d)).optional(),
  from: day.optional(),
  to: day.optional(),
  county: z.coerce.number().int().refine((n) => n in COUNTY_CODES).optional(),
  category: z.enum(SITE_CATEGORIES).optional(),
  sort: z.enum(['risk', 'handling', 'alarms', 'overdue']).optional(),
  grade: z.enum(['good', 'fair', 'attention', 'risk', 'none']).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
});
export type SupervisionFilter = z.infer<typeof supervisionFilterSchema>;

const BJ = 8 * 3600_000;
/** Beijing midnight of a YYYY-MM-DD as an instant. */
export const bjMidnight = (d: string) => new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) - BJ);

/** [start, end): explicit from/to (inclusive days) or the last N days up to now (default 30). */
export function windowOf(f: SupervisionFilter, now = new Date()): { start: Date; end: Date; days: number; label: string } {
  if (f.from && f.to && f.from <= f.to) {
    const start = bjMidnight(f.from);
    const end = new Date(bjMidnight(f.to).getTime() + 86_400_000);
    return { start, end, days: Math.round((end.getTime() - start.getTime()) / 86_400_000), label: `${f.from} 至 ${f.to}` };
  }
  const days = f.days ?? 30;
  return { start: new Date(now.getTime() - days * 86_400_000), end: now, days, label: `近 ${days} 天` };
}
