/**
 * Buildings, distribution panels, detectors and monitored circuits for each site. Pure and deterministic:
 * every site draws from its own random stream (seed + site id), so sites do not shift one another.
 *
 * Frames: a building's footprint is a rectangle w × d (metres) rotated by the campus angle θ. Building-local
 * coordinates (panels, routes) are metres east (x) and north (y) of the footprint's first vertex, z up from
 * the ground. Floors are 0-based: floor 0 is the ground floor.
 */
import { INSULATION_LIMIT_C, type Insulation, type LoadType, type SiteCategory } from '../../lib/protocol/v1.ts';
import type { Structure } from '../../lib/domain/catalog.ts';
import { offsetMetres, type LonLat } from './geo.ts';
import { Rng } from './rng.ts';
import type { SiteRow, SizeClass } from './sites.ts';
import { PROGRAMMES, ZH_NUM, type Spec } from './programmes.ts';

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

/** Breaker rating (A) → copper cross-section (mm²) per the design tables the detectors are configured with. */
export const CABLE_FOR_BREAKER: Record<number, number> = {
  10: 1.5, 16: 2.5, 20: 2.5, 25: 4, 32: 6, 40: 10, 50: 10, 63: 16, 100: 35, 125: 50, 250: 120,
};
export const BREAKERS = [10, 16, 20, 25, 32, 40, 63, 100, 125, 250] as const;
export const REPORT_INTERVAL_S = 60;
export const RESIDUAL_SET_MA = 300;
/** instrumented rollout states: only these sites have detectors and monitored circuits */
export const INSTRUMENTED = new Set(['installed', 'commissioned', 'in_service']);

// ---- circuits ----------------------------------------------------------------------------------

interface Load {
  zh: string;
  en: string;
  load: LoadType;
  phases: 1 | 3;
  amps: number[];
}
const L = (zh: string, en: string, load: LoadType, phases: 1 | 3, amps: number[]): Load => ({ zh, en, load, phases, amps });

const LIGHT = L('照明回路', 'Lighting', 'lighting', 1, [10, 16]);
const SOCKET = L('插座回路', 'Sockets', 'sockets', 1, [16, 20]);
const HEATER = L('电暖器回路', 'Heaters', 'heating', 1, [20, 25]);
const BUTTER = L('酥油灯加热回路', 'Butter-lamp warmers', 'heating', 1, [16, 20]);

