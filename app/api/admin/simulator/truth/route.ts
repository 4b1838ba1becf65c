/** GET /api/admin/simulator/truth — the most recent simulator injections with their ground truth (sim_ground_truth). */
import { z } from 'zod';
import { route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';

const query = z.object({ limit: z.coerce.number().int().min(1).max(200).default(30) });

export const GET = route({ permission: 'simulator.inject', query }, async ({ query }) => {
  const { sql } = services();
  const rows = await sql<Record<string, unknown>[]>`
    SELECT g.id, g.device_id AS device, g.ch, g.kind, g.class, g.source, g.severity, g.accelerate,
           (extract(epoch FROM g.onset_at) * 1000)::bigint AS "onsetMs",
           (extract(epoch FROM g.danger_at) * 1000)::bigint AS "dangerMs",
           (extract(epoch FROM g.end_at) * 1000)::bigint AS "endMs",
           (extract(epoch FROM g.cleared_at) * 1000)::bigint AS "clearedMs",
           g.expected_alarm AS "expectedAlarm", g.pole, g.field, g.detail, d.site_id AS site, s.name_zh AS "siteName"
    FROM sim_ground_truth g JOIN devices d ON d.id = g.device_id JOIN sites s ON s.id = d.site_id
    ORDER BY g.created_at DESC LIMIT ${query.limit}`;
  return { items: rows };
});
