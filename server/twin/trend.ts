/**
 * Node-only. A circuit's trend for charts: last hour and day from readings_1m, last week from readings_1h.
 * When the rollups have nothing yet (a fresh system), the same buckets are computed from raw readings.
 */
import type { Sql } from '../../platform/db.ts';
import type { TrendPoint, TrendRange } from '../../lib/twin/types.ts';

const SPAN: Record<TrendRange, { ms: number; table: 'readings_1m' | 'readings_1h'; bin: string }> = {
  hour: { ms: 3600_000, table: 'readings_1m', bin: '1 minute' },
  day: { ms: 86400_000, table: 'readings_1m', bin: '5 minutes' },
  week: { ms: 7 * 86400_000, table: 'readings_1h', bin: '1 hour' },
};

export async function circuitTrend(sql: Sql, circuitId: number, range: TrendRange, now = Date.now()): Promise<TrendPoint[]> {
  const { ms, table, bin } = SPAN[range];
  const from = new Date(now - ms);
  const rows =
    range === 'day'
      ? await sql<TrendPoint[]>`
          SELECT (extract(epoch FROM date_bin(${bin}::interval, bucket, 'epoch'::timestamptz)) * 1000)::float8 AS t,
                 avg(i_avg)::real AS "iAvg", max(i_max) AS "iMax", avg(ir_avg)::real AS "irAvg", max(ir_max) AS "irMax",
                 avg(t_avg)::real AS "tAvg", max(t_max) AS "tMax", sum(arc_sum)::int AS "arcSum"
          FROM readings_1m WHERE circuit_id = ${circuitId} AND bucket >= ${from} GROUP BY 1 ORDER BY 1`
      : await sql<TrendPoint[]>`
          SELECT (extract(epoch FROM bucket) * 1000)::float8 AS t, i_avg AS "iAvg", i_max AS "iMax", ir_avg AS "irAvg",
                 ir_max AS "irMax", t_avg AS "tAvg", t_max AS "tMax", arc_sum AS "arcSum"
          FROM ${sql(table)} WHERE circuit_id = ${circuitId} AND bucket >= ${from} ORDER BY bucket`;
  if (rows.length > 0) return rows;
  return sql<TrendPoint[]>`
    SELECT (extract(epoch FROM date_bin(${bin}::interval, ts, 'epoch'::timestamptz)) * 1000)::float8 AS t,
           avg(greatest(ia, ib, ic))::real AS "iAvg", max(greatest(ia, ib, ic)) AS "iMax",
           avg(ir)::real AS "irAvg", max(ir) AS "irMax",
           avg(greatest(ta, tb, tc, tn))::real AS "tAvg", max(greatest(ta, tb, tc, tn)) AS "tMax", sum(arc)::int AS "arcSum"
    FROM readings WHERE circuit_id = ${circuitId} AND ts >= ${from} GROUP BY 1 ORDER BY 1`;
}
