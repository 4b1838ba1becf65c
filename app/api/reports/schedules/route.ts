/** POST /api/reports/schedules — create a delivery schedule (recipients must see the whole region). */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { scheduleBodySchema } from '../../../../server/reports/schemas.ts';
import { createSchedule } from '../../../../server/reports/schedules.ts';

export const POST = route({ permission: 'report.export', body: scheduleBodySchema }, async ({ principal, body, ip }) => {
  const id = await createSchedule(services().sql, principal, body, ip);
  return { ok: true, id };
});
