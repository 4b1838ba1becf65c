/** Geometry of a campus and its buildings: building placement, building-local frames and cable routes. */
import type { Rng } from './rng.ts';
import type { BuildingRow, PanelRow, RoutePoint } from './asset-types.ts';
import type { Spec } from './programmes.ts';

export const INSET = 0.3;
export const round2 = (v: number) => Math.round(v * 100) / 100;

export function toLocal(b: BuildingRow, u: number, v: number): [number, number] {
  const c = Math.cos(b.theta), s = Math.sin(b.theta);
  return [round2(u * c - v * s), round2(u * s + v * c)];
}
function ceilingZ(b: BuildingRow, f: number): number {
  return round2((f + 1) * b.floorH - 0.3);
}

export interface PanelLocal {
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
export function routeUV(b: BuildingRow, p: PanelLocal, floor: number, zone: [number, number, number, number], r: Rng, target?: [number, number]): RoutePoint[] {
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

export function layout(specs: Spec[], r: Rng): { x: number; y: number }[] {
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
