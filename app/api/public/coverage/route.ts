/** GET /api/public/coverage — county polygons (0.01°) with coverage rates; no site points. */
import { services } from '@/server/services.ts';
import { publicCoverage } from '@/server/public/aggregates.ts';
import { handlePublic, publicJson } from '@/server/public/http.ts';

export const dynamic = 'force-dynamic';

export const GET = handlePublic(async () => publicJson(await publicCoverage(services().sql), 300));
