import { z } from 'zod';
import { ID_RE } from '../../../../lib/protocol/v1.ts';
import { AppError } from '../../../../server/http/errors.ts';
import { parseWith, route } from '../../../../server/http/route.ts';
import { siteCard } from '../../../../server/queries/site-card.ts';
import { services } from '../../../../server/services.ts';

const params = z.object({ id: z.string().regex(ID_RE) });

export const GET = route({ permission: 'site.view' }, async ({ principal, params: raw }) => {
  const { id } = parseWith(params, raw);
  const r = await siteCard(services().sql, principal.scope, id);
  if (r.kind === 'not_found') throw new AppError('NOT_FOUND', { message: '未找到该单位', messageEn: 'Site not found' });
  if (r.kind === 'forbidden')
    throw new AppError('FORBIDDEN', {
      message: '该单位不在您的管辖范围内，无权查看',
      messageEn: 'This site is outside your area of responsibility',
    });
  return Response.json(r.card, { headers: { 'cache-control': 'private, no-store' } });
});
