/** Web Push: GET the VAPID public key; POST a subscription; DELETE one (by endpoint). */
import { z } from 'zod';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { ensureVapid } from '../../../../platform/notify/vapid.ts';
import { deletePushSubscription, pushSubscriptionSchema, savePushSubscription } from '../../../../server/workflow/prefs.ts';

export const GET = route({}, async () => ({ publicKey: (await ensureVapid(services().sql)).publicKey }));
export const POST = route({ body: pushSubscriptionSchema }, async ({ principal, body, req }) => {
  await savePushSubscription(services().sql, principal, body, req.headers.get('user-agent'));
  return { ok: true };
});
export const DELETE = route({ body: z.object({ endpoint: z.string().max(1000) }) }, async ({ principal, body }) => {
  await deletePushSubscription(services().sql, principal, body.endpoint);
  return { ok: true };
});
