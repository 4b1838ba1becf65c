/**
 * Rollups off the ingest batch. A batch marks, in its own transaction, the minutes it stored readings for
 * (readings_1m_dirty), so no committed reading is ever missed, even across a crash. On timers the worker
 *  - recomputes each marked minute of readings_1m from readings (and marks its hour in readings_1h_dirty), and
 *  - recomputes each marked hour of readings_1h from readings_1m.
 * A recompute replaces the bucket's rows outright, so running it twice, concurrently from two workers, or again
 * after a crash half-way is harmless. One bucket per transaction; the mark is deleted only if its `ver` is still
 * the one read before the recompute: a batch that marked the bucket meanwhile either committed before the
 * recompute read its source (its rows are included) or holds the mark's row lock, and then the DELETE waits for
 * it and finds a newer ver, so the bucket stays marked for the next run. Recomputes of all workers are serialised
 * by an advisory lock (a slower one must not overwrite a newer result), and run with synchronous_commit off: a
 * lost recompute is lost together with its mark deletion, so it simply runs again.
 */
import type { TransactionSql } from 'postgres';
import type { Sql } from '../../platform/db.ts';
import { inTransaction } from './tx.ts';

const ORIGIN = `timestamptz '2000-01-01 00:00:00+00'`;
const LOCK = 0x65736d73; // 'esms'

type Mark = { bucket: Date; ver: string };

async function marks(sql: Sql, table: 'readings_1m_dirty' | 'readings_1h_dirty', limit: number): Promise<Mark[]> {
  return sql<Mark[]>`SELECT bucket, ver::text AS ver FROM ${sql(table)} ORDER BY bucket LIMIT ${limit}`;
}

async function begin(tx: TransactionSql) {
  await tx`SET LOCAL synchronous_commit = off`;
  await tx`SELECT pg_advisory_xact_lock(${LOCK}, 1)`;
}

/** Recompute up to `limit` marked minutes (oldest first) from readings; returns how many were done. */
export async function refreshMinutes(sql: Sql, limit = 120): Promise<number> {
  const list = await marks(sql, 'readings_1m_dirty', limit);
  for (const m of list) {
    await inTransaction(sql, async (tx) => {
      await begin(tx);
      // i = the highest phase current, t = the hottest terminal (what charts and reports show). The aggregate sits
      // inside the LATERAL so the plan must be one readings primary-key range (circuit_id, ts) per circuit; a
      // join the planner could flatten may become a hash join over a whole day's partition.
      await tx`
        INSERT INTO readings_1m AS r (circuit_id, bucket, n, i_avg, i_max, ir_avg, ir_max, t_avg, t_max, arc_sum)
        SELECT c.id, ${m.bucket}::timestamptz, a.n, a.i_avg, a.i_max, a.ir_avg, a.ir_max, a.t_avg, a.t_max, a.arc_sum
        FROM circuits c
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS n,
            avg(greatest(x.ia, x.ib, x.ic))::real AS i_avg, max(greatest(x.ia, x.ib, x.ic))::real AS i_max,
            avg(x.ir)::real AS ir_avg, max(x.ir)::real AS ir_max,
            avg(greatest(x.ta, x.tb, x.tc, x.tn))::real AS t_avg, max(greatest(x.ta, x.tb, x.tc, x.tn))::real AS t_max,
            sum(x.arc)::int AS arc_sum
          FROM readings x
          WHERE x.circuit_id = c.id AND x.ts >= ${m.bucket}::timestamptz AND x.ts < ${m.bucket}::timestamptz + interval '1 minute'
        ) a
        WHERE a.n > 0
        ON CONFLICT (circuit_id, bucket) DO UPDATE SET n = excluded.n, i_avg = excluded.i_avg, i_max = excluded.i_max,
          ir_avg = excluded.ir_avg, ir_max = excluded.ir_max, t_avg = excluded.t_avg, t_max = excluded.t_max, arc_sum = excluded.arc_sum`;
      await tx.unsafe(`
        INSERT INTO readings_1h_dirty AS d (bucket) VALUES (date_bin('1 hour', $1::timestamptz, ${ORIGIN}))
        ON CONFLICT (bucket) DO UPDATE SET ver = d.ver + 1, marked_at = now()`, [m.bucket]);
      await tx`DELETE FROM readings_1m_dirty WHERE bucket = ${m.bucket}::timestamptz AND ver = ${m.ver}::bigint`;
    });
  }
  return list.length;
}

/** Recompute up to `limit` marked hours (oldest first) from readings_1m; returns how many were done. */
export async function refreshHours(sql: Sql, limit = 48): Promise<number> {
  const list = await marks(sql, 'readings_1h_dirty', limit);
  for (const m of list) {
    await inTransaction(sql, async (tx) => {
      await begin(tx);
      // averages weighted by n over the minutes that have a value, as merging minute by minute would give; the
      // aggregate inside the LATERAL keeps it one readings_1m primary-key range per circuit
      await tx`
        INSERT INTO readings_1h AS r (circuit_id, bucket, n, i_avg, i_max, ir_avg, ir_max, t_avg, t_max, arc_sum)
        SELECT c.id, ${m.bucket}::timestamptz, a.n, a.i_avg, a.i_max, a.ir_avg, a.ir_max, a.t_avg, a.t_max, a.arc_sum
        FROM circuits c
        CROSS JOIN LATERAL (
          SELECT sum(m.n)::int AS n,
            (sum(m.i_avg * m.n) FILTER (WHERE m.i_avg IS NOT NULL) / sum(m.n) FILTER (WHERE m.i_avg IS NOT NULL))::real AS i_avg, max(m.i_max) AS i_max,
            (sum(m.ir_avg * m.n) FILTER (WHERE m.ir_avg IS NOT NULL) / sum(m.n) FILTER (WHERE m.ir_avg IS NOT NULL))::real AS ir_avg, max(m.ir_max) AS ir_max,
            (sum(m.t_avg * m.n) FILTER (WHERE m.t_avg IS NOT NULL) / sum(m.n) FILTER (WHERE m.t_avg IS NOT NULL))::real AS t_avg, max(m.t_max) AS t_max,
            sum(m.arc_sum)::int AS arc_sum
          FROM readings_1m m
          WHERE m.circuit_id = c.id AND m.bucket >= ${m.bucket}::timestamptz AND m.bucket < ${m.bucket}::timestamptz + interval '1 hour'
        ) a
        WHERE a.n > 0
        ON CONFLICT (circuit_id, bucket) DO UPDATE SET n = excluded.n, i_avg = excluded.i_avg, i_max = excluded.i_max,
          ir_avg = excluded.ir_avg, ir_max = excluded.ir_max, t_avg = excluded.t_avg, t_max = excluded.t_max, arc_sum = excluded.arc_sum`;
      await tx`DELETE FROM readings_1h_dirty WHERE bucket = ${m.bucket}::timestamptz AND ver = ${m.ver}::bigint`;
    });
  }
  return list.length;
}

/** Everything marked, minutes first (used at an orderly stop and by tests/benchmarks); bounded by `rounds`. */
export async function refreshAll(sql: Sql, rounds = 10): Promise<void> {
  for (let i = 0; i < rounds && (await refreshMinutes(sql)) > 0; i++);
  for (let i = 0; i < rounds && (await refreshHours(sql)) > 0; i++);
}
