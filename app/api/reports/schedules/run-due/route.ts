/** POST /api/reports/schedules/run-due — run every due schedule now (admin; the scheduler process does this each minute). */
import { route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { runDueSchedules } from '../../../../../server/reports/schedules.ts';

export const POST = route({ permission: 'user.admin' }, async () => runDueSchedules(services().sql));
