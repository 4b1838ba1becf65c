/** POST /api/admin/public-reports/cases/:id/(review|publish|unpublish) — editor state changes, audited. */
import { route } from '@/server/http/route.ts';
import { services } from '@/server/services.ts';
import { AppError } from '@/server/http/errors.ts';
import { transitionCase, type CaseAction } from '@/server/public/cases.ts';
import { clearPublicCache } from '@/server/public/cache.ts';

const ACTIONS: CaseAction[] = ['review', 'publish', 'unpublish'];

export const POST = route({ permission: 'public.review' }, async ({ params, principal, ip }) => {
  const id = Number(params.id);
  const action = params.action as CaseAction;
  if (!Number.isSafeInteger(id) || id <= 0 || !ACTIONS.includes(action)) throw new AppError('NOT_FOUND');
  await transitionCase(services().sql, id, action, principal, ip);
  clearPublicCache();
  return { ok: true };
});
