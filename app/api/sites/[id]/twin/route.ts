/** GET /api/sites/[id]/twin — the site's 3D twin: buildings, panels, circuits with routes, latest readings, active alarms. */
import { z } from 'zod';
import { ID_RE } from '../../../../../lib/protocol/v1.ts';
import { parseWith, route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { requireVisibleSite, siteNotFound } from '../../../../../server/queries/visible-site.ts';
import { loadTwin } from '../../../../../server/twin/load-twin.ts';
import { json } from '../../../../../server/http/typed.ts';

const params = z.object({ id: z.string().regex(ID_RE) });

export const GET = route({ permission: 'site.view' }, async ({ principal, params: raw }) => {
  const { id } = parseWith(params, raw);
  const { sql } = services();
  await requireVisibleSite(sql, principal, id);
  const twin = await loadTwin(sql, principal.scope, id);
  // the twin's own queries guard scope again: finding nothing answers like an unseen site
  if (!twin) throw siteNotFound();
  return json(twin, { headers: { 'cache-control': 'private, no-store' } });
});
