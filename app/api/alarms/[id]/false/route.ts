/** POST /api/alarms/:id/false — mark as a false alarm with a reason (accuracy statistics). */
import { z } from 'zod';
import { route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { markFalseAlarm } from '../../../../../server/workflow/alarms/actions.ts';
import { idParam } from '../../../../../server/workflow/http.ts';

const body = z.object({ reason: z.string().trim().min(2, '请填写误报原因').max(500) });
export const POST = route({ permission: 'alarm.false', body }, async ({ principal, params, body, ip }) =>
  markFalseAlarm(services().sql, principal, idParam(params), ip, body.reason),
);
