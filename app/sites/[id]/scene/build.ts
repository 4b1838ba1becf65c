/**
 * Turns TwinData into scene layers: buildings (generated meshes), circuits and panels assigned to the level of
 * their panel, with heights rescaled from the data's floor height to the generated walls' floor height.
 */
import { Group } from 'three';
import type { RouteIn } from '../../../../lib/twin/circuit-geometry.ts';
import { buildSite, dataFloorHeights, type BuildingInfo } from '../../../../lib/twin/mesh/site.ts';
import type { TwinData, TwinPanel, Vec3 } from '../../../../lib/twin/types.ts';
import { createBuildingLayer, type BuildingLayer } from './buildings.ts';
import { createCircuitLayer, type CircuitLayer } from './circuits.ts';
import { createPanelLayer, type PanelLayer } from './panels.ts';
import type { Tracker } from './tracker.ts';

export interface Built {
  levels: Group[];
  buildings: BuildingLayer;
  circuits: CircuitLayer;
  panels: PanelLayer;
  infos: Map<number, BuildingInfo>;
  /** circuit id → its route as drawn (site-local, rescaled) */
  routes: Map<number, Vec3[]>;
}

export function buildLayers(data: TwinData, t: Tracker): Built {
  const floorH = dataFloorHeights(data.buildings, data.circuits);
  const meshes = buildSite(data.site.category, data.buildings, floorH);
  const levelsN = meshes.levels;
  const levelOf = (buildingId: number | null, z: number) => {
    const info = buildingId != null ? meshes.buildings.get(buildingId) : undefined;
    const fh = buildingId != null ? floorH.get(buildingId) : undefined;
    if (!info || !fh) return 0;
    return Math.max(0, Math.min(info.floors - 1, Math.floor((z + 0.05) / fh)));
  };
  const scaleZ = (buildingId: number | null, p: Vec3): Vec3 => {
    const info = buildingId != null ? meshes.buildings.get(buildingId) : undefined;
    return [p[0], p[1], p[2] * (info?.zScale ?? 1)];
  };
  const panelById = new Map(data.panels.map((p) => [p.id, p]));
  const routesPerLevel: RouteIn[][] = Array.from({ length: levelsN }, () => []);
  const routes = new Map<number, Vec3[]>();
  for (const c of data.circuits) {
    if (c.route.length < 2) continue;
    const panel = c.panelId != null ? panelById.get(c.panelId) : undefined;
    const k = levelOf(c.buildingId, panel ? panel.pos[2] : c.route[0][2]);
    const route = c.route.map((p) => scaleZ(c.buildingId, p));
    routes.set(c.id, route);
    routesPerLevel[k].push({ id: c.id, route });
  }
  const panelsPerLevel: { panel: TwinPanel; pos: Vec3 }[][] = Array.from({ length: levelsN }, () => []);
  for (const p of data.panels) {
    const pos = scaleZ(p.buildingId, p.pos);
    panelsPerLevel[levelOf(p.buildingId, p.pos[2])].push({ panel: p, pos: [pos[0], pos[1], pos[2]] });
  }
  const buildings = createBuildingLayer(meshes, t);
  const circuits = createCircuitLayer(routesPerLevel, t);
  const panels = createPanelLayer(panelsPerLevel, t);
  const levels = Array.from({ length: levelsN }, (_, k) => {
    const g = new Group();
    g.name = `level-${k}`;
    g.add(buildings.body[k], buildings.roofs[k], circuits.groups[k], panels.groups[k]);
    return g;
  });
  return { levels, buildings, circuits, panels, infos: meshes.buildings, routes };
}
