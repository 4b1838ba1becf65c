/**
 * A triangle accumulator: building generators push flat-shaded quads, prisms and boxes in site-local metres
 * (x east, y north, z up) with a colour; triangles land in a shared store converted to three's frame
 * (x east, y up, z south — a proper rotation, so winding is kept). One store = one geometry = one draw call:
 * colours are per vertex, so a whole level of a whole site needs only a few materials.
 */
import { BufferGeometry, Float32BufferAttribute, ShapeUtils, Vector2 } from 'three';
import type { Vec2, Vec3 } from '../types.ts';
import { ensureCcw } from '../geo.ts';
import { hexToRgb } from '../heat.ts';
import { srgbToLinear } from '../circuit-geometry.ts';
import { PALETTE, type MatKey } from './palette.ts';

export class Store {
  readonly pos: number[] = [];
  readonly nor: number[] = [];
  readonly col: number[] = [];
  get triangles(): number {
    return this.pos.length / 9;
  }
  toGeometry(): BufferGeometry {
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(this.pos, 3));
    g.setAttribute('normal', new Float32BufferAttribute(this.nor, 3));
    g.setAttribute('color', new Float32BufferAttribute(this.col, 3));
    g.computeBoundingSphere();
    g.computeBoundingBox();
    return g;
  }
}

export class Acc {
  /** linear rgb */
  readonly rgb: [number, number, number];
  constructor(
    readonly store: Store = new Store(),
    srgb: [number, number, number] = [1, 1, 1],
  ) {
    this.rgb = [srgbToLinear(srgb[0]), srgbToLinear(srgb[1]), srgbToLinear(srgb[2])];
  }
  get pos() {
    return this.store.pos;
  }

  tri(a: Vec3, b: Vec3, c: Vec3): void {
    const ux = b[0] - a[0], uy = b[1] - a[1], uz = b[2] - a[2];
    const vx = c[0] - a[0], vy = c[1] - a[1], vz = c[2] - a[2];
    let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const l = Math.hypot(nx, ny, nz) || 1;
    nx /= l; ny /= l; nz /= l;
    const st = this.store;
    const [r, g, bl] = this.rgb;
    for (const p of [a, b, c]) {
      st.pos.push(p[0], p[2], -p[1]);
      st.nor.push(nx, nz, -ny);
      st.col.push(r, g, bl);
    }
  }

  /** a b c d counter-clockwise as seen from the side the face shows. */
  quad(a: Vec3, b: Vec3, c: Vec3, d: Vec3): void {
    this.tri(a, b, c);
    this.tri(a, c, d);
  }

  /** Horizontal polygon at height z, facing up (or down). */
  cap(ringIn: Vec2[], z: number, up = true): void {
    const ring = ensureCcw(ringIn);
    const faces = ShapeUtils.triangulateShape(ring.map(([x, y]) => new Vector2(x, y)), []);
    for (const [i, j, k] of faces) {
      const a: Vec3 = [ring[i][0], ring[i][1], z];
      const b: Vec3 = [ring[j][0], ring[j][1], z];
      const c: Vec3 = [ring[k][0], ring[k][1], z];
      if (up) this.tri(a, b, c);
      else this.tri(a, c, b);
    }
  }

