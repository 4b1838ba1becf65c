/**
 * Which Beijing days the scheduler rolls up into site_daily_stats, pure. A day is rolled once shortly after its
 * midnight (grace: ingest recomputes an hour of readings_1h about a minute after it ends) and once more when it
 * can be final (FINAL_AFTER_MS after its end, so late hourly rollups are in). Final days are never touched again;
 * only the last `lookbackDays` days are considered (catch-up after downtime is bounded; older days are still
 * rolled on demand by the reports that need them).
 */
export const BJ_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;
/** A day becomes final (never recomputed) once it ended this long ago. */
export const FINAL_AFTER_MS = 2 * 3600_000;

export const bjDay = (t: Date | number) => new Date(+t + BJ_MS).toISOString().slice(0, 10);
export const bjDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - BJ_MS);
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export interface RolledDay {
  day: string;
  final: boolean;
  rolledAt: Date;
}
export interface RollupPlanOpts {
  lookbackDays: number;
  graceMs: number;
  maxDays: number;
}

/** The days to roll now, newest first (yesterday matters most), at most maxDays. */
export function dueRollupDays(now: Date, rolled: RolledDay[], o: RollupPlanOpts): string[] {
  const seen = new Map(rolled.map((r) => [r.day, r]));
  const yesterday = addDays(bjDay(now), -1);
  const out: string[] = [];
  for (let k = 0; k < o.lookbackDays && out.length < o.maxDays; k++) {
    const day = addDays(yesterday, -k);
    const r = seen.get(day);
    if (r?.final) continue;
    const end = bjDayStart(day).getTime() + DAY_MS;
    const at = r?.rolledAt.getTime() ?? -Infinity;
    const t = now.getTime();
    if (t > end + FINAL_AFTER_MS) {
      if (at < end + FINAL_AFTER_MS) out.push(day);
    } else if (t >= end + o.graceMs && at < end + o.graceMs) out.push(day);
  }
  return out;
}
