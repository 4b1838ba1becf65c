/** Alarms opened per time bucket and severity (24 h hourly, 7 d per 6 h, 30 d daily); scope-filtered. */
import type { Sql } from '../../platform/db.ts';
import type { Severity } from '../../lib/protocol/v1.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import { FAULT_TYPES } from '../../lib/domain/vocabulary/index.ts';
import { bucketPlan, type TrendRange } from '../../lib/domain/bigscreen/buckets.ts';

export interface AlarmTrend {
  range: TrendRange;
  /** epoch ms of each bucket's start */
  t: number[];
  stepMs: number;
  series: Record<Severity, number[]>;
}

export async function alarmTrend(sql: Sql, scope: Scope, range: TrendRange, now = Date.now()): Promise<AlarmTrend> {
  const plan = bucketPlan(range, now);
  const rows = await sql<{ i: number; severity: Severity; n: number }[]>`
    SELECT floor((extract(epoch FROM a.opened_at) * 1000 - ${plan.start}) / ${plan.stepMs})::int AS i, a.severity, count(*)::int AS n
    FROM alarms a JOIN sites s ON s.id = a.site_id
    WHERE a.opened_at >= ${new Date(plan.start)} AND NOT a.false_alarm AND a.type <> ALL(${FAULT_TYPES as unknown as string[]}::text[]) AND ${siteScopeSql(sql, scope)}
    GROUP BY 1, 2`;
  const zero = () => new Array<number>(plan.n).fill(0);
  const series: Record<Severity, number[]> = { warning: zero(), alarm: zero(), critical: zero() };
  for (const r of rows) if (r.i >= 0 && r.i < plan.n) series[r.severity][r.i] += r.n;
  return { range, t: Array.from({ length: plan.n }, (_, i) => plan.start + i * plan.stepMs), stepMs: plan.stepMs, series };
}
