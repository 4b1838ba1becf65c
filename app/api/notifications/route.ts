/** GET /api/notifications — my inbox + unread count; POST {ids} | {all:true} — mark read. */
import { z } from 'zod';
import { route } from '../../../server/http/route.ts';
import { services } from '../../../server/services.ts';
import { inbox, markRead } from '../../../server/workflow/prefs.ts';

export const GET = route({}, async ({ principal }) => inbox(services().sql, principal));
const body = z.union([z.object({ all: z.literal(true) }), z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) })]);
export const POST = route({ body }, async ({ principal, body }) => {
  await markRead(services().sql, principal, 'all' in body ? 'all' : body.ids);
  return { ok: true };
});
