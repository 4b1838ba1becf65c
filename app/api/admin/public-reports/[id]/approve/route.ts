/** POST /api/admin/public-reports/:id/approve {siteId, severity, title} → a hazards row (source 'public'). */
import { route } from '@/server/http/route.ts';
import { services } from '@/server/services.ts';
import { AppError } from '@/server/http/errors.ts';
import { approveReport, approveSchema } from '@/server/public/reports.ts';

export const POST = route({ permission: 'public.review', body: approveSchema }, async ({ params, body, principal, ip }) => {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('NOT_FOUND');
  return approveReport(services().sql, id, body, principal, ip);
});
