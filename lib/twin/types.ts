/**
 * The digital twin's data, as the API sends it (app/api/sites/[id]/twin) and the scene consumes it. Universal.
 * Coordinates: site-local metres, x east, y north, z up, origin at the site's reference point (see geo.ts).
 */
import type { CircuitLatest } from '../events/realtime.ts';
import type { AlarmType, Severity, SiteCategory } from '../protocol/v1.ts';

export type Vec3 = [number, number, number];
export type Vec2 = [number, number];

export interface TwinBuilding {
  id: number;
  nameZh: string;
  nameEn: string;
  kind: string;
  structure: 'wood' | 'stone_wood' | 'brick' | 'concrete';
  floors: number;
  heightM: number;
  builtYear: number | null;
  /** footprint ring in site-local metres, first vertex = the building's local origin, not closed */
  footprint: Vec2[];
}

export interface TwinPanel {
  id: number;
  buildingId: number;
  name: string;
  floor: number;
  /** site-local metres */
  pos: Vec3;
}

export interface TwinCircuit {
  id: number;
  deviceId: string;
  ch: number;
  buildingId: number | null;
  panelId: number | null;
  nameZh: string;
  nameEn: string;
  phases: 1 | 3;
  ratedCurrentA: number;
  cableMm2: number;
  insulation: string;
  maxConductorC: number;
  loadType: string;
  residualSetMa: number;
  /** site-local metres, from the panel outwards */
  route: Vec3[];
}

export interface TwinAlarm {
  id: number;
  circuitId: number | null;
  deviceId: string;
  ch: number | null;
  type: AlarmType;
  severity: Severity;
  openedAt: number;
  clearedAt: number | null;
  /** latched, its condition gone: awaiting a reset (lib/domain/alarm-latching.ts) */
  recoveredAt: number | null;
  value: number | null;
  threshold: number | null;
  reasonZh: string;
  reasonEn: string;
}

export interface TwinSite {
  id: string;
  nameZh: string;
  nameEn: string;
  category: SiteCategory;
  countyZh: string;
  countyEn: string;
  address: string;
  status: string;
  /** WGS84 of the local origin */
  origin: { lon: number; lat: number };
}

export interface TwinData {
  v: 1;
  at: number;
  site: TwinSite;
  buildings: TwinBuilding[];
  panels: TwinPanel[];
  circuits: TwinCircuit[];
  latest: CircuitLatest[];
  activeAlarms: TwinAlarm[];
}

export interface TrendPoint {
  t: number;
  iAvg: number | null;
  iMax: number | null;
  irAvg: number | null;
  irMax: number | null;
  tAvg: number | null;
  tMax: number | null;
  arcSum: number | null;
}

export type TrendRange = 'hour' | 'day' | 'week';
