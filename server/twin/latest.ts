/** Node-only. The newest reading of every circuit of a site (within the last two days), as CircuitLatest. */
import type { Sql } from '../../platform/db.ts';
import type { CircuitLatest } from '../../lib/events/realtime.ts';

const FIELDS = ['ia', 'ib', 'ic', 'ir', 'ta', 'tb', 'tc', 'tn', 'ua', 'ub', 'uc', 'arc'] as const;

export async function latestOfSite(sql: Sql, siteId: string): Promise<CircuitLatest[]> {
  const rows = await sql<Record<string, number | null>[]>`
    SELECT k.id AS "circuitId", (extract(epoch FROM r.ts) * 1000)::float8 AS ts,
           r.ia, r.ib, r.ic, r.ir, r.ta, r.tb, r.tc, r.tn, r.ua, r.ub, r.uc, r.arc
    FROM circuits k
    CROSS JOIN LATERAL (
      SELECT * FROM readings r WHERE r.circuit_id = k.id AND r.ts > now() - interval '2 days' ORDER BY r.ts DESC LIMIT 1
    ) r
    WHERE k.site_id = ${siteId}`;
  return rows.map((r) => {
    const out: CircuitLatest = { circuitId: r.circuitId as number, ts: r.ts as number };
    for (const f of FIELDS) if (r[f] != null) out[f] = r[f] as number;
    return out;
  });
}
