/** Per-sector (site category) figures for the sector chart; scope-filtered. */
import type { Sql } from '../../platform/db.ts';
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import { FAULT_TYPES } from '../../lib/domain/vocabulary/index.ts';

export interface SectorFigures {
  category: SiteCategory;
  sites: number;
  sitesOnline: number;
  /** sites with no device yet (未接入), apart from offline ones */
  sitesUnequipped: number;
  sitesAbnormal: number;
  activeAlarms: number;
  alarms7d: number;
}

export async function bySector(sql: Sql, scope: Scope, now = new Date()): Promise<SectorFigures[]> {
  const since = new Date(now.getTime() - 7 * 86_400_000);
  return sql<SectorFigures[]>`
    WITH sc AS (SELECT s.id, s.category, s.status FROM sites s WHERE ${siteScopeSql(sql, scope)}),
    a AS (
      SELECT sc.category AS c, count(*) FILTER (WHERE a.cleared_at IS NULL)::int AS active,
             count(*) FILTER (WHERE a.opened_at >= ${since})::int AS d7
      FROM alarms a JOIN sc ON sc.id = a.site_id
      WHERE NOT a.false_alarm AND a.type <> ALL(${FAULT_TYPES as unknown as string[]}::text[]) AND (a.cleared_at IS NULL OR a.opened_at >= ${since}) GROUP BY 1)
    SELECT sc.category, count(*)::int AS sites,
           count(*) FILTER (WHERE sc.status NOT IN ('offline', 'unequipped'))::int AS "sitesOnline",
           count(*) FILTER (WHERE sc.status = 'unequipped')::int AS "sitesUnequipped",
           count(*) FILTER (WHERE sc.status IN ('warning', 'alarm', 'critical'))::int AS "sitesAbnormal",
           coalesce(max(a.active), 0)::int AS "activeAlarms", coalesce(max(a.d7), 0)::int AS "alarms7d"
    FROM sc LEFT JOIN a ON a.c = sc.category
    GROUP BY sc.category ORDER BY sites DESC`;
}
