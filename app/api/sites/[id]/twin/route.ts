/** GET /api/sites/[id]/twin — the site's 3D twin: buildings, panels, circuits with routes, latest readings, active alarms. */
import { z } from 'zod';
import { ID_RE } from '../../../../../lib/protocol/v1.ts';
import { AppError } from '../../../../../server/http/errors.ts';
import { parseWith, route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { assertTwinAccess } from '../../../../../server/twin/access.ts';
import { loadTwin } from '../../../../../server/twin/load-twin.ts';

const params = z.object({ id: z.string().regex(ID_RE) });

export const GET = route({ permission: 'site.view' }, async ({ principal, params: raw }) => {
  const { id } = parseWith(params, raw);
  const { sql } = services();
  await assertTwinAccess(sql, principal.scope, id);
  const twin = await loadTwin(sql, principal.scope, id);
  if (!twin) throw new AppError('FORBIDDEN', { message: '无权查看该场所', messageEn: 'You may not view this site' });
  return Response.json(twin, { headers: { 'cache-control': 'private, no-store' } });
});
