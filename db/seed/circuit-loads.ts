/**
 * What a building's circuits are: the loads each kind of building has, their breakers and cables, insulation by
 * age and structure, and how circuits are named by floor, wing and zone.
 */
import type { Insulation, LoadType, SiteCategory } from '../../lib/protocol/v1.ts';
import type { Rng } from './rng.ts';
import type { BuildingRow } from './asset-types.ts';
import { ZH_NUM } from './programmes.ts';

/** Breaker rating (A) → copper cross-section (mm²) per the design tables the detectors are configured with. */
export const CABLE_FOR_BREAKER: Record<number, number> = {
  10: 1.5, 16: 2.5, 20: 2.5, 25: 4, 32: 6, 40: 10, 50: 10, 63: 16, 100: 35, 125: 50, 250: 120,
};
export const BREAKERS = [10, 16, 20, 25, 32, 40, 63, 100, 125, 250] as const;
export const REPORT_INTERVAL_S = 60;
export const RESIDUAL_SET_MA = 300;
/** instrumented rollout states: only these sites have detectors and monitored circuits */
export const INSTRUMENTED = new Set(['installed', 'commissioned', 'in_service']);

export interface Load {
  zh: string;
  en: string;
  load: LoadType;
  phases: 1 | 3;
  amps: number[];
}
export const L = (zh: string, en: string, load: LoadType, phases: 1 | 3, amps: number[]): Load => ({ zh, en, load, phases, amps });

const LIGHT = L('照明回路', 'Lighting', 'lighting', 1, [10, 16]);
const SOCKET = L('插座回路', 'Sockets', 'sockets', 1, [16, 20]);
const HEATER = L('电暖器回路', 'Heaters', 'heating', 1, [20, 25]);
const BUTTER = L('酥油灯加热回路', 'Butter-lamp warmers', 'heating', 1, [16, 20]);

/** loads by building kind: [always present once per panel, then fillers to draw from] */
export const KIND_LOADS: Record<string, { fixed: Load[]; fill: Load[]; heavy?: Load[] }> = {
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

export const WINGS: [string, string][] = [['西区', 'west'], ['中区', 'middle'], ['东区', 'east']];
export const ZONES_ZH = ['东区', '西区', '南侧', '北侧', '中部', '走廊'];
export const ZONES_EN = ['east', 'west', 'south', 'north', 'centre', 'corridor'];

export function floorLabel(f: number): [string, string] {
  return [`${ZH_NUM[f + 1] ?? f + 1}层`, `L${f + 1}`];
}

export function insulationFor(b: BuildingRow, main: boolean, r: Rng, cat: SiteCategory): Insulation {
  if (main) return b.builtYear >= 2000 || r.chance(0.6) ? 'XLPE' : 'PVC';
  const oldWooden = (cat === 'temple' || cat === 'relic') && b.builtYear < 1996 && (b.structure === 'wood' || b.structure === 'stone_wood');
  if (oldWooden && r.chance(0.3)) return 'rubber';
  if (b.builtYear >= 2012 && r.chance(0.25)) return 'XLPE';
  return 'PVC';
}

export function incomerAmps(totalArea: number, kind: string): number {
  if (kind === 'plant' && totalArea > 1500) return 250;
  if (totalArea < 600) return 63;
  if (totalArea < 2000) return 100;
  if (totalArea < 5000) return 125;
  return 250;
}
export function feederAmps(area: number): number {
  return area < 300 ? 32 : area < 800 ? 40 : 63;
}
