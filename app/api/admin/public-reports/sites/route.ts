/** GET /api/admin/public-reports/sites?q=&county= — site picker for the reviewer (staff only). */
import { z } from 'zod';
import { route } from '@/server/http/route.ts';
import { services } from '@/server/services.ts';
import { likeContains } from '@/lib/text/like.ts';

export const dynamic = 'force-dynamic';

export const GET = route(
  { permission: 'public.review', query: z.object({ q: z.string().trim().max(60).default(''), county: z.coerce.number().int().optional() }) },
  async ({ query }) => {
    const { sql } = services();
    const like = likeContains(query.q);
    const sites = await sql<{ id: string; name_zh: string; category: string; county_adcode: number }[]>`
      SELECT id, name_zh, category, county_adcode FROM sites
      WHERE (${query.q} = '' OR id ILIKE ${like} OR name_zh ILIKE ${like} OR name_en ILIKE ${like} OR address ILIKE ${like})
        AND (${query.county ?? null}::int IS NULL OR county_adcode = ${query.county ?? null})
      ORDER BY id LIMIT 20`;
    return { sites };
  },
);
