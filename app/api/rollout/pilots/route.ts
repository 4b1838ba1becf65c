/** PUT /api/rollout/pilots — municipal pilot / regional recommendation / pilot report date of a site (audited). */
import { z } from 'zod';
import { calendarDay } from '../../../../lib/domain/params.ts';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { setPilot } from '../../../../server/rollout/pilots.ts';

const body = z.object({
  siteId: z.string().min(1).max(64),
  municipal: z.boolean(),
  regional: z.boolean(),
  reportedOn: calendarDay.nullable().default(null),
  note: z.string().max(300).default(''),
});

export const PUT = route({ permission: 'rollout.edit', body }, async ({ principal, body, ip }) => {
  await setPilot(services().sql, principal, body, ip);
  return { ok: true };
});
