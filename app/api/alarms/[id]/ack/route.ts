/** POST /api/alarms/:id/ack — acknowledge (stops escalation). */
import { z } from 'zod';
import { route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { acknowledgeAlarm } from '../../../../../server/workflow/alarms/actions.ts';
import { idParam } from '../../../../../server/workflow/http.ts';

const body = z.object({ note: z.string().trim().max(500).optional() });
export const POST = route({ permission: 'alarm.ack', body }, async ({ principal, params, body, ip }) =>
  acknowledgeAlarm(services().sql, principal, idParam(params), ip, body.note ?? ''),
);
