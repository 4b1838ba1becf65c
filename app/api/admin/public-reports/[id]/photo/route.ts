/** GET /api/admin/public-reports/:id/photo — reviewers only; served with a type we sniffed, never cached. */
import { route } from '@/server/http/route.ts';
import { services } from '@/server/services.ts';
import { AppError } from '@/server/http/errors.ts';
import { reportPhoto } from '@/server/public/reports.ts';

export const GET = route({ permission: 'public.review' }, async ({ params }) => {
  const id = Number(params.id);
  const p = Number.isSafeInteger(id) && id > 0 ? await reportPhoto(services().sql, id) : null;
  if (!p) throw new AppError('NOT_FOUND');
  return new Response(new Uint8Array(p.data), {
    headers: {
      'content-type': p.mime,
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-disposition': 'inline',
    },
  });
});
