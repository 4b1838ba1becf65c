/**
 * site_daily_stats: per-site, per-Beijing-day aggregates of readings_1h (the hourly rollup written by ingest).
 * Reports read these, never readings. A day is rolled up once it has started; it becomes final (never
 * recomputed) when it ended more than two hours ago, so late hourly rollups are still picked up.
 */
import type { Sql } from '../../platform/db.ts';
import { addDays, bjDay, bjDayStart as dayStart, dueRollupDays, FINAL_AFTER_MS, type RollupPlanOpts } from '../../lib/domain/reports/rollup-plan.ts';

/** Rolls up the non-final days in [fromDay, toDay] (inclusive, Beijing) up to now; returns the days rolled. */
export async function refreshSiteDaily(sql: Sql, fromDay: string, toDay: string, now = new Date()): Promise<string[]> {
  const today = bjDay(now);
  const last = toDay < today ? toDay : today;
  if (fromDay > last) return [];
  const final = await sql<{ day: string }[]>`
    SELECT day::text AS day FROM site_daily_rollup_days WHERE final AND day BETWEEN ${fromDay}::date AND ${last}::date`;
  const done = new Set(final.map((r) => r.day));
  const days: string[] = [];
  for (let d = fromDay; d <= last; d = addDays(d, 1)) if (!done.has(d)) days.push(d);
  for (const d of days) await rollupDay(sql, d, now);
  return days;
}

export async function rollupDay(sql: Sql, day: string, now = new Date()) {
  const start = dayStart(day);
  const end = new Date(start.getTime() + 86_400_000);
  const isFinal = now.getTime() > end.getTime() + FINAL_AFTER_MS;
  await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtext('esms-site-daily'), ${Number(day.replace(/-/g, '')) % 2147483647})`;
    await tx`DELETE FROM site_daily_stats WHERE day = ${day}::date`;
    await tx`
      INSERT INTO site_daily_stats (day, site_id, circuits, circuit_hours, samples, i_max, ir_max, ir_avg, t_max, t_avg, arc_sum, hot_circuit_hours, leak_circuit_hours)
      SELECT ${day}::date, c.site_id, count(DISTINCT r.circuit_id)::int, count(*)::int, sum(r.n)::bigint, max(r.i_max), max(r.ir_max),
             avg(r.ir_avg)::real, max(r.t_max), avg(r.t_avg)::real, coalesce(sum(r.arc_sum), 0)::int,
             count(*) FILTER (WHERE r.t_max >= 60)::int, count(*) FILTER (WHERE r.ir_max >= 30)::int
      FROM readings_1h r JOIN circuits c ON c.id = r.circuit_id
      WHERE r.bucket >= ${start} AND r.bucket < ${end}
      GROUP BY c.site_id`;
    await tx`
      INSERT INTO site_daily_rollup_days (day, rolled_at, final) VALUES (${day}::date, ${now}, ${isFinal})
      ON CONFLICT (day) DO UPDATE SET rolled_at = EXCLUDED.rolled_at, final = EXCLUDED.final`;
  });
}

/**
 * The scheduler's nightly pass (server/reports/scheduler-main.ts): rolls the previous Beijing day after midnight,
 * again when it can be final, and catches up missed days within the lookback (pure/rollup-plan.ts). Idempotent.
 */
export async function rollupDueDays(sql: Sql, o: RollupPlanOpts, now = new Date()): Promise<string[]> {
  const from = addDays(bjDay(now), -o.lookbackDays);
  const rolled = await sql<{ day: string; final: boolean; rolledAt: Date }[]>`
    SELECT day::text AS day, final, rolled_at AS "rolledAt" FROM site_daily_rollup_days WHERE day >= ${from}::date`;
  const days = dueRollupDays(now, rolled, o);
  for (const d of days) await rollupDay(sql, d, now);
  return days;
}
