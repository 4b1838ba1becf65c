/** POST /api/admin/public-reports/:id/reject {reason} — closes the report; its photo is deleted. */
import { route } from '@/server/http/route.ts';
import { services } from '@/server/services.ts';
import { AppError } from '@/server/http/errors.ts';
import { rejectReport, rejectSchema } from '@/server/public/reports.ts';

export const POST = route({ permission: 'public.review', body: rejectSchema }, async ({ params, body, principal, ip }) => {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND');
  return rejectReport(services().sql, id, body.reason, principal, ip);
});
