/** GET /api/bigscreen/summary?county= — the big screen's panels in one call (scope-filtered). */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { summaryQuery } from '../../../../server/bigscreen/filters.ts';
import { bigscreenSummary } from '../../../../server/bigscreen/summary.ts';
import { json } from '../../../../server/http/typed.ts';

export const GET = route({ permission: 'map.view', query: summaryQuery }, async ({ principal, query }) => {
  const body = await bigscreenSummary(services().sql, principal, query.county);
  return json(body, { headers: { 'cache-control': 'private, no-store' } });
});
