/**
 * Per-site alarm activity for the density (hexagon) and 3D risk-column layers: alarms opened in the last N
 * days, weighted by severity, plus what is active now. Only sites with activity; scope-filtered.
 */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import { FAULT_TYPES } from '../../lib/domain/vocabulary/index.ts';

export interface SiteActivity {
  id: string;
  /** alarms opened in the window */
  alarms: number;
  /** severity-weighted: warning 1, alarm 3, critical 6; active ones count double */
  risk: number;
  active: number;
}

export async function siteActivity(sql: Sql, scope: Scope, days: number, now = new Date()): Promise<SiteActivity[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  return sql<SiteActivity[]>`
    SELECT a.site_id AS id, count(*) FILTER (WHERE a.opened_at >= ${since})::int AS alarms,
           sum(CASE a.severity WHEN 'critical' THEN 6 WHEN 'alarm' THEN 3 ELSE 1 END
               * CASE WHEN a.cleared_at IS NULL THEN 2 ELSE 1 END)::int AS risk,
           count(*) FILTER (WHERE a.cleared_at IS NULL)::int AS active
    FROM alarms a JOIN sites s ON s.id = a.site_id
    WHERE NOT a.false_alarm AND a.type <> ALL(${FAULT_TYPES as unknown as string[]}::text[]) AND (a.opened_at >= ${since} OR a.cleared_at IS NULL) AND ${siteScopeSql(sql, scope)}
    GROUP BY a.site_id`;
}
