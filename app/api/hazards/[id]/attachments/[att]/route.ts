/** GET /api/hazards/:id/attachments/:att — a stored file, served with its sniffed type and no sniffing by the browser. */
import { route } from '../../../../../../server/http/route.ts';
import { services } from '../../../../../../server/services.ts';
import { getAttachment } from '../../../../../../server/workflow/hazards/read.ts';
import { idParam } from '../../../../../../server/workflow/http.ts';

export const GET = route({ permission: 'hazard.view' }, async ({ principal, params }) => {
  const a = await getAttachment(services().sql, principal, idParam(params), idParam(params, 'att'));
  const inline = a.mime.startsWith('image/');
  return new Response(new Uint8Array(a.data), {
    headers: {
      'content-type': a.mime,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
      'cache-control': 'private, max-age=3600',
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    },
  });
});
