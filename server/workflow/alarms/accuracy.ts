/**
 * Accuracy statistics (报警精确性): alarms and confirmed false alarms per site, device or alarm type within
 * scope and period. The false-alarm rate is false / total.
 */
import type { Sql } from '../../../platform/db.ts';
import { siteScopeSql, type Principal } from '../../../platform/scope.ts';

export type AccuracyBy = 'site' | 'device' | 'type';
export interface AccuracyRow {
  key: string;
  label: string;
  total: number;
  falseAlarms: number;
  acknowledged: number;
  falseRate: number;
}

export async function alarmAccuracy(sql: Sql, p: Principal, by: AccuracyBy, from: Date, to: Date, limit = 100): Promise<AccuracyRow[]> {
  const key = by === 'site' ? sql`a.site_id` : by === 'device' ? sql`a.device_id` : sql`a.type`;
  const label = by === 'type' ? sql`a.type` : sql`min(s.name_zh)`;
  const rows = await sql<Omit<AccuracyRow, 'falseRate'>[]>`
    SELECT ${key} AS key, ${label} AS label, count(*)::int AS total,
           count(*) FILTER (WHERE a.false_alarm)::int AS "falseAlarms",
           count(*) FILTER (WHERE a.acknowledged_at IS NOT NULL)::int AS acknowledged
    FROM alarms a JOIN sites s ON s.id = a.site_id
    WHERE a.opened_at >= ${from} AND a.opened_at < ${to} AND ${siteScopeSql(sql, p.scope)}
    GROUP BY ${key} ORDER BY count(*) FILTER (WHERE a.false_alarm) DESC, count(*) DESC LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, falseRate: r.total ? r.falseAlarms / r.total : 0 }));
}
