/**
 * Node-only. Everything the 3D twin needs in one round: site, buildings (footprints as site-local metres about
 * the centroid of all footprints), panels, circuits with routes, latest reading per circuit, active alarms.
 * Every query is guarded by siteScopeSql as well as the caller's requireVisibleSite (server/queries/visible-site.ts).
 */
import type { Sql } from '../../platform/db.ts';
import type { CircuitLatest } from '../../lib/events/realtime.ts';
import { buildingToSite, ringToLocal, type LonLat } from '../../lib/twin/geo.ts';
import type { TwinBuilding, TwinCircuit, TwinData, TwinPanel, TwinSite, Vec3 } from '../../lib/twin/types.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import { activeAlarmsOfSite } from './alarms.ts';
import { latestOfSite } from './latest.ts';

export async function loadTwin(sql: Sql, scope: Scope, siteId: string): Promise<TwinData | null> {
  const [s] = await sql<{ id: string; name_zh: string; name_en: string; category: TwinSite['category']; county_zh: string; county_en: string; address: string; status: string; lon: number; lat: number }[]>`
    SELECT s.id, s.name_zh, s.name_en, s.category, c.name_zh AS county_zh, c.name_en AS county_en, s.address, s.status,
           ST_X(o.p) AS lon, ST_Y(o.p) AS lat
    FROM sites s
    JOIN counties c ON c.adcode = s.county_adcode
    CROSS JOIN LATERAL (
      SELECT coalesce((SELECT ST_Centroid(ST_Collect(b.footprint)) FROM buildings b WHERE b.site_id = s.id), s.geom) AS p
    ) o
    WHERE s.id = ${siteId} AND ${siteScopeSql(sql, scope)}`;
  if (!s) return null;
  const origin: LonLat = { lon: s.lon, lat: s.lat };

  const [bRows, pRows, cRows, latest, activeAlarms] = await Promise.all([
    sql<{ id: number; name_zh: string; name_en: string; kind: string; structure: TwinBuilding['structure']; floors: number; height_m: number; built_year: number | null; ring: number[][] }[]>`
      SELECT id, name_zh, name_en, kind, structure, floors, height_m, built_year,
             (ST_AsGeoJSON(footprint, 9)::json -> 'coordinates' -> 0) AS ring
      FROM buildings WHERE site_id = ${siteId} ORDER BY id`,
    sql<{ id: number; building_id: number; name: string; floor: number; x: number; y: number; z: number }[]>`
      SELECT id, building_id, name, floor, x, y, z FROM panels WHERE site_id = ${siteId} ORDER BY id`,
    sql<{ id: number; device_id: string; ch: number; building_id: number | null; panel_id: number | null; name_zh: string; name_en: string; phases: 1 | 3; rated_current_a: number; cable_mm2: number; insulation: string; max_conductor_c: number; load_type: string; residual_set_ma: number; route: number[][] }[]>`
      SELECT id, device_id, ch, building_id, panel_id, name_zh, name_en, phases, rated_current_a, cable_mm2, insulation,
             max_conductor_c, load_type, residual_set_ma, route
      FROM circuits WHERE site_id = ${siteId} ORDER BY id`,
    latestOfSite(sql, siteId),
    activeAlarmsOfSite(sql, siteId),
  ]);

  const buildings: TwinBuilding[] = bRows.map((b) => ({
    id: b.id,
    nameZh: b.name_zh,
    nameEn: b.name_en,
    kind: b.kind,
    structure: b.structure,
    floors: b.floors,
    heightM: b.height_m,
    builtYear: b.built_year,
    footprint: ringToLocal(origin, b.ring).map(([x, y]) => [round(x), round(y)]),
  }));
  const fp = new Map(buildings.map((b) => [b.id, b.footprint]));
  const panelPos = new Map<number, Vec3>();
  const panels: TwinPanel[] = pRows.map((p) => {
    const pos = roundV(buildingToSite(fp.get(p.building_id) ?? [], [p.x, p.y, p.z]));
    panelPos.set(p.id, pos);
    return { id: p.id, buildingId: p.building_id, name: p.name, floor: p.floor, pos };
  });
  const circuits: TwinCircuit[] = cRows.map((c) => {
    const ring = c.building_id != null ? fp.get(c.building_id) : undefined;
    let route: Vec3[] = Array.isArray(c.route) ? c.route.map((p) => roundV(buildingToSite(ring ?? [], p))) : [];
    if (route.length < 2 && c.panel_id != null && panelPos.has(c.panel_id)) {
      const p = panelPos.get(c.panel_id)!;
      route = [p, [p[0], p[1], p[2] + 0.5]];
    }
    return {
      id: c.id,
      deviceId: c.device_id,
      ch: c.ch,
      buildingId: c.building_id,
      panelId: c.panel_id,
      nameZh: c.name_zh,
      nameEn: c.name_en,
      phases: c.phases,
      ratedCurrentA: c.rated_current_a,
      cableMm2: c.cable_mm2,
      insulation: c.insulation,
      maxConductorC: c.max_conductor_c,
      loadType: c.load_type,
      residualSetMa: c.residual_set_ma,
      route,
    };
  });
  return {
    v: 1,
    at: Date.now(),
    site: { id: s.id, nameZh: s.name_zh, nameEn: s.name_en, category: s.category, countyZh: s.county_zh, countyEn: s.county_en, address: s.address, status: s.status, origin },
    buildings,
    panels,
    circuits,
    latest: latest as CircuitLatest[],
    activeAlarms,
  };
}

const round = (v: number) => Math.round(v * 1000) / 1000;
const roundV = (p: Vec3): Vec3 => [round(p[0]), round(p[1]), round(p[2])];
