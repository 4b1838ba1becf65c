/** GET /api/notifications/status — channel health, worker beat, given-up deliveries (administrators). */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { notifyStatus } from '../../../../server/workflow/status.ts';

export const GET = route({ permission: 'notify.admin' }, async () => notifyStatus(services().sql));
