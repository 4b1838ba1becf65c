/** My personal API tokens (GIS clients, /ogc): list them, or create one — its secret is returned this once only. */
import { z } from 'zod';
import { issueApiToken, listApiTokens, MAX_TOKEN_DAYS } from '../../../platform/api-tokens.ts';
import { audit } from '../../../server/auth/audit.ts';
import { route } from '../../../server/http/route.ts';
import { services } from '../../../server/services.ts';

export const GET = route({}, async ({ principal: p }) => ({ tokens: await listApiTokens(services().sql, p.userId) }));

const Create = z.object({
  name: z.string().trim().min(1, '请填写名称').max(80, '名称最多 80 字'),
  days: z.number().int().min(1).max(MAX_TOKEN_DAYS),
});

export const POST = route({ body: Create }, async ({ principal: p, body, ip }) => {
  const sql = services().sql;
  const t = await issueApiToken(sql, p.userId, body.name, body.days);
  await audit(sql, { userId: p.userId, username: p.username, action: 'api_token.create', target: String(t.id), ip, detail: { name: body.name, expiresAt: t.expiresAt.toISOString(), via: 'settings' } });
  return { id: t.id, token: t.token, expiresAt: t.expiresAt.toISOString() };
});
