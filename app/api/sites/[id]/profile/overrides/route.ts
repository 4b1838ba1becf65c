/**
 * GET /api/sites/[id]/profile/overrides — the site's stored overrides as a file in the replay CLI's --overrides shape
 * ({sites, circuits: {"device/ch": …}}), the same data the live ingest worker applies.
 */
import { z } from 'zod';
import { ID_RE } from '../../../../../../lib/protocol/v1.ts';
import { parseWith, route } from '../../../../../../server/http/route.ts';
import { loadOverrides } from '../../../../../../platform/detection-overrides.ts';
import { requireVisibleSite } from '../../../../../../server/queries/visible-site.ts';
import { services } from '../../../../../../server/services.ts';

const params = z.object({ id: z.string().regex(ID_RE) });

export const GET = route({ permission: 'site.view' }, async ({ principal, params: raw }) => {
  const { id } = parseWith(params, raw);
  const { sql } = services();
  await requireVisibleSite(sql, principal, id);
  const { overrides } = await loadOverrides(sql, id);
  return new Response(`${JSON.stringify(overrides, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="overrides-${id}.json"`,
      'cache-control': 'private, no-store',
    },
  });
});