/** loads by building kind: [always present once per panel, then fillers to draw from] */
const KIND_LOADS: Record<string, { fixed: Load[]; fill: Load[]; heavy?: Load[] }> = {
  assembly_hall: {
    fixed: [LIGHT, BUTTER, SOCKET],
    fill: [LIGHT, HEATER, BUTTER, SOCKET, L('佛像照明回路', 'Shrine lighting', 'lighting', 1, [10]), L('音响广播回路', 'PA system', 'sockets', 1, [16])],
    heavy: [L('转经筒电机回路', 'Prayer-wheel motor', 'motor', 1, [10, 16])],
  },
  chapel: { fixed: [LIGHT, BUTTER, SOCKET], fill: [LIGHT, HEATER, BUTTER, L('佛龛照明回路', 'Shrine lighting', 'lighting', 1, [10])] },
  college: { fixed: [LIGHT, SOCKET, HEATER], fill: [LIGHT, HEATER, SOCKET, BUTTER] },
  printing: { fixed: [LIGHT, SOCKET], fill: [LIGHT, HEATER, L('印经机回路', 'Printing machines', 'motor', 1, [16, 20])] },
  residence: { fixed: [LIGHT, SOCKET, HEATER], fill: [LIGHT, HEATER, SOCKET, BUTTER, L('电热水器回路', 'Water heater', 'heating', 1, [20, 25])] },
  gallery: { fixed: [LIGHT, L('转经筒电机回路', 'Prayer-wheel motors', 'motor', 1, [16])], fill: [LIGHT, L('转经筒电机回路', 'Prayer-wheel motors', 'motor', 1, [16]), SOCKET] },
  quarters: {
    fixed: [LIGHT, SOCKET, L('电暖器回路', 'Room heaters', 'heating', 1, [25, 32])],
    fill: [LIGHT, SOCKET, L('电暖器回路', 'Room heaters', 'heating', 1, [25, 32]), L('电热水器回路', 'Water heater', 'heating', 1, [20, 25])],
  },
  kitchen: {
    fixed: [LIGHT, SOCKET, L('炊事设备回路', 'Cooking equipment', 'mixed', 3, [32, 40])],
    fill: [L('开水器回路', 'Water boiler', 'heating', 1, [25]), L('排烟风机回路', 'Extract fan', 'motor', 3, [16]), L('冷柜回路', 'Freezers', 'motor', 1, [16]), SOCKET],
  },
  teaching: {
    fixed: [LIGHT, SOCKET, HEATER],
    fill: [LIGHT, LIGHT, SOCKET, HEATER, L('多媒体插座回路', 'Multimedia sockets', 'sockets', 1, [16]), L('计算机教室回路', 'Computer room', 'sockets', 1, [20, 25])],
  },
  dormitory: {
    fixed: [LIGHT, SOCKET, L('宿舍电暖器回路', 'Dormitory heaters', 'heating', 1, [25, 32])],
    fill: [LIGHT, SOCKET, L('宿舍电暖器回路', 'Dormitory heaters', 'heating', 1, [25, 32]), L('宿舍电暖器回路', 'Dormitory heaters', 'heating', 1, [25, 32]), L('电热水器回路', 'Water heaters', 'heating', 1, [20, 25])],
    heavy: [L('开水器回路', 'Water boiler', 'heating', 3, [32]), L('洗衣房回路', 'Laundry', 'mixed', 1, [20])],
  },
  canteen: {
    fixed: [LIGHT, SOCKET, L('炊事设备回路', 'Cooking equipment', 'mixed', 3, [40, 63])],
    fill: [L('蒸饭柜回路', 'Rice steamers', 'heating', 3, [32]), L('冷库回路', 'Cold store', 'motor', 3, [25]), L('排烟风机回路', 'Extract fans', 'motor', 3, [16]), LIGHT, SOCKET, L('电暖器回路', 'Heaters', 'heating', 1, [25])],
  },
  outpatient: {
    fixed: [LIGHT, SOCKET, L('医疗设备回路', 'Medical equipment', 'mixed', 1, [20, 25])],
    fill: [LIGHT, SOCKET, HEATER, L('检验科回路', 'Laboratory', 'sockets', 1, [20]), L('医疗设备回路', 'Medical equipment', 'mixed', 1, [20, 25])],
    heavy: [L('放射科设备回路', 'Radiology equipment', 'mixed', 3, [63]), L('电梯回路', 'Lift', 'motor', 3, [32])],
  },
  ward: {
    fixed: [LIGHT, L('病房插座回路', 'Ward sockets', 'sockets', 1, [16, 20]), L('病房电暖器回路', 'Ward heaters', 'heating', 1, [25, 32])],
    fill: [LIGHT, L('病房插座回路', 'Ward sockets', 'sockets', 1, [16, 20]), L('病房电暖器回路', 'Ward heaters', 'heating', 1, [25, 32]), L('护士站回路', "Nurses' station", 'sockets', 1, [16])],
    heavy: [L('供氧设备回路', 'Oxygen supply', 'motor', 3, [25]), L('电梯回路', 'Lift', 'motor', 3, [32])],
  },
  clinic: {
    fixed: [LIGHT, SOCKET, HEATER],
    fill: [LIGHT, SOCKET, HEATER, L('医疗设备回路', 'Medical equipment', 'mixed', 1, [20]), L('制氧机回路', 'Oxygen concentrators', 'motor', 1, [16])],
  },
  plant: {
    fixed: [L('照明回路', 'Lighting', 'lighting', 1, [16])],
    fill: [L('主电机回路', 'Main drive', 'motor', 3, [100, 125]), L('水泵回路', 'Pumps', 'motor', 3, [40, 63]), L('皮带输送机回路', 'Belt conveyor', 'motor', 3, [40, 63]), L('空压机回路', 'Air compressor', 'motor', 3, [63]), SOCKET],
    heavy: [L('破碎机回路', 'Crusher', 'motor', 3, [125, 250]), L('球磨机回路', 'Ball mill', 'motor', 3, [250])],
  },
  fan_house: { fixed: [L('主扇风机回路', 'Main ventilation fan', 'motor', 3, [100, 125]), L('备用风机回路', 'Standby fan', 'motor', 3, [100]), LIGHT, SOCKET], fill: [LIGHT] },
  workshop: {
    fixed: [LIGHT, SOCKET, L('电焊机回路', 'Welding sets', 'mixed', 3, [63])],
    fill: [L('机床回路', 'Machine tools', 'motor', 3, [32, 40]), L('空压机回路', 'Air compressor', 'motor', 3, [40]), L('行车回路', 'Overhead crane', 'motor', 3, [32]), HEATER, SOCKET],
  },
  office: {
    fixed: [LIGHT, SOCKET, HEATER],
    fill: [LIGHT, SOCKET, HEATER, L('机房监控回路', 'Server and CCTV room', 'sockets', 1, [16])],
  },
  hall: {
    fixed: [LIGHT, SOCKET, HEATER],
    fill: [LIGHT, LIGHT, SOCKET, L('商铺插座回路', 'Shop sockets', 'sockets', 1, [20, 25]), L('空调新风回路', 'Air handling', 'motor', 3, [40, 63]), L('餐饮厨房回路', 'Food court kitchen', 'mixed', 3, [40]), L('冷柜回路', 'Refrigerated cabinets', 'motor', 3, [25]), HEATER],
    heavy: [L('自动扶梯回路', 'Escalators', 'motor', 3, [32, 40]), L('电梯回路', 'Lift', 'motor', 3, [32]), L('消防水泵回路', 'Fire pump', 'motor', 3, [63]), L('排烟风机回路', 'Smoke extract fans', 'motor', 3, [25])],
  },
  museum: {
    fixed: [L('展柜照明回路', 'Showcase lighting', 'lighting', 1, [10]), SOCKET, L('恒温恒湿机组回路', 'Climate control units', 'motor', 3, [25])],
    fill: [LIGHT, L('展柜照明回路', 'Showcase lighting', 'lighting', 1, [10]), L('安防监控回路', 'Security and CCTV', 'sockets', 1, [10]), HEATER],
  },
  shelter: { fixed: [LIGHT, SOCKET, L('安防监控回路', 'Security and CCTV', 'sockets', 1, [10]), L('除湿机回路', 'Dehumidifiers', 'mixed', 1, [16])], fill: [LIGHT] },
  canopy: {
    fixed: [L('罩棚照明回路', 'Canopy lighting', 'lighting', 1, [16]), L('潜油泵回路', 'Submersible fuel pumps', 'motor', 3, [16, 20]), L('加油机回路', 'Fuel dispensers', 'motor', 1, [16])],
    fill: [L('加油机回路', 'Fuel dispensers', 'motor', 1, [16]), L('潜油泵回路', 'Submersible fuel pumps', 'motor', 3, [16, 20])],
  },
  shop: {
    fixed: [LIGHT, SOCKET, HEATER, L('收银监控回路', 'Tills and CCTV', 'sockets', 1, [16])],
    fill: [LIGHT, SOCKET, L('电热水器回路', 'Water heater', 'heating', 1, [20])],
  },
  filling: {
    fixed: [L('防爆照明回路', 'Explosion-proof lighting', 'lighting', 1, [10]), L('烃泵回路', 'LPG pumps', 'motor', 3, [25, 32]), L('压缩机回路', 'Compressor', 'motor', 3, [32]), L('排风机回路', 'Exhaust fans', 'motor', 3, [16])],
    fill: [L('灌装秤回路', 'Filling scales', 'sockets', 1, [10]), SOCKET],
  },
  warehouse: {
    fixed: [L('防爆照明回路', 'Explosion-proof lighting', 'lighting', 1, [10]), L('排风机回路', 'Exhaust fans', 'motor', 3, [16]), L('安防监控回路', 'Security and CCTV', 'sockets', 1, [10]), L('温湿度控制回路', 'Temperature and humidity control', 'mixed', 1, [16])],
    fill: [L('防爆照明回路', 'Explosion-proof lighting', 'lighting', 1, [10])],
  },
};

