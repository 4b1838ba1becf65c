import { z } from 'zod';
import { ID_RE } from '../../../../lib/protocol/v1.ts';
import { parseWith, route } from '../../../../server/http/route.ts';
import { siteCard } from '../../../../server/queries/site-card.ts';
import { services } from '../../../../server/services.ts';
import { json } from '../../../../server/http/typed.ts';

const params = z.object({ id: z.string().regex(ID_RE) });

export const GET = route({ permission: 'site.view' }, async ({ principal, params: raw }) => {
  const { id } = parseWith(params, raw);
  // missing and out-of-scope sites both answer 404 (server/queries/visible-site.ts)
  const card = await siteCard(services().sql, principal, id);
  return json(card, { headers: { 'cache-control': 'private, no-store' } });
});
