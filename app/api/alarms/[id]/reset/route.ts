/** POST /api/alarms/:id/reset — reset (复位) a latched alarm whose condition is gone, with a note (audited). */
import { z } from 'zod';
import { route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { resetAlarm } from '../../../../../server/workflow/alarms/reset.ts';
import { idParam } from '../../../../../server/workflow/http.ts';

const body = z.object({ note: z.string().trim().min(2, '请填写复位说明（处置情况）').max(500) });
export const POST = route({ permission: 'alarm.reset', body }, async ({ principal, params, body, ip }) =>
  resetAlarm(services().sql, principal, idParam(params), ip, body.note),
);
