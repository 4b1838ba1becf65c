/** GET /api/alarms/:id — one alarm with notes, escalation level and deliveries. */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { getAlarm } from '../../../../server/workflow/alarms/detail.ts';
import { idParam } from '../../../../server/workflow/http.ts';

export const GET = route({ permission: 'alarm.view' }, async ({ principal, params }) => getAlarm(services().sql, principal, idParam(params)));
