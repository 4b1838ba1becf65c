/** Per-county figures for the map (choropleth, 3D columns) and the county chart; scope-filtered. */
import type { Sql } from '../../platform/db.ts';
import { OPEN_STATES } from '../../lib/domain/workflow/hazard-machine.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import { FAULT_TYPES } from '../../lib/domain/vocabulary/index.ts';

export interface CountyFigures {
  adcode: number;
  nameZh: string;
  nameEn: string;
  sites: number;
  sitesOnline: number;
  /** sites currently warning/alarm/critical */
  sitesAbnormal: number;
  activeAlarms: number;
  activeCritical: number;
  alarms7d: number;
  hazardsOpen: number;
  hazardsOverdue: number;
  /** weighted risk: active critical 10, alarm 5, warning 2, plus alarms of the last 7 days and overdue hazards */
  risk: number;
}

export async function byCounty(sql: Sql, scope: Scope, now = new Date()): Promise<CountyFigures[]> {
  const since = new Date(now.getTime() - 7 * 86_400_000);
  return sql<CountyFigures[]>`
    WITH sc AS (SELECT s.id, s.county_adcode, s.status FROM sites s WHERE ${siteScopeSql(sql, scope)}),
    a AS (
      SELECT sc.county_adcode AS c,
             count(*) FILTER (WHERE a.cleared_at IS NULL)::int AS active,
             count(*) FILTER (WHERE a.cleared_at IS NULL AND a.severity = 'critical')::int AS crit,
             count(*) FILTER (WHERE a.cleared_at IS NULL AND a.severity = 'alarm')::int AS al,
             count(*) FILTER (WHERE a.cleared_at IS NULL AND a.severity = 'warning')::int AS w,
             count(*) FILTER (WHERE a.opened_at >= ${since})::int AS d7
      FROM alarms a JOIN sc ON sc.id = a.site_id
      WHERE NOT a.false_alarm AND a.type <> ALL(${FAULT_TYPES as unknown as string[]}::text[]) AND (a.cleared_at IS NULL OR a.opened_at >= ${since})
      GROUP BY 1),
    h AS (
      SELECT sc.county_adcode AS c, count(*)::int AS open,
             count(*) FILTER (WHERE h.deadline < ${now})::int AS overdue
      FROM hazards h JOIN sc ON sc.id = h.site_id
      WHERE h.state = ANY(${OPEN_STATES as string[]}::text[]) GROUP BY 1),
    s AS (
      SELECT county_adcode AS c, count(*)::int AS n,
             count(*) FILTER (WHERE status NOT IN ('offline', 'unequipped'))::int AS online,
             count(*) FILTER (WHERE status IN ('warning', 'alarm', 'critical'))::int AS abnormal
      FROM sc GROUP BY 1)
    SELECT k.adcode, k.name_zh AS "nameZh", k.name_en AS "nameEn", s.n AS sites, s.online AS "sitesOnline",
           s.abnormal AS "sitesAbnormal", coalesce(a.active, 0) AS "activeAlarms", coalesce(a.crit, 0) AS "activeCritical",
           coalesce(a.d7, 0) AS "alarms7d", coalesce(h.open, 0) AS "hazardsOpen", coalesce(h.overdue, 0) AS "hazardsOverdue",
           (coalesce(a.crit, 0) * 10 + coalesce(a.al, 0) * 5 + coalesce(a.w, 0) * 2 + coalesce(a.d7, 0)
             + coalesce(h.overdue, 0) * 3)::int AS risk
    FROM s JOIN counties k ON k.adcode = s.c LEFT JOIN a ON a.c = s.c LEFT JOIN h ON h.c = s.c
    ORDER BY k.adcode`;
}
