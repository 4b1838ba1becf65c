/** GET /api/bigscreen/trends?range=24h|7d|30d&county= — alarms opened per bucket and severity. */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { trendsQuery } from '../../../../server/bigscreen/filters.ts';
import { narrowScope } from '../../../../server/bigscreen/narrow-scope.ts';
import { alarmTrend } from '../../../../server/bigscreen/trends.ts';
import { json } from '../../../../server/http/typed.ts';

export const GET = route({ permission: 'map.view', query: trendsQuery }, async ({ principal, query }) => {
  const { sql } = services();
  const scope = await narrowScope(sql, principal.scope, query.county);
  return json(await alarmTrend(sql, scope, query.range), { headers: { 'cache-control': 'private, no-store' } });
});
