/** PUT /api/rollout/targets — edit one county × sector target (rollout.edit, within scope; audited). */
import { z } from 'zod';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { setTarget } from '../../../../server/rollout/targets.ts';
import { SITE_CATEGORIES } from '../../../../lib/protocol/v1.ts';
import { COUNTY_CODES } from '../../../../lib/domain/counties.ts';

const body = z.object({
  county: z.number().int().refine((n) => n in COUNTY_CODES),
  category: z.enum(SITE_CATEGORIES),
  target: z.number().int().min(0).max(100_000),
  note: z.string().max(200).default(''),
});

export const PUT = route({ permission: 'rollout.edit', body }, async ({ principal, body, ip }) => {
  await setTarget(services().sql, principal, body, ip);
  return { ok: true };
});
