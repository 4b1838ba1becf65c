/** GET /api/sites/[id]/circuits/[circuitId]/trend?range=hour|day|week — rollup series for the twin's charts. */
import { z } from 'zod';
import { ID_RE } from '../../../../../../../lib/protocol/v1.ts';
import { AppError } from '../../../../../../../server/http/errors.ts';
import { parseWith, route } from '../../../../../../../server/http/route.ts';
import { services } from '../../../../../../../server/services.ts';
import { requireVisibleSite } from '../../../../../../../server/queries/visible-site.ts';
import { circuitOfSite } from '../../../../../../../server/twin/circuit-detail.ts';
import { circuitTrend } from '../../../../../../../server/twin/trend.ts';
import { json } from '../../../../../../../server/http/typed.ts';

const params = z.object({ id: z.string().regex(ID_RE), circuitId: z.coerce.number().int().positive() });
const query = z.object({ range: z.enum(['hour', 'day', 'week']).default('hour') });

export const GET = route({ permission: 'site.view', query }, async ({ principal, params: raw, query }) => {
  const { id, circuitId } = parseWith(params, raw);
  const { sql } = services();
  await requireVisibleSite(sql, principal, id);
  if ((await circuitOfSite(sql, principal.scope, id, circuitId)) == null)
    throw new AppError('NOT_FOUND', { message: '该场所没有此回路', messageEn: 'No such circuit at this site' });
  const points = await circuitTrend(sql, circuitId, query.range);
  return json({ circuitId, range: query.range, points }, { headers: { 'cache-control': 'private, no-store' } });
});