const WINGS: [string, string][] = [['西区', 'west'], ['中区', 'middle'], ['东区', 'east']];
const ZONES_ZH = ['东区', '西区', '南侧', '北侧', '中部', '走廊'];
const ZONES_EN = ['east', 'west', 'south', 'north', 'centre', 'corridor'];

function floorLabel(f: number): [string, string] {
  return [`${ZH_NUM[f + 1] ?? f + 1}层`, `L${f + 1}`];
}

function insulationFor(b: BuildingRow, main: boolean, r: Rng, cat: SiteCategory): Insulation {
  if (main) return b.builtYear >= 2000 || r.chance(0.6) ? 'XLPE' : 'PVC';
  const oldWooden = (cat === 'temple' || cat === 'relic') && b.builtYear < 1996 && (b.structure === 'wood' || b.structure === 'stone_wood');
  if (oldWooden && r.chance(0.3)) return 'rubber';
  if (b.builtYear >= 2012 && r.chance(0.25)) return 'XLPE';
  return 'PVC';
}

function incomerAmps(totalArea: number, kind: string): number {
  if (kind === 'plant' && totalArea > 1500) return 250;
  if (totalArea < 600) return 63;
  if (totalArea < 2000) return 100;
  if (totalArea < 5000) return 125;
  return 250;
}
function feederAmps(area: number): number {
  return area < 300 ? 32 : area < 800 ? 40 : 63;
}

