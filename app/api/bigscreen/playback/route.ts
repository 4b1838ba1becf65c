/** GET /api/bigscreen/playback?hours=24|168&county= — stored alarm intervals of the window, for replay. */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { playbackQuery } from '../../../../server/bigscreen/filters.ts';
import { narrowScope } from '../../../../server/bigscreen/narrow-scope.ts';
import { playbackData } from '../../../../server/bigscreen/playback.ts';
import { json } from '../../../../server/http/typed.ts';

export const GET = route({ permission: 'map.view', query: playbackQuery }, async ({ principal, query }) => {
  const { sql } = services();
  const scope = await narrowScope(sql, principal.scope, query.county);
  return json(await playbackData(sql, scope, query.hours), { headers: { 'cache-control': 'private, no-store' } });
});
