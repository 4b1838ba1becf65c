/** GET /api/bigscreen/activity?days=7 — per-site alarm activity for the density and risk-column layers. */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { activityQuery } from '../../../../server/bigscreen/filters.ts';
import { siteActivity } from '../../../../server/bigscreen/site-activity.ts';
import { json } from '../../../../server/http/typed.ts';

export const GET = route({ permission: 'map.view', query: activityQuery }, async ({ principal, query }) => {
  const sites = await siteActivity(services().sql, principal.scope, query.days);
  return json({ at: Date.now(), days: query.days, sites }, { headers: { 'cache-control': 'private, no-store' } });
});
