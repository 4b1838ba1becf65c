/** GET /api/public/cases?locale=zh|bo|en — published cases only. */
import { services } from '@/server/services.ts';
import { publishedCases } from '@/server/public/cases.ts';
import { cached } from '@/server/public/cache.ts';
import { handlePublic, publicJson } from '@/server/public/http.ts';
import { DEFAULT_LOCALE, isLocale } from '@/server/public/locales.ts';

export const dynamic = 'force-dynamic';

export const GET = handlePublic(async (req) => {
  const l = new URL(req.url).searchParams.get('locale');
  const locale = isLocale(l) ? l : DEFAULT_LOCALE;
  return publicJson(await cached(`cases:${locale}`, 30_000, () => publishedCases(services().sql, locale)), 60);
});
