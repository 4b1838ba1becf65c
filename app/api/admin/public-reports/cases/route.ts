/** GET/POST /api/admin/public-reports/cases — the case editor: every case (any state); create a draft. */
import { route } from '@/server/http/route.ts';
import { services } from '@/server/services.ts';
import { adminCases, caseSchema, saveCase } from '@/server/public/cases.ts';
import { clearPublicCache } from '@/server/public/cache.ts';

export const dynamic = 'force-dynamic';

export const GET = route({ permission: 'public.review' }, async () => ({ cases: await adminCases(services().sql) }));

export const POST = route({ permission: 'public.review', body: caseSchema }, async ({ body, principal, ip }) => {
  const id = await saveCase(services().sql, null, body, principal, ip);
  clearPublicCache();
  return { id };
});
