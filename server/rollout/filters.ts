/** URL filters of the rollout screens and APIs (zod); shared by pages, APIs and exports. */
import { z } from 'zod';
import { ROLLOUT_STATES } from '../../lib/domain/vocabulary/index.ts';
import { COUNTY_CODES } from '../../lib/domain/counties.ts';
import { SITE_CATEGORIES } from '../../lib/protocol/v1.ts';
import { calendarDay } from '../../lib/domain/params.ts';

const day = calendarDay;
const county = z.coerce.number().int().refine((n) => n in COUNTY_CODES, 'unknown county');

export const coverageFilterSchema = z.object({
  asOf: day.optional(),
  /** what counts as covered: in service (default) or installed and later */
  metric: z.enum(['in_service', 'installed']).optional(),
  county: county.optional(),
  category: z.enum(SITE_CATEGORIES).optional(),
});
export type CoverageFilter = z.infer<typeof coverageFilterSchema>;

export const rolloutSiteFilterSchema = z.object({
  county: county.optional(),
  category: z.enum(SITE_CATEGORIES).optional(),
  state: z.enum(ROLLOUT_STATES).optional(),
  /** sites not yet covered (state before the metric) */
  uncovered: z.enum(['1']).optional(),
  pilot: z.enum(['1']).optional(),
  conditions: z.enum(['missing']).optional(),
  provider: z.string().max(100).optional(),
  q: z.string().max(100).optional(),
  asOf: day.optional(),
  metric: z.enum(['in_service', 'installed']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type RolloutSiteFilter = z.infer<typeof rolloutSiteFilterSchema>;

export const exportFormat = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** The filter as a query string (stable order), for links and export URLs. */
export function toQuery(f: Record<string, string | number | undefined | null>, drop: string[] = []): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v != null && v !== '' && !drop.includes(k)) u.set(k, String(v));
  return u.toString();
}
