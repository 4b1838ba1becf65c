/**
 * Per-site figures for a window [start, end): alarms, response times, hazards, rectification, devices — one
 * grouped query over alarms/hazards/devices (never readings), region-filtered. Supervision dashboards, rankings,
 * scores and reports all start from these rows.
 */
import type { Sql } from '../../platform/db.ts';
import { OPEN_STATES } from '../../lib/domain/workflow/hazard-machine.ts';
import { regionSql, type Region } from './region.ts';
import { siteScore, type ScoreInputs, type SiteScore } from './score.ts';
import { asOfInstant, elapsedDays, meanOf } from '../../lib/domain/kpi/ratio.ts';

export interface SiteStats {
  id: string;
  nameZh: string;
  category: string;
  county: number;
  countyZh: string;
  rolloutState: string;
  /** alarms opened in the window */
  alarms: number;
  alarmsWarning: number;
  alarmsAlarm: number;
  alarmsCritical: number;
  falseAlarms: number;
  /** response: sum of capped hours and count (non-false alarms) */
  ackHoursSum: number;
  ackN: number;
  acked: number;
  hazardsNew: number;
  /** of the hazards created in the window, rectified (verified/closed) by its end */
  hazardsNewRectified: number;
  /** hazards rectified in the window and the sum of their rectification hours */
  rectifiedInWindow: number;
  rectifyHoursSum: number;
  openCritical: number;
  openAlarm: number;
  openWarning: number;
  overdueOpen: number;
  dueHazards: number;
  lateHazards: number;
  devices: number;
  devicesOnline: number;
}

export interface ScoredSite extends SiteStats {
  /** null: no detectors (not connected yet) */
  score: SiteScore | null;
}

/**
 * States are measured at `at` = min(end, now) (docs/KPI.md): a month still running is judged as of now, so the
 * report of this month and the dashboard over the same days give the same response times, overdue counts, scores.
 */