// ---- geometry helpers --------------------------------------------------------------------------

const INSET = 0.3;
const round2 = (v: number) => Math.round(v * 100) / 100;

function toLocal(b: BuildingRow, u: number, v: number): [number, number] {
  const c = Math.cos(b.theta), s = Math.sin(b.theta);
  return [round2(u * c - v * s), round2(u * s + v * c)];
}
function ceilingZ(b: BuildingRow, f: number): number {
  return round2((f + 1) * b.floorH - 0.3);
}

interface PanelLocal {
  row: PanelRow;
  u: number;
  v: number;
  floor: number;
  /** the part of the floor plan it serves: [u0, u1] */
  u0: number;
  u1: number;
  isMain: boolean;
  wingZh?: [string, string];
}

/** Route in (u, v, z), from the panel to the served zone along the wall then across the ceiling. */
function routeUV(b: BuildingRow, p: PanelLocal, floor: number, zone: [number, number, number, number], r: Rng, target?: [number, number]): RoutePoint[] {
  const cl = (v: number, max: number) => Math.min(max - INSET, Math.max(INSET, v));
  const pz = round2(p.floor * b.floorH + 1.5);
  const zPanel = ceilingZ(b, p.floor);
  const zt = ceilingZ(b, floor);
  const pts: RoutePoint[] = [[p.u, p.v, pz], [p.u, p.v, zPanel]];
  if (floor !== p.floor) pts.push([p.u, p.v, zt]);
  const [u0, u1, v0, v1] = zone;
  if (target) {
    pts.push([cl(target[0], b.w), cl(p.v, b.d), zt]);
    pts.push([cl(target[0], b.w), cl(target[1], b.d), zt]);
  } else {
    const uc = cl(r.range(u0 + (u1 - u0) * 0.3, u0 + (u1 - u0) * 0.7), b.w);
    const vc = cl(r.range(v0 + (v1 - v0) * 0.3, v0 + (v1 - v0) * 0.7), b.d);
    const wallV = cl(p.v, b.d);
    pts.push([uc, wallV, zt]);
    pts.push([uc, vc, zt]);
    if (u1 - u0 > 8 && r.chance(0.7)) pts.push([cl(r.chance(0.5) ? u0 + 1 : u1 - 1, b.w), vc, zt]);
    if (v1 - v0 > 10 && r.chance(0.4)) pts.push([pts[pts.length - 1][0], cl(v1 - 1, b.d), zt]);
  }
  const out: RoutePoint[] = [];
  for (const q of pts) {
    const o: RoutePoint = [round2(q[0]), round2(q[1]), round2(q[2])];
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - o[0]) < 0.05 && Math.abs(last[1] - o[1]) < 0.05 && Math.abs(last[2] - o[2]) < 0.05) continue;
    out.push(o);
  }
  while (out.length < 3) {
    const last = out[out.length - 1];
    out.push([cl(last[0] + (last[0] < b.w / 2 ? 1.5 : -1.5), b.w), last[1], last[2]]);
  }
  return out.slice(0, 8);
}

