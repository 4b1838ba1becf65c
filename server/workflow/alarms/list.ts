/**
 * The alarm centre list: scope ∧ filters, keyset-paged on (opened_at, id) DESC. Every filter maps onto an index
 * of 0002_workflow so a page costs the same on the first and the thousandth page.
 */
import type { Sql } from '../../../platform/db.ts';
import { siteScopeSql, type Principal } from '../../../platform/scope.ts';
import { bjInstant, decodeCursor, encodeCursor, type AlarmFilter } from '../../../lib/domain/workflow/alarm-filters.ts';
import { likeContains } from '../../../lib/text/like.ts';

export interface AlarmListRow {
  id: number;
  siteId: string;
  siteName: string;
  category: string;
  countyAdcode: number;
  deviceId: string;
  ch: number | null;
  circuitName: string | null;
  type: string;
  severity: 'warning' | 'alarm' | 'critical';
  openedAt: Date;
  clearedAt: Date | null;
  /** the condition is gone but the alarm holds until reset (lib/domain/alarm-latching.ts) */
  recoveredAt: Date | null;
  resetAt: Date | null;
  resetBy: string | null;
  resetNote: string | null;
  value: number | null;
  threshold: number | null;
  reasonZh: string;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  falseAlarm: boolean;
  falseAlarmReason: string | null;
  hazardId: number | null;
  us: string;
}

export function alarmWhere(sql: Sql, p: Principal, f: AlarmFilter) {
  const parts = [siteScopeSql(sql, p.scope)];
  if (f.severity) parts.push(sql`a.severity = ${f.severity}`);
  if (f.type) parts.push(sql`a.type = ${f.type}`);
  if (f.site) parts.push(sql`a.site_id = ${f.site}`);
  if (f.sector) parts.push(sql`s.category = ${f.sector}`);
  if (f.county) parts.push(sql`s.county_adcode = ${f.county}`);
  if (f.from) parts.push(sql`a.opened_at >= ${bjInstant(f.from)}`);
  if (f.to) parts.push(sql`a.opened_at < ${bjInstant(f.to, true)}`);
  // site-name search resolves against the (small) sites table first
  if (f.q) parts.push(sql`a.site_id IN (SELECT id FROM sites WHERE name_zh ILIKE ${likeContains(f.q)} OR id = ${f.q})`);
  switch (f.state) {
    case 'active':
      parts.push(sql`a.cleared_at IS NULL`);
      break;
    case 'recovered':
      parts.push(sql`a.cleared_at IS NULL AND a.recovered_at IS NOT NULL`);
      break;
    case 'cleared':
      parts.push(sql`a.cleared_at IS NOT NULL`);
      break;
    case 'unacknowledged':
      parts.push(sql`a.cleared_at IS NULL AND a.acknowledged_at IS NULL AND NOT a.false_alarm`);
      break;
    case 'acknowledged':
      parts.push(sql`a.acknowledged_at IS NOT NULL AND NOT a.false_alarm`);
      break;
    case 'false':
      parts.push(sql`a.false_alarm`);
      break;
  }
  return parts.reduce((acc, x) => sql`${acc} AND ${x}`);
}

function selectAlarms(sql: Sql, where: ReturnType<typeof alarmWhere>, limit: number) {
  return sql<AlarmListRow[]>`
    SELECT a.id, a.site_id AS "siteId", s.name_zh AS "siteName", s.category, s.county_adcode AS "countyAdcode",
           a.device_id AS "deviceId", a.ch, ci.name_zh AS "circuitName", a.type, a.severity, a.opened_at AS "openedAt",
           a.cleared_at AS "clearedAt", a.recovered_at AS "recoveredAt", a.reset_at AS "resetAt", ru.display_name AS "resetBy",
           a.reset_note AS "resetNote", a.value, a.threshold, a.reason_zh AS "reasonZh", a.acknowledged_at AS "acknowledgedAt",
           u.display_name AS "acknowledgedBy", a.false_alarm AS "falseAlarm", a.false_alarm_reason AS "falseAlarmReason",
           (SELECT h.id FROM hazards h WHERE h.alarm_id = a.id ORDER BY h.id LIMIT 1) AS "hazardId",
           (extract(epoch FROM a.opened_at) * 1000000)::bigint::text AS us
    FROM alarms a JOIN sites s ON s.id = a.site_id
    LEFT JOIN circuits ci ON ci.id = a.circuit_id
    LEFT JOIN users u ON u.id = a.acknowledged_by
    LEFT JOIN users ru ON ru.id = a.reset_by
    WHERE ${where}
    ORDER BY a.opened_at DESC, a.id DESC
    LIMIT ${limit}`;
}

export async function listAlarms(sql: Sql, p: Principal, f: AlarmFilter, limitOverride?: number) {
  const limit = limitOverride ?? f.limit ?? 50;
  const c = f.cursor ? decodeCursor(f.cursor) : null;
  const where = alarmWhere(sql, p, f);
  const rows = await selectAlarms(
    sql,
    c ? sql`${where} AND (a.opened_at, a.id) < (timestamptz 'epoch' + ${c.us}::bigint * interval '1 microsecond', ${c.id})` : where,
    limit + 1,
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeCursor(last.us, last.id) : null };
}

/** One alarm as the list shows it, or null when missing or out of scope. */
export async function alarmRow(sql: Sql, p: Principal, id: number): Promise<AlarmListRow | null> {
  const [r] = await selectAlarms(sql, sql`${alarmWhere(sql, p, {})} AND a.id = ${id}`, 1);
  return r ?? null;
}

/** Quick counters for the alarm-centre header (partial indexes keep them cheap). */
export async function alarmCounters(sql: Sql, p: Principal) {
  const [r] = await sql<{ active: number; unacked: number; critical: number }[]>`
    SELECT count(*)::int AS active,
           count(*) FILTER (WHERE a.acknowledged_at IS NULL AND NOT a.false_alarm)::int AS unacked,
           count(*) FILTER (WHERE a.severity = 'critical')::int AS critical
    FROM alarms a JOIN sites s ON s.id = a.site_id
    WHERE a.cleared_at IS NULL AND ${siteScopeSql(sql, p.scope)}`;
  return r;
}
