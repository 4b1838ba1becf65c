/** Node-only. The site's buildings with their circuit and active-alarm counts (the twin's text alternative). */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';

export interface BuildingListRow {
  id: number;
  nameZh: string;
  nameEn: string;
  floors: number;
  circuits: number;
  alarming: number;
}

export async function siteBuildingList(sql: Sql, scope: Scope, siteId: string): Promise<BuildingListRow[]> {
  return sql<BuildingListRow[]>`
    SELECT b.id, b.name_zh AS "nameZh", b.name_en AS "nameEn", b.floors,
           (SELECT count(*)::int FROM circuits k WHERE k.building_id = b.id) AS circuits,
           (SELECT count(DISTINCT a.circuit_id)::int FROM alarms a JOIN circuits k ON k.id = a.circuit_id
             WHERE k.building_id = b.id AND a.cleared_at IS NULL AND NOT a.false_alarm) AS alarming
    FROM buildings b JOIN sites s ON s.id = b.site_id
    WHERE b.site_id = ${siteId} AND ${siteScopeSql(sql, scope)}
    ORDER BY b.id`;
}
