/** Query parameters of the big-screen API, validated once (zod). */
import { z } from 'zod';
import { COUNTY_CODES } from '../../lib/domain/counties.ts';

export const countyParam = z.coerce
  .number()
  .int()
  .refine((n) => n in COUNTY_CODES, { message: 'unknown county' })
  .optional();

export const summaryQuery = z.object({ county: countyParam });
export const TREND_RANGES = ['24h', '7d', '30d'] as const;
export type TrendRange = (typeof TREND_RANGES)[number];
export const trendsQuery = z.object({ county: countyParam, range: z.enum(TREND_RANGES).default('24h') });
export const PLAYBACK_HOURS = [24, 168] as const;
export const playbackQuery = z.object({
  county: countyParam,
  hours: z.coerce
    .number()
    .pipe(z.union([z.literal(24), z.literal(168)]))
    .default(24),
});
export const activityQuery = z.object({ days: z.coerce.number().int().min(1).max(30).default(7) });