export async function siteStats(sql: Sql, region: Region, start: Date, end: Date, now = new Date()): Promise<SiteStats[]> {
  const open = OPEN_STATES as string[];
  const at = asOfInstant(end, now);
  const due0 = new Date(Math.max(start.getTime(), at.getTime() - 90 * 86_400_000));
  return sql<SiteStats[]>`
    WITH sc AS (
      SELECT s.id, s.name_zh, s.category, s.county_adcode, s.rollout_state FROM sites s WHERE ${regionSql(sql, region)}
    ), a AS (
      SELECT a.site_id,
             count(*)::int AS alarms,
             count(*) FILTER (WHERE NOT a.false_alarm AND a.severity = 'warning')::int AS w,
             count(*) FILTER (WHERE NOT a.false_alarm AND a.severity = 'alarm')::int AS al,
             count(*) FILTER (WHERE NOT a.false_alarm AND a.severity = 'critical')::int AS cr,
             count(*) FILTER (WHERE a.false_alarm)::int AS f,
             coalesce(sum(least(extract(epoch FROM (least(coalesce(a.acknowledged_at, ${at}), ${at}) - a.opened_at)) / 3600.0, 24))
                      FILTER (WHERE NOT a.false_alarm), 0)::float8 AS ack_sum,
             count(*) FILTER (WHERE NOT a.false_alarm)::int AS ack_n,
             count(*) FILTER (WHERE a.acknowledged_at IS NOT NULL AND a.acknowledged_at < ${at})::int AS acked
      FROM alarms a JOIN sc ON sc.id = a.site_id
      WHERE a.opened_at >= ${start} AND a.opened_at < ${at}
      GROUP BY a.site_id
    ), hz AS (
      SELECT h.site_id, h.severity, h.created_at, h.deadline,
             CASE WHEN h.state IN ('verified', 'closed') THEN coalesce(h.verified_at, h.closed_at, h.updated_at) END AS done_at,
             CASE WHEN h.state IN ('submitted', 'verified', 'closed') THEN coalesce(h.submitted_at, h.verified_at, h.closed_at, h.updated_at) END AS fixed_at,
             h.state = ANY(${open}::text[]) AS is_open
      FROM hazards h JOIN sc ON sc.id = h.site_id
      WHERE h.created_at < ${at}
    ), h AS (
      SELECT site_id,
             count(*) FILTER (WHERE created_at >= ${start})::int AS new,
             count(*) FILTER (WHERE created_at >= ${start} AND done_at < ${at})::int AS new_done,
             count(*) FILTER (WHERE done_at >= ${start} AND done_at < ${at})::int AS done_n,
             coalesce(sum(extract(epoch FROM (done_at - created_at)) / 3600.0) FILTER (WHERE done_at >= ${start} AND done_at < ${at}), 0)::float8 AS done_hours,
             count(*) FILTER (WHERE (is_open OR done_at >= ${at}) AND severity = 'critical')::int AS o_cr,
             count(*) FILTER (WHERE (is_open OR done_at >= ${at}) AND severity = 'alarm')::int AS o_al,
             count(*) FILTER (WHERE (is_open OR done_at >= ${at}) AND severity = 'warning')::int AS o_w,
             count(*) FILTER (WHERE (is_open OR done_at >= ${at}) AND deadline < ${at})::int AS overdue,
             count(*) FILTER (WHERE deadline >= ${due0} AND deadline < ${at})::int AS due,
             count(*) FILTER (WHERE deadline >= ${due0} AND deadline < ${at} AND (fixed_at IS NULL OR fixed_at > deadline))::int AS late
      FROM hz GROUP BY site_id
    ), d AS (
      SELECT d.site_id, count(*)::int AS n, count(*) FILTER (WHERE d.online)::int AS online
      FROM devices d JOIN sc ON sc.id = d.site_id GROUP BY d.site_id
    )
    SELECT sc.id, sc.name_zh AS "nameZh", sc.category, sc.county_adcode AS county, c.name_zh AS "countyZh", sc.rollout_state AS "rolloutState",
           coalesce(a.alarms, 0) AS alarms, coalesce(a.w, 0) AS "alarmsWarning", coalesce(a.al, 0) AS "alarmsAlarm",
           coalesce(a.cr, 0) AS "alarmsCritical", coalesce(a.f, 0) AS "falseAlarms", coalesce(a.ack_sum, 0) AS "ackHoursSum",
           coalesce(a.ack_n, 0) AS "ackN", coalesce(a.acked, 0) AS acked,
           coalesce(h.new, 0) AS "hazardsNew", coalesce(h.new_done, 0) AS "hazardsNewRectified",
           coalesce(h.done_n, 0) AS "rectifiedInWindow", coalesce(h.done_hours, 0) AS "rectifyHoursSum",
           coalesce(h.o_cr, 0) AS "openCritical", coalesce(h.o_al, 0) AS "openAlarm", coalesce(h.o_w, 0) AS "openWarning",
           coalesce(h.overdue, 0) AS "overdueOpen", coalesce(h.due, 0) AS "dueHazards", coalesce(h.late, 0) AS "lateHazards",
           coalesce(d.n, 0) AS devices, coalesce(d.online, 0) AS "devicesOnline"
    FROM sc JOIN counties c ON c.adcode = sc.county_adcode
    LEFT JOIN a ON a.site_id = sc.id LEFT JOIN h ON h.site_id = sc.id LEFT JOIN d ON d.site_id = sc.id
    ORDER BY sc.id`;
}

export function scoreInputs(s: SiteStats, windowDays: number): ScoreInputs {
  return {
    openCritical: s.openCritical, openAlarm: s.openAlarm, openWarning: s.openWarning, overdueOpen: s.overdueOpen,
    alarmsWarning: s.alarmsWarning, alarmsAlarm: s.alarmsAlarm, alarmsCritical: s.alarmsCritical, windowDays,
    meanAckHours: meanOf(s.ackHoursSum, s.ackN),
    dueHazards: s.dueHazards, lateHazards: s.lateHazards, devices: s.devices, devicesOnline: s.devicesOnline,
  };
}

export function scoreSites(rows: SiteStats[], start: Date, end: Date, now = new Date()): ScoredSite[] {
  const days = elapsedDays(start, asOfInstant(end, now));
  return rows.map((s) => ({ ...s, score: s.devices > 0 ? siteScore(scoreInputs(s, days)) : null }));
}
