/** 日常记录: one site's day (Beijing calendar) — alarms, actions taken on them, hazard changes — and the sites with activity. */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Principal } from '../../platform/scope.ts';
import { requireVisibleSite } from '../queries/visible-site.ts';
import { bjInstant } from '../../lib/domain/workflow/alarm-filters.ts';
import { isCalendarDay } from '../../lib/domain/params.ts';
import { AppError } from '../http/errors.ts';

/** The day's bounds; a date that is not a real day never reaches Date or Postgres (it would be a 500 there). */
function dayBounds(date: string): { from: Date; to: Date } {
  if (!isCalendarDay(date)) throw new AppError('BAD_REQUEST', { message: '日期应为有效的 YYYY-MM-DD', messageEn: 'Date must be a real YYYY-MM-DD' });
  return { from: bjInstant(date), to: bjInstant(date, true) };
}

export interface DailyLog {
  site: { id: string; nameZh: string };
  date: string;
  alarms: { id: number; type: string; severity: string; openedAt: Date; clearedAt: Date | null; acknowledgedAt: Date | null; falseAlarm: boolean; reasonZh: string }[];
  actions: { alarmId: number; username: string; kind: string; body: string; createdAt: Date }[];
  hazards: { hazardId: number; title: string; action: string; username: string | null; fromState: string | null; toState: string | null; at: Date; detail: Record<string, unknown> }[];
}

export async function dailyLog(sql: Sql, p: Principal, siteId: string, date: string): Promise<DailyLog> {
  const { from, to } = dayBounds(date);
  const site = await requireVisibleSite(sql, p, siteId);
  const alarms = await sql<DailyLog['alarms']>`
    SELECT id, type, severity, opened_at AS "openedAt", cleared_at AS "clearedAt", acknowledged_at AS "acknowledgedAt",
           false_alarm AS "falseAlarm", reason_zh AS "reasonZh"
    FROM alarms WHERE site_id = ${siteId} AND opened_at >= ${from} AND opened_at < ${to} ORDER BY opened_at, id LIMIT 1000`;
  const actions = await sql<DailyLog['actions']>`
    SELECT n.alarm_id AS "alarmId", n.username, n.kind, n.body, n.created_at AS "createdAt"
    FROM alarm_notes n JOIN alarms a ON a.id = n.alarm_id
    WHERE a.site_id = ${siteId} AND n.created_at >= ${from} AND n.created_at < ${to} ORDER BY n.created_at, n.id LIMIT 1000`;
  const hazards = await sql<DailyLog['hazards']>`
    SELECT e.hazard_id AS "hazardId", h.title, e.action, e.username, e.from_state AS "fromState", e.to_state AS "toState", e.at, e.detail
    FROM hazard_events e JOIN hazards h ON h.id = e.hazard_id
    WHERE h.site_id = ${siteId} AND e.at >= ${from} AND e.at < ${to} ORDER BY e.at, e.id LIMIT 1000`;
  return { site: { id: site.id, nameZh: site.nameZh }, date, alarms, actions, hazards };
}

/** Sites in scope with something to record on `date`, busiest first. */
export async function activeSites(sql: Sql, p: Principal, date: string, limit = 100) {
  const { from, to } = dayBounds(date);
  return sql<{ id: string; nameZh: string; alarms: number; hazardEvents: number }[]>`
    WITH a AS (SELECT site_id, count(*)::int AS n FROM alarms WHERE opened_at >= ${from} AND opened_at < ${to} GROUP BY site_id),
         e AS (SELECT h.site_id, count(*)::int AS n FROM hazard_events he JOIN hazards h ON h.id = he.hazard_id
               WHERE he.at >= ${from} AND he.at < ${to} GROUP BY h.site_id)
    SELECT s.id, s.name_zh AS "nameZh", coalesce(a.n, 0) AS alarms, coalesce(e.n, 0) AS "hazardEvents"
    FROM sites s LEFT JOIN a ON a.site_id = s.id LEFT JOIN e ON e.site_id = s.id
    WHERE (a.n IS NOT NULL OR e.n IS NOT NULL) AND ${siteScopeSql(sql, p.scope)}
    ORDER BY coalesce(a.n, 0) + coalesce(e.n, 0) DESC, s.id LIMIT ${limit}`;
}

export async function myDigests(sql: Sql, p: Principal, limit = 30) {
  return sql<{ id: number; periodStart: Date; periodEnd: Date; content: Record<string, unknown> }[]>`
    SELECT id, period_start AS "periodStart", period_end AS "periodEnd", content FROM digests
    WHERE user_id = ${p.userId} ORDER BY period_end DESC LIMIT ${limit}`;
}

export async function digestById(sql: Sql, p: Principal, id: number) {
  const [d] = await sql<{ id: number; periodStart: Date; periodEnd: Date; content: Record<string, unknown> }[]>`
    SELECT id, period_start AS "periodStart", period_end AS "periodEnd", content FROM digests WHERE id = ${id} AND user_id = ${p.userId}`;
  return d ?? null;
}
