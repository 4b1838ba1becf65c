/** Every site in the principal's scope, compact, for the map (≤ 20k rows). */
import type { Sql } from '../../platform/db.ts';
import type { SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';

export interface MapSite {
  id: string;
  name: string;
  nameEn: string;
  category: SiteCategory;
  /** county adcode */
  county: number;
  lon: number;
  lat: number;
  status: SiteStatus;
}

export async function sitesForMap(sql: Sql, scope: Scope): Promise<MapSite[]> {
  // rounded to ~1 m: keeps 20k rows around 2 MB of JSON
  return sql<MapSite[]>`
    SELECT s.id, s.name_zh AS name, s.name_en AS "nameEn", s.category, s.county_adcode AS county,
           round(ST_X(s.geom)::numeric, 5)::float8 AS lon, round(ST_Y(s.geom)::numeric, 5)::float8 AS lat, s.status
    FROM sites s
    WHERE ${siteScopeSql(sql, scope)}
    ORDER BY s.id`;
}
