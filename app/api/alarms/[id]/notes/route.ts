/** POST /api/alarms/:id/notes — add a handling note. */
import { z } from 'zod';
import { route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { addAlarmNote } from '../../../../../server/workflow/alarms/actions.ts';
import { idParam } from '../../../../../server/workflow/http.ts';

const body = z.object({ text: z.string().trim().min(1, '请填写备注内容').max(1000) });
export const POST = route({ permission: 'alarm.note', body }, async ({ principal, params, body, ip }) =>
  addAlarmNote(services().sql, principal, idParam(params), ip, body.text),
);
