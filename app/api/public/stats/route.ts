/** GET /api/public/stats — city aggregates for the public pages (k-anonymous, cached 60 s). */
import { services } from '@/server/services.ts';
import { publicStats } from '@/server/public/aggregates.ts';
import { handlePublic, publicJson } from '@/server/public/http.ts';

export const dynamic = 'force-dynamic';

export const GET = handlePublic(async () => publicJson(await publicStats(services().sql), 60));
