/** GET /api/alarms — the alarm centre list under URL filters, keyset paged (nextCursor). */
import { route } from '../../../server/http/route.ts';
import { services } from '../../../server/services.ts';
import { alarmFilterSchema } from '../../../lib/domain/workflow/alarm-filters.ts';
import { alarmCounters, listAlarms } from '../../../server/workflow/alarms/list.ts';

export const GET = route({ permission: 'alarm.view', query: alarmFilterSchema }, async ({ principal, query }) => {
  const { sql } = services();
  const [page, counters] = await Promise.all([listAlarms(sql, principal, query), query.cursor ? null : alarmCounters(sql, principal)]);
  return { ...page, counters };
});
