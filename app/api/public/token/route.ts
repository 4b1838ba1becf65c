/** GET /api/public/token — a signed form token; the report form fetches one when it opens (minimum fill time). */
import { services } from '@/server/services.ts';
import { clientIp } from '@/server/http/route.ts';
import { AppError } from '@/server/http/errors.ts';
import { handlePublic, publicJson } from '@/server/public/http.ts';
import { hashIp, issueFormToken, publicSecret } from '@/server/public/secret.ts';
import { hit, LIMITS } from '@/server/public/ratelimit.ts';

export const dynamic = 'force-dynamic';

export const GET = handlePublic(async (req) => {
  const { sql } = services();
  const secret = await publicSecret(sql);
  const r = await hit(sql, `token:${hashIp(secret, clientIp(req))}`, LIMITS.tokenPerHour);
  if (!r.ok) throw new AppError('RATE_LIMITED', { retryAfterS: r.retryAfterS });
  return publicJson({ token: issueFormToken(secret) }, 0);
});
