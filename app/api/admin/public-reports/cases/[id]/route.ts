/** PUT /api/admin/public-reports/cases/:id — edit a case; it goes back to draft and must be reviewed again. */
import { route } from '@/server/http/route.ts';
import { services } from '@/server/services.ts';
import { AppError } from '@/server/http/errors.ts';
import { caseSchema, saveCase } from '@/server/public/cases.ts';
import { clearPublicCache } from '@/server/public/cache.ts';

export const PUT = route({ permission: 'public.review', body: caseSchema }, async ({ params, body, principal, ip }) => {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND');
  await saveCase(services().sql, id, body, principal, ip);
  clearPublicCache();
  return { id };
});