// ---- main --------------------------------------------------------------------------------------

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

function layout(specs: Spec[], r: Rng): { x: number; y: number }[] {
  // shelf packing in the campus frame, then centred on the campus point
  const gap = specs.length > 8 ? 10 : 8;
  let area = 0;
  let maxW = 0;
  for (const s of specs) {
    area += (s.w + gap) * (s.d + gap);
    maxW = Math.max(maxW, s.w);
  }
  const rowW = Math.max(maxW, Math.sqrt(area) * r.range(1.1, 1.5));
  const pos: { x: number; y: number }[] = [];
  let x = 0, y = 0, rowH = 0;
  for (const s of specs) {
    if (x > 0 && x + s.w > rowW) {
      x = 0;
      y += rowH + gap;
      rowH = 0;
    }
    pos.push({ x, y });
    x += s.w + gap;
    rowH = Math.max(rowH, s.d);
  }
  let maxX = 0, maxY = 0;
  specs.forEach((s, i) => {
    maxX = Math.max(maxX, pos[i].x + s.w);
    maxY = Math.max(maxY, pos[i].y + s.d);
  });
  return pos.map((p) => ({ x: p.x - maxX / 2, y: p.y - maxY / 2 }));
}

export function generateSiteAssets(site: SiteRow, seed: number, ids: IdCounters): SiteAssets {
  const r = new Rng(seed, `assets:${site.id}`);
  const specs = PROGRAMMES[site.category](site, r);
  const pos = layout(specs, r);
  const theta = r.range(-0.5, 0.5);
  const c = Math.cos(theta), s = Math.sin(theta);
  const instrumented = INSTRUMENTED.has(site.rolloutState);
  const showcase = site.size === 'showcase';
  const out: SiteAssets = { buildings: [], panels: [], devices: [], circuits: [] };
  let deviceN = 0;
  const installYear = site.installedAt ? Number(site.installedAt.slice(0, 4)) : 2019;
  const fw = installYear <= 2019 ? '1.2.7' : installYear === 2020 ? '1.3.4' : '1.4.1';

  specs.forEach((sp, i) => {
    const origin = pos[i];
    const corners: [number, number][] = [[0, 0], [sp.w, 0], [sp.w, sp.d], [0, sp.d], [0, 0]];
    const ring = corners.map(([u, v]) => {
      const cx = origin.x + u, cy = origin.y + v;
      return offsetMetres(site.campus, cx * c - cy * s, cx * s + cy * c);
    });
    const b: BuildingRow = {
      id: ++ids.building, siteId: site.id, nameZh: sp.zh, nameEn: sp.en, kind: sp.kind, ring, floors: sp.floors,
      heightM: round2(sp.floors * sp.floorH + (sp.kind === 'assembly_hall' || sp.kind === 'chapel' ? 1.5 : 0.6)),
      structure: sp.structure, builtYear: sp.builtYear, w: sp.w, d: sp.d, theta, floorH: sp.floorH,
    };
    out.buildings.push(b);

    // panels: the main board by the entrance (middle of the south wall), floor boards by the stairs (north wall)
    const area = sp.w * sp.d;
    const floorPanels = (showcase && sp.floors >= 2) || sp.floors >= 3 || (sp.floors >= 2 && area >= 600) || (sp.wings ?? 1) > 1;
    const wings = floorPanels ? (sp.wings ?? (area > 900 ? 2 : 1)) : 1;
    const panels: PanelLocal[] = [];
    const addPanel = (name: string, floor: number, u: number, v: number, u0: number, u1: number, isMain: boolean, wingZh?: [string, string]) => {
      const [x, y] = toLocal(b, u, v);
      const row: PanelRow = { id: ++ids.panel, siteId: site.id, buildingId: b.id, name, floor, x, y, z: round2(floor * sp.floorH + 1.5) };
      out.panels.push(row);
      panels.push({ row, u, v, floor, u0, u1, isMain, wingZh });
    };
    addPanel('总配电箱 AP', 0, round2(Math.min(sp.w - INSET, sp.w / 2 + 1.2)), 0.4, 0, sp.w, true);
    if (floorPanels) {
      for (let f = 0; f < sp.floors; f++)
        for (let k = 0; k < wings; k++) {
          if (f === 0 && k === 0 && wings === 1) continue; // the main board serves the ground floor
          const u0 = (sp.w * k) / wings, u1 = (sp.w * (k + 1)) / wings;
          const [fz] = floorLabel(f);
          const wing = wings > 1 ? WINGS[wings === 2 ? [0, 2][k] : k] : undefined;
          addPanel(`${fz}${wing ? wing[0] : ''}配电箱 AL${f + 1}${wings > 1 ? `-${k + 1}` : ''}`, f, round2((u0 + u1) / 2), round2(sp.d - 0.4), u0, u1, false, wing);
        }
    }
    if (!instrumented) return;

    // circuits per panel
    const loads = KIND_LOADS[sp.kind] ?? KIND_LOADS.office;
    const floorArea = (area * sp.floors);
    for (const p of panels) {
      const list: { l: Load; floor: number; zone: [number, number, number, number]; zoneIdx: number; target?: [number, number]; main?: boolean; amps?: number; wing?: [string, string] }[] = [];
      const fullZone: [number, number, number, number] = [p.u0, p.u1, 0, sp.d];
      if (p.isMain) {
        const totalArea = floorArea;
        const amps = incomerAmps(totalArea, sp.kind);
        const small = totalArea < 120;
        list.push({ l: L('总进线', 'Incomer', 'mixed', small ? 1 : 3, [small ? 40 : amps]), floor: 0, zone: fullZone, zoneIdx: -1, target: [p.u, INSET], main: true });
        for (const fp of panels)
          if (!fp.isMain)
            list.push({
              l: L(`${fp.row.name.split(' ')[0]}馈线`, `Feeder to ${fp.row.name.split(' ')[1]}`, 'mixed', 3, [feederAmps((area / wings))]),
              floor: fp.floor, zone: fullZone, zoneIdx: -1, target: [fp.u, fp.v], main: true,
            });
      }
      const servesFloors = p.isMain ? (floorPanels && wings > 1 ? [] : floorPanels ? [0] : Array.from({ length: sp.floors }, (_, f) => f)) : [p.floor];
      if (servesFloors.length) {
        const budgetMax = 16 - list.length;
        const lo = showcase ? 8 : sp.kind === 'plant' || sp.kind === 'hall' ? 6 : 4;
        const hi = showcase ? 12 : sp.kind === 'hall' ? 12 : sp.kind === 'plant' ? 9 : sp.kind === 'gallery' ? 6 : p.isMain ? 7 : 5;
        const target = Math.max(Math.min(budgetMax, r.int(lo, hi) * (servesFloors.length > 1 ? 1.2 : 1)), Math.min(4, budgetMax));
        const want = Math.min(budgetMax, Math.round(target));
        const seq: Load[] = [...loads.fixed];
        if (loads.heavy && (p.floor === 0 || sp.kind === 'hall') && (sp.floors >= 3 || area > 600 || sp.kind === 'plant' || sp.kind === 'dormitory')) {
          for (const h of loads.heavy) if (!(h.en === 'Lift' || h.en === 'Escalators') || sp.floors >= 4 || sp.kind === 'hall') seq.push(h);
        }
        while (seq.length < want) seq.push(r.pick(loads.fill));
        const picked = seq.slice(0, Math.max(want - (p.isMain ? 0 : 0), 1));
        const zoneCount: Record<string, number> = {};
        picked.forEach((l, i) => {
          const floor = servesFloors[i % servesFloors.length];
          // zones: east/west halves, south/north strips, centre, corridor (middle strip); wing boards skip the halves
          const first = wings > 1 ? 2 : 0;
          const zi = first + ((zoneCount[l.en] = (zoneCount[l.en] ?? -1) + 1) % (ZONES_ZH.length - first));
          const w0 = p.u0, w1 = p.u1, mid = (w0 + w1) / 2;
          const zones: [number, number, number, number][] = [
            [mid, w1, 0, sp.d], [w0, mid, 0, sp.d], [w0, w1, 0, sp.d / 2], [w0, w1, sp.d / 2, sp.d],
            [w0 + (w1 - w0) / 4, w1 - (w1 - w0) / 4, sp.d / 4, (sp.d * 3) / 4], [w0, w1, sp.d * 0.4, sp.d * 0.6],
          ];
          list.push({ l, floor, zone: zones[zi], zoneIdx: zi, wing: p.wingZh });
        });
      }
      if (list.length === 0) continue;
      // spares so that every detector has at least 4 channels in use
      const pads = [
        L('室外照明回路', 'Outdoor lighting', 'lighting', 1, [10]), L('应急照明回路', 'Emergency lighting', 'lighting', 1, [10]),
        L('备用回路', 'Spare', 'sockets', 1, [16]), L('备用回路', 'Spare', 'sockets', 1, [16]),
      ];
      for (let k = 0; list.length < 4; k++) list.push({ l: pads[k], floor: p.floor, zone: fullZone, zoneIdx: -1, main: false });
      const chCount = Math.min(16, list.length);
      deviceN++;
      const dev: DeviceRow = {
        id: `${site.id}-D${String(deviceN).padStart(2, '0')}`, siteId: site.id, panelId: p.row.id,
        model: chCount <= 4 ? 'ESMS-DT4' : chCount <= 8 ? 'ESMS-DT8' : 'ESMS-DT16', fw, reportIntervalS: REPORT_INTERVAL_S,
      };
      out.devices.push(dev);
      list.slice(0, 16).forEach((it, idx) => {
        const amps = it.l.amps.length === 1 ? it.l.amps[0] : r.pick(it.l.amps);
        const ins = insulationFor(b, !!it.main, r, site.category);
        const [fz, fe] = floorLabel(it.floor);
        const wz = it.wing ? it.wing[0] : '', we = it.wing ? ` ${it.wing[1]} wing` : '';
        const nameZh = it.main ? it.l.zh : `${it.l.zh} ${fz}${wz}${it.zoneIdx >= 0 ? ZONES_ZH[it.zoneIdx] : ''}`;
        const nameEn = it.main ? it.l.en : `${it.l.en} ${fe}${we}${it.zoneIdx >= 0 ? ' ' + ZONES_EN[it.zoneIdx] : ''}`;
        const uv = routeUV(b, p, it.floor, it.zone, r, it.target);
        out.circuits.push({
          id: ++ids.circuit, deviceId: dev.id, ch: idx + 1, siteId: site.id, buildingId: b.id, panelId: p.row.id,
          nameZh, nameEn, phases: it.l.phases, ratedCurrentA: amps, cableMm2: CABLE_FOR_BREAKER[amps], insulation: ins,
          maxConductorC: INSULATION_LIMIT_C[ins], loadType: it.l.load, reportIntervalS: REPORT_INTERVAL_S,
          residualSetMa: RESIDUAL_SET_MA,
          route: uv.map(([u, v, z]) => [...toLocal(b, u, v), z] as RoutePoint),
        });
      });
    }
  });
  return out;
}

export type { SizeClass };
