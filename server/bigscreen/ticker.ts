/** The newest alarms for the ticker: hazard alarms (active or cleared) and active equipment faults; scope-filtered. */
import type { Sql } from '../../platform/db.ts';
import type { AlarmType, Severity } from '../../lib/protocol/v1.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import { FAULT_TYPES } from '../../lib/domain/vocabulary/index.ts';

export interface TickerItem {
  id: number;
  siteId: string;
  siteName: string;
  siteNameEn: string;
  county: number;
  category: string;
  type: AlarmType;
  severity: Severity;
  openedAt: number;
  clearedAt: number | null;
  /** latched alarm whose condition is gone, awaiting reset */
  recoveredAt: number | null;
  circuitName: string | null;
}

export async function recentAlarms(sql: Sql, scope: Scope, limit = 30): Promise<TickerItem[]> {
  const rows = await sql<(Omit<TickerItem, 'openedAt' | 'clearedAt' | 'recoveredAt'> & { openedAt: Date | string; clearedAt: Date | string | null; recoveredAt: Date | string | null })[]>`
    SELECT a.id::int AS id, a.site_id AS "siteId", s.name_zh AS "siteName", s.name_en AS "siteNameEn",
           s.county_adcode AS county, s.category, a.type, a.severity, a.opened_at AS "openedAt", a.cleared_at AS "clearedAt",
           a.recovered_at AS "recoveredAt", k.name_zh AS "circuitName"
    FROM alarms a JOIN sites s ON s.id = a.site_id LEFT JOIN circuits k ON k.id = a.circuit_id
    WHERE NOT a.false_alarm AND (a.cleared_at IS NULL OR a.type <> ALL(${FAULT_TYPES as unknown as string[]}::text[]))
      AND ${siteScopeSql(sql, scope)}
    ORDER BY a.opened_at DESC, a.id DESC LIMIT ${limit}`;
  return rows.map((r) => ({
    ...r,
    openedAt: new Date(r.openedAt).getTime(),
    clearedAt: r.clearedAt == null ? null : new Date(r.clearedAt).getTime(),
    recoveredAt: r.recoveredAt == null ? null : new Date(r.recoveredAt).getTime(),
  }));
}
