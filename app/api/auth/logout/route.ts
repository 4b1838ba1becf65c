// Not wrapped in route(): signing out must also work (and clear the cookie) when the session already expired.
import { audit } from '../../../../server/auth/audit.ts';
import { clearedSessionCookie, destroySession, readCookie, SESSION_COOKIE } from '../../../../server/auth/session.ts';
import { AppError, errorResponse } from '../../../../server/http/errors.ts';
import { checkOrigin, clientIp, principalOf } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { json, type TypedHandler } from '../../../../server/http/typed.ts';

export const POST: TypedHandler<{ ok: true }, undefined, undefined> = async (req) => {
  try {
    checkOrigin(req);
    const { sql, env } = services();
    const token = readCookie(req.headers.get('cookie'), SESSION_COOKIE);
    if (token) {
      const p = await principalOf(req);
      await destroySession(sql, token);
      if (p) await audit(sql, { userId: p.userId, username: p.username, action: 'auth.logout', ip: clientIp(req) });
    }
    return json({ ok: true }, { headers: { 'set-cookie': clearedSessionCookie(env.COOKIE_SECURE), 'cache-control': 'no-store' } });
  } catch (e) {
    if (!(e instanceof AppError)) console.error('[api]', req.method, req.url, e);
    return errorResponse(e);
  }
};
