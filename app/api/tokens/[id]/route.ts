/** Revoke one of my API tokens (immediately: the next /ogc request with it is a 401). */
import { revokeApiToken } from '../../../../platform/api-tokens.ts';
import { audit } from '../../../../server/auth/audit.ts';
import { AppError } from '../../../../server/http/errors.ts';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';

export const DELETE = route({}, async ({ principal: p, params, ip }) => {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw new AppError('NOT_FOUND');
  const sql = services().sql;
  // someone else's token and a missing one look the same
  if (!(await revokeApiToken(sql, p.userId, id))) throw new AppError('NOT_FOUND');
  await audit(sql, { userId: p.userId, username: p.username, action: 'api_token.revoke', target: String(id), ip });
  return { ok: true as const };
});
