/**
 * GET /api/admin/simulator/devices — for the simulator page (permission 'simulator.inject'):
 *   ?q=…        sites with devices whose id or name matches (at most 50)
 *   ?site=ID    that site's devices with their channels and capabilities (what can be injected where)
 */
import { z } from 'zod';
import { route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { env } from '../../../../../platform/env.ts';
import { deviceCaps } from '../../../../../lib/physics/caps.ts';
import { likeContains } from '../../../../../lib/text/like.ts';

const query = z.object({
  q: z.string().max(64).optional(),
  site: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

export const GET = route({ permission: 'simulator.inject', query }, async ({ query }) => {
  const { sql } = services();
  if (!query.site) {
    const like = likeContains(query.q ?? '');
    const sites = await sql<{ id: string; name: string; category: string; devices: number }[]>`
      SELECT s.id, s.name_zh AS name, s.category, count(d.id)::int AS devices
      FROM sites s JOIN devices d ON d.site_id = s.id
      WHERE s.id ILIKE ${like} OR s.name_zh ILIKE ${like}
      GROUP BY s.id ORDER BY s.id LIMIT 50`;
    return { sites };
  }
  const rows = await sql<{ device: string; model: string; ch: number; name: string; phases: number; rated: number; load: string }[]>`
    SELECT d.id AS device, d.model, c.ch, c.name_zh AS name, c.phases, c.rated_current_a AS rated, c.load_type AS load
    FROM devices d JOIN circuits c ON c.device_id = d.id
    WHERE d.site_id = ${query.site} ORDER BY d.id, c.ch`;
  const devices = new Map<string, { id: string; model: string; caps: ReturnType<typeof deviceCaps>; channels: { ch: number; name: string; phases: number; ratedCurrentA: number; loadType: string }[] }>();
  for (const r of rows) {
    let d = devices.get(r.device);
    if (!d) devices.set(r.device, (d = { id: r.device, model: r.model, caps: deviceCaps(env.SEED, r.device), channels: [] }));
    d.channels.push({ ch: r.ch, name: r.name, phases: r.phases, ratedCurrentA: r.rated, loadType: r.load });
  }
  return { devices: [...devices.values()] };
});
