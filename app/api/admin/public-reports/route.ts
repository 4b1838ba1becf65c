/** GET /api/admin/public-reports?state=pending|approved|rejected — the staff review queue. */
import { z } from 'zod';
import { route } from '@/server/http/route.ts';
import { services } from '@/server/services.ts';
import { listReports } from '@/server/public/reports.ts';

export const dynamic = 'force-dynamic';

export const GET = route(
  {
    permission: 'public.review',
    query: z.object({
      state: z.enum(['pending', 'approved', 'rejected']).default('pending'),
      offset: z.coerce.number().int().min(0).max(100_000).default(0),
    }),
  },
  async ({ query }) => ({ reports: await listReports(services().sql, query.state, 50, query.offset) }),
);
