/**
 * The map's site card. Scope is checked twice on purpose: requireVisibleSite gives the caller the product's
 * one answer (404 for missing and out-of-scope alike), and siteScopeSql guards the detail query itself so a
 * future edit cannot leak an out-of-scope row.
 */
import type { Sql } from '../../platform/db.ts';
import type { RolloutState, SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import type { AlarmType, Severity, SiteCategory } from '../../lib/protocol/v1.ts';
import { siteScopeSql, type Principal } from '../../platform/scope.ts';
import { requireVisibleSite, siteNotFound } from './visible-site.ts';

export interface SiteCardAlarm {
  id: number;
  type: AlarmType;
  severity: Severity;
  openedAt: string;
  circuitName: string | null;
  reasonZh: string;
  reasonEn: string;
}

export interface SiteCard {
  id: string;
  name: string;
  nameEn: string;
  category: SiteCategory;
  county: number;
  countyZh: string;
  countyEn: string;
  departmentZh: string;
  departmentEn: string;
  address: string;
  rollout: RolloutState;
  status: SiteStatus;
  lastSeenAt: string | null;
  devicesOnline: number;
  devicesTotal: number;
  circuits: number;
  activeAlarms: SiteCardAlarm[];
}

// the wire gets ISO 8601 whether the driver hands back a Date or a string
const iso = (v: Date | string) => new Date(v).toISOString();

/** The card, or the API's 404 (missing or outside the principal's scope). */
export async function siteCard(sql: Sql, p: Principal, id: string): Promise<SiteCard> {
  await requireVisibleSite(sql, p, id);
  const [card] = await sql<(Omit<SiteCard, 'activeAlarms' | 'lastSeenAt'> & { lastSeenAt: Date | string | null })[]>`
    SELECT s.id, s.name_zh AS name, s.name_en AS "nameEn", s.category, s.county_adcode AS county,
           c.name_zh AS "countyZh", c.name_en AS "countyEn", d.name_zh AS "departmentZh", d.name_en AS "departmentEn",
           s.address, s.rollout_state AS rollout, s.status, s.last_seen_at AS "lastSeenAt",
           (SELECT count(*)::int FROM devices v WHERE v.site_id = s.id AND v.online) AS "devicesOnline",
           (SELECT count(*)::int FROM devices v WHERE v.site_id = s.id) AS "devicesTotal",
           (SELECT count(*)::int FROM circuits k WHERE k.site_id = s.id) AS circuits
    FROM sites s
    JOIN counties c ON c.adcode = s.county_adcode
    JOIN departments d ON d.id = s.department_id
    WHERE s.id = ${id} AND ${siteScopeSql(sql, p.scope)}`;
  if (!card) throw siteNotFound();
  const alarms = await sql<(Omit<SiteCardAlarm, 'openedAt'> & { openedAt: Date | string })[]>`
    SELECT a.id::int AS id, a.type, a.severity, a.opened_at AS "openedAt", k.name_zh AS "circuitName",
           a.reason_zh AS "reasonZh", a.reason_en AS "reasonEn"
    FROM alarms a LEFT JOIN circuits k ON k.id = a.circuit_id
    WHERE a.site_id = ${id} AND a.cleared_at IS NULL AND NOT a.false_alarm
    ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'alarm' THEN 1 ELSE 2 END, a.opened_at DESC
    LIMIT 20`;
  return {
    ...card,
    lastSeenAt: card.lastSeenAt == null ? null : iso(card.lastSeenAt),
    activeAlarms: alarms.map((a) => ({ ...a, openedAt: iso(a.openedAt) })),
  };
}
