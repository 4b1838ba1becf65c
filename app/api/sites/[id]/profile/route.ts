/**
 * GET /api/sites/[id]/profile[?circuit=ID] — the effective detection profile of the site layer or one circuit, with
 * the source of each value (default / site / circuit), whether you may edit, and the change history.
 * PUT /api/sites/[id]/profile — {circuitId|null, override|null, reason, expectedRev?}: set or clear that layer.
 * Out-of-range values come back as 422 with one detail per field in Chinese and English.
 */
import { z } from 'zod';
import { ID_RE } from '../../../../../lib/protocol/v1.ts';
import { parseWith, route } from '../../../../../server/http/route.ts';
import { profileView } from '../../../../../server/profiles/view.ts';
import { setBodySchema, setOverride } from '../../../../../server/profiles/write.ts';
import { services } from '../../../../../server/services.ts';
import { json } from '../../../../../server/http/typed.ts';

const params = z.object({ id: z.string().regex(ID_RE) });
const query = z.object({ circuit: z.coerce.number().int().positive().optional() });
const noStore = { 'cache-control': 'private, no-store' };

export const GET = route({ permission: 'site.view', query }, async ({ principal, params: raw, query: q }) => {
  const { id } = parseWith(params, raw);
  return json(await profileView(services().sql, principal, id, q.circuit ?? null), { headers: noStore });
});

export const PUT = route({ permission: 'profile.edit', body: setBodySchema, maxBodyBytes: 16 * 1024 }, async ({ principal, params: raw, body, ip }) => {
  const { id } = parseWith(params, raw);
  const { sql } = services();
  const res = await setOverride(sql, principal, id, body, ip);
  return json({ ...res, view: await profileView(sql, principal, id, body.circuitId) }, { headers: noStore });
});
