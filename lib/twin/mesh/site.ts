/**
 * All buildings of a site into per-level, per-material buckets. Picks a style from the site's category and the
 * building's kind and structure: temples and relics get Tibetan halls, chapels and monks' quarters; schools
 * dormitories and teaching blocks; hospitals wards; malls shopping halls; the rest plain service buildings.
 */
import type { SiteCategory } from '../../protocol/v1.ts';
import type { TwinBuilding, Vec2 } from '../types.ts';
import { centroid, ensureCcw } from '../geo.ts';
import { Buckets } from './acc.ts';
import { buildModern, type ModernVariant } from './modern.ts';
import type { MatKey } from './palette.ts';
import { buildTibetan, type BuiltShape, type TibetanVariant } from './tibetan.ts';

export type BuildingStyle =
  | { family: 'tibetan'; variant: TibetanVariant; wall: MatKey }
  | { family: 'modern'; variant: ModernVariant; wall: MatKey };

const hash = (n: number) => ((n * 2654435761) >>> 0) % 997;

const PLANT = new Set(['plant', 'station', 'store', 'workshop', 'warehouse', 'filling', 'canopy', 'fan_house', 'shelter']);
const HOSPITAL = new Set(['ward', 'outpatient', 'clinic']);

export function styleFor(category: SiteCategory, b: Pick<TwinBuilding, 'id' | 'kind' | 'structure'>): BuildingStyle {
  const sacred = category === 'temple' || category === 'relic';
  const k = b.kind;
  const modernFabric = b.structure === 'concrete' || b.structure === 'brick';
  if (sacred && !(modernFabric && !['assembly_hall', 'chapel', 'hall', 'college'].includes(k))) {
    if (k === 'assembly_hall') return { family: 'tibetan', variant: 'hall', wall: 'wall_white' };
    if (k === 'hall') return { family: 'tibetan', variant: 'hall', wall: category === 'relic' && hash(b.id) % 2 ? 'wall_ochre' : 'wall_white' };
    if (k === 'chapel') return { family: 'tibetan', variant: 'chapel', wall: hash(b.id) % 4 === 0 ? 'wall_ochre' : 'wall_red' };
    if (k === 'college') return { family: 'tibetan', variant: 'chapel', wall: 'wall_white' };
    if (k === 'printing' || k === 'gallery') return { family: 'tibetan', variant: 'plain', wall: 'wall_red' };
    if (k === 'residence') return { family: 'tibetan', variant: 'plain', wall: 'wall_ochre' };
    return { family: 'tibetan', variant: 'plain', wall: 'wall_white' };
  }
  if (sacred) return { family: 'modern', variant: 'dorm', wall: 'wall_cream' };
  if (k === 'dormitory' || k === 'quarters') return { family: 'modern', variant: 'dorm', wall: 'wall_cream' };
  if (k === 'teaching' || k === 'canteen' || k === 'museum') return { family: 'modern', variant: 'teaching', wall: 'wall_white' };
  if (HOSPITAL.has(k)) return { family: 'modern', variant: 'ward', wall: 'wall_hospital' };
  if (k === 'hall' || k === 'shop' || category === 'mall') return { family: 'modern', variant: 'mall', wall: 'wall_mall' };
  if (PLANT.has(k)) return { family: 'modern', variant: 'plant', wall: b.structure === 'brick' ? 'wall_brick' : 'wall_concrete' };
  if (b.structure === 'stone_wood') return { family: 'tibetan', variant: 'plain', wall: 'wall_white' };
  return { family: 'modern', variant: 'generic', wall: b.structure === 'brick' ? 'wall_brick' : b.structure === 'wood' ? 'wall_cream' : 'wall_concrete' };
}

export interface BuildingInfo extends BuiltShape {
  id: number;
  floors: number;
  center: Vec2;
  /** scale from the seed's uniform floor height (heightM / floors) to the generated walls' floor height */
  zScale: number;
  style: BuildingStyle;
}

export interface SiteMeshes {
  buckets: Buckets;
  buildings: Map<number, BuildingInfo>;
  levels: number;
}

/**
 * `dataFloorH`: per building, the floor height the seed's panels and routes were laid out with (estimated
 * from the highest route point: routes run just under the top ceiling); defaults to heightM / floors.
 */
export function buildSite(category: SiteCategory, buildings: TwinBuilding[], dataFloorH = new Map<number, number>()): SiteMeshes {
  const buckets = new Buckets();
  const infos = new Map<number, BuildingInfo>();
  let levels = 1;
  for (const bd of buildings) {
    if (bd.footprint.length < 3) continue;
    const ring = ensureCcw(bd.footprint);
    const floors = Math.max(1, Math.min(60, bd.floors));
    const style = styleFor(category, bd);
    const shape =
      style.family === 'tibetan'
        ? buildTibetan(buckets, { ring, floors, heightM: bd.heightM, variant: style.variant, wall: style.wall })
        : buildModern(buckets, { ring, floors, heightM: bd.heightM, variant: style.variant, wall: style.wall });
    infos.set(bd.id, { ...shape, id: bd.id, floors, center: centroid(ring), zScale: shape.floorH / (dataFloorH.get(bd.id) ?? bd.heightM / floors), style });
    levels = Math.max(levels, floors + 1);
  }
  return { buckets, buildings: infos, levels };
}

/** Estimates each building's data floor height from its circuits' highest route point (ceiling − 0.3 m). */
export function dataFloorHeights(buildings: TwinBuilding[], circuits: { buildingId: number | null; route: [number, number, number][] }[]): Map<number, number> {
  const maxZ = new Map<number, number>();
  for (const c of circuits) {
    if (c.buildingId == null) continue;
    for (const p of c.route) maxZ.set(c.buildingId, Math.max(maxZ.get(c.buildingId) ?? 0, p[2]));
  }
  const out = new Map<number, number>();
  for (const b of buildings) {
    const z = maxZ.get(b.id);
    const uniform = b.heightM / Math.max(1, b.floors);
    const est = z ? (z + 0.3) / Math.max(1, b.floors) : uniform;
    out.set(b.id, est > uniform * 0.6 && est <= uniform * 1.05 ? est : uniform);
  }
  return out;
}