  /** Side walls between ring `lo` at z0 and ring `hi` at z1 (same vertex count, CCW), facing outward. */
  sides(lo: Vec2[], z0: number, hi: Vec2[], z1: number): void {
    const n = lo.length;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      this.quad([lo[i][0], lo[i][1], z0], [lo[j][0], lo[j][1], z0], [hi[j][0], hi[j][1], z1], [hi[i][0], hi[i][1], z1]);
    }
  }

  /** Inward-facing side walls (the inner face of a parapet). */
  sidesInward(lo: Vec2[], z0: number, hi: Vec2[], z1: number): void {
    const n = lo.length;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      this.quad([lo[j][0], lo[j][1], z0], [lo[i][0], lo[i][1], z0], [hi[i][0], hi[i][1], z1], [hi[j][0], hi[j][1], z1]);
    }
  }

  /** A closed prism: sides plus top (and optionally bottom) caps. */
  prism(lo: Vec2[], z0: number, hi: Vec2[], z1: number, caps: { top?: boolean; bottom?: boolean } = { top: true }): void {
    const a = ensureCcw(lo);
    const b = ensureCcw(hi);
    this.sides(a, z0, b, z1);
    if (caps.top !== false) this.cap(b, z1, true);
    if (caps.bottom) this.cap(a, z0, false);
  }

  /** A flat ring band (top face) between an outer and an inner ring at height z. */
  ringTop(outer: Vec2[], inner: Vec2[], z: number): void {
    const n = outer.length;
    for (let i = 0; i < n; i++) {
      const j = (i + 1) % n;
      this.quad([outer[i][0], outer[i][1], z], [outer[j][0], outer[j][1], z], [inner[j][0], inner[j][1], z], [inner[i][0], inner[i][1], z]);
    }
  }

  /** An axis-aligned box rotated by `rot` (radians, about z) around its centre. */
  box(center: Vec3, size: Vec3, rot = 0): void {
    const [cx, cy, cz] = center;
    const [hx, hy] = [size[0] / 2, size[1] / 2];
    const c = Math.cos(rot), s = Math.sin(rot);
    const ring: Vec2[] = [[-hx, -hy], [hx, -hy], [hx, hy], [-hx, hy]].map(([x, y]) => [cx + x * c - y * s, cy + x * s + y * c]);
    this.prism(ring, cz - size[2] / 2, ring, cz + size[2] / 2, { top: true, bottom: true });
  }

  /** A vertical cylinder (n-gon) from z0 to z1; rTop may differ (cone when 0). */
  cylinder(cx: number, cy: number, z0: number, z1: number, r: number, rTop = r, n = 8): void {
    const ring = (rr: number): Vec2[] => Array.from({ length: n }, (_, i) => [cx + rr * Math.cos((i / n) * 2 * Math.PI), cy + rr * Math.sin((i / n) * 2 * Math.PI)]);
    const lo = ring(r);
    if (rTop <= 1e-4) {
      for (let i = 0; i < n; i++) this.tri([lo[i][0], lo[i][1], z0], [lo[(i + 1) % n][0], lo[(i + 1) % n][1], z0], [cx, cy, z1]);
      return;
    }
    this.prism(lo, z0, ring(rTop), z1, { top: true });
  }

}

/** Which material a palette entry renders with: opaque lit, translucent in the electrical view, or shiny. */
export type MatClass = 'opaque' | 'xray' | 'slab' | 'shiny';
export function matClass(k: MatKey): MatClass {
  const spec = PALETTE[k] as { xray?: boolean | 'faint'; shiny?: number };
  return spec.xray === 'faint' ? 'slab' : spec.xray ? 'xray' : spec.shiny ? 'shiny' : 'opaque';
}

/** Stores keyed by level, part and material class; pens keyed by level, part and palette entry. */
export type PartKind = 'body' | 'roof';
export class Buckets {
  readonly stores = new Map<string, { level: number; part: PartKind; cls: MatClass; store: Store }>();
  private pens = new Map<string, Acc>();
  get(level: number, part: PartKind, mat: MatKey): Acc {
    const key = `${level}|${part}|${mat}`;
    let pen = this.pens.get(key);
    if (!pen) {
      const cls = matClass(mat);
      const sk = `${level}|${part}|${cls}`;
      let s = this.stores.get(sk);
      if (!s) {
        s = { level, part, cls, store: new Store() };
        this.stores.set(sk, s);
      }
      pen = new Acc(s.store, hexToRgb(PALETTE[mat].color));
      this.pens.set(key, pen);
    }
    return pen;
  }
}
