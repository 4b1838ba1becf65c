// No session exists yet, so route() cannot wrap this; the same building blocks keep the same CSRF and error rules.
import { attemptLogin, loginBodySchema, loginLimiters } from '../../../../server/auth/login.ts';
import { sessionCookie } from '../../../../server/auth/session.ts';
import { AppError, errorResponse } from '../../../../server/http/errors.ts';
import { checkOrigin, clientIp, parseWith, readJsonBody } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { json, type TypedHandler } from '../../../../server/http/typed.ts';
import type { z } from 'zod';

export const POST: TypedHandler<{ ok: true; username: string }, undefined, z.input<typeof loginBodySchema>> = async (req) => {
  try {
    checkOrigin(req);
    const body = parseWith(loginBodySchema, await readJsonBody(req, 4096));
    const { sql, env } = services();
    const r = await attemptLogin(
      sql,
      { ...body, ip: clientIp(req), userAgent: req.headers.get('user-agent') },
      { limiters: loginLimiters(), ttlHours: env.SESSION_TTL_HOURS },
    );
    return json(
      { ok: true, username: r.username },
      { headers: { 'set-cookie': sessionCookie(r.token, r.expires, env.COOKIE_SECURE), 'cache-control': 'no-store' } },
    );
  } catch (e) {
    if (!(e instanceof AppError)) console.error('[api]', req.method, req.url, e);
    return errorResponse(e);
  }
};
