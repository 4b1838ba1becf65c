/**
 * The map's site card. Scope is checked twice on purpose: canSeeSite decides 403 vs 404 for the caller,
 * and siteScopeSql guards the detail query itself so a future edit cannot leak an out-of-scope row.
 */
import type { Sql } from '../../platform/db.ts';
import type { RolloutState, SiteStatus } from '../../lib/domain/catalog.ts';
import type { AlarmType, Severity, SiteCategory } from '../../lib/protocol/v1.ts';
import { canSeeSite, siteScopeSql, type Scope } from '../../platform/scope.ts';
import { siteRef } from './site-ref.ts';

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

// a pool shared with drizzle hands timestamps back as strings; either way the wire gets ISO 8601
const iso = (v: Date | string) => new Date(v).toISOString();

export type SiteCardResult = { kind: 'ok'; card: SiteCard } | { kind: 'forbidden' } | { kind: 'not_found' };

export async function siteCard(sql: Sql, scope: Scope, id: string): Promise<SiteCardResult> {
  const ref = await siteRef(sql, id);
  if (!ref) return { kind: 'not_found' };
  if (!canSeeSite(scope, ref)) return { kind: 'forbidden' };
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
    WHERE s.id = ${id} AND ${siteScopeSql(sql, scope)}`;
  if (!card) return { kind: 'forbidden' };
  const alarms = await sql<(Omit<SiteCardAlarm, 'openedAt'> & { openedAt: Date | string })[]>`
    SELECT a.id::int AS id, a.type, a.severity, a.opened_at AS "openedAt", k.name_zh AS "circuitName",
           a.reason_zh AS "reasonZh", a.reason_en AS "reasonEn"
    FROM alarms a LEFT JOIN circuits k ON k.id = a.circuit_id
    WHERE a.site_id = ${id} AND a.cleared_at IS NULL AND NOT a.false_alarm
    ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'alarm' THEN 1 ELSE 2 END, a.opened_at DESC
    LIMIT 20`;
  return {
    kind: 'ok',
    card: {
      ...card,
      lastSeenAt: card.lastSeenAt == null ? null : iso(card.lastSeenAt),
      activeAlarms: alarms.map((a) => ({ ...a, openedAt: iso(a.openedAt) })),
    },
  };
}
