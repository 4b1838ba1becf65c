/** PATCH /api/rollout/sites/:id — rollout state, dates, installation conditions, service provider (audited). */
import { z } from 'zod';
import { calendarDay } from '../../../../../lib/domain/params.ts';
import { route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { updateSiteRollout } from '../../../../../server/rollout/transition.ts';
import { ROLLOUT_STATES } from '../../../../../lib/domain/vocabulary/index.ts';

const day = calendarDay.nullable();
const body = z.object({
  state: z.enum(ROLLOUT_STATES),
  dates: z.object({ planned: day, surveyed: day, installed: day, commissioned: day, in_service: day }).partial().default({}),
  powerOk: z.boolean(),
  networkOk: z.boolean(),
  serviceProvider: z.string().max(100).default(''),
  reason: z.string().max(500).optional(),
});

export const PATCH = route({ permission: 'rollout.edit', body }, async ({ principal, body, params, ip }) => {
  return updateSiteRollout(services().sql, principal, params.id ?? '', body, ip);
});
