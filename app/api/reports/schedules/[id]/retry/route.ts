/** POST /api/reports/schedules/:id/retry — put the schedule's failed deliveries back in the queue (owner or admin; audited). */
import { route } from '../../../../../../server/http/route.ts';
import { services } from '../../../../../../server/services.ts';
import { retryScheduleDeliveries } from '../../../../../../server/reports/schedules.ts';

export const POST = route({ permission: 'report.export' }, async ({ principal, params, ip }) => {
  const requeued = await retryScheduleDeliveries(services().sql, principal, Number(params.id) || 0, ip);
  return { ok: true, requeued };
});
