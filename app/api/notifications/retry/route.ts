/** POST /api/notifications/retry {ids} | {all:true} — put given-up deliveries back in the queue. Audited. */
import { z } from 'zod';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { audit } from '../../../../server/auth/audit.ts';
import { retryFailed } from '../../../../platform/notify/outbox.ts';

const body = z.union([z.object({ all: z.literal(true) }), z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) })]);
export const POST = route({ permission: 'notify.admin', body }, async ({ principal, body, ip }) => {
  const { sql } = services();
  const n = await retryFailed(sql, 'all' in body ? 'all' : body.ids);
  await audit(sql, { userId: principal.userId, username: principal.username, action: 'notify.retry', target: 'outbox', ip, detail: { n, ...body } });
  return { ok: true, requeued: n };
});
