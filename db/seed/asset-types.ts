/** Rows of a site's assets: buildings, distribution panels, detectors and monitored circuits (frames: buildings.ts). */
import type { Insulation, LoadType } from '../../lib/protocol/v1.ts';
import type { Structure } from '../../lib/domain/vocabulary/index.ts';
import type { LonLat } from './geo.ts';

export interface BuildingRow {
  id: number;
  siteId: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  /** closed ring, lon/lat; ring[0] is the local origin */
  ring: LonLat[];
  floors: number;
  heightM: number;
  structure: Structure;
  builtYear: number;
  // local geometry (not stored): rectangle size, rotation, floor height
  w: number;
  d: number;
  theta: number;
  floorH: number;
}

export interface PanelRow {
  id: number;
  siteId: string;
  buildingId: number;
  name: string;
  floor: number;
  x: number;
  y: number;
  z: number;
}

export interface DeviceRow {
  id: string;
  siteId: string;
  panelId: number;
  model: 'ESMS-DT4' | 'ESMS-DT8' | 'ESMS-DT16';
  fw: string;
  reportIntervalS: number;
}

export type RoutePoint = [number, number, number];

export interface CircuitRow {
  id: number;
  deviceId: string;
  ch: number;
  siteId: string;
  buildingId: number;
  panelId: number;
  nameZh: string;
  nameEn: string;
  phases: 1 | 3;
  ratedCurrentA: number;
  cableMm2: number;
  insulation: Insulation;
  maxConductorC: number;
  loadType: LoadType;
  reportIntervalS: number;
  residualSetMa: number;
  route: RoutePoint[];
}

export interface SiteAssets {
  buildings: BuildingRow[];
  panels: PanelRow[];
  devices: DeviceRow[];
  circuits: CircuitRow[];
}

export interface IdCounters {
  building: number;
  panel: number;
  circuit: number;
}
