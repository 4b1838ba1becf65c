/** GET /api/sites/[id]/circuits/[circuitId]/alarms — the circuit's active and past alarms with their reasons. */
import { z } from 'zod';
import { ID_RE } from '../../../../../../../lib/protocol/v1.ts';
import { AppError } from '../../../../../../../server/http/errors.ts';
import { parseWith, route } from '../../../../../../../server/http/route.ts';
import { services } from '../../../../../../../server/services.ts';
import { requireVisibleSite } from '../../../../../../../server/queries/visible-site.ts';
import { circuitAlarms, circuitOfSite } from '../../../../../../../server/twin/circuit-detail.ts';
import { json } from '../../../../../../../server/http/typed.ts';

const params = z.object({ id: z.string().regex(ID_RE), circuitId: z.coerce.number().int().positive() });

export const GET = route({ permission: 'alarm.view' }, async ({ principal, params: raw }) => {
  const { id, circuitId } = parseWith(params, raw);
  const { sql } = services();
  await requireVisibleSite(sql, principal, id);
  if ((await circuitOfSite(sql, principal.scope, id, circuitId)) == null)
    throw new AppError('NOT_FOUND', { message: '该场所没有此回路', messageEn: 'No such circuit at this site' });
  return json({ circuitId, ...(await circuitAlarms(sql, id, circuitId)) }, { headers: { 'cache-control': 'private, no-store' } });
});
