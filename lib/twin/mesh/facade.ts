/**
 * Openings and applied trim on a building's outer walls. An edge frame gives, for a point along an edge of the
 * CCW footprint and a height, where the (possibly battered, i.e. inward-leaning) wall face is, so windows,
 * doors and ornaments sit just proud of it.
 */
import type { Vec2, Vec3 } from '../types.ts';
import { leftNormal } from '../geo.ts';
import type { Acc } from './acc.ts';

export interface EdgeFrame {
  a: Vec2;
  len: number;
  /** unit vector along the edge (a → b) */
  u: Vec2;
  /** unit outward normal */
  n: Vec2;
  /** inward lean of the face: metres of inset per metre of height */
  batter: number;
}

export function edgeFrames(ring: Vec2[], batter = 0): EdgeFrame[] {
  return ring.map((a, i) => {
    const b = ring[(i + 1) % ring.length];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const ln = leftNormal(a, b);
    return { a, len, u: [(b[0] - a[0]) / (len || 1), (b[1] - a[1]) / (len || 1)], n: [-ln[0], -ln[1]], batter };
  });
}

/** A point on the face at distance s along the edge, height z, `off` metres proud of the face. */
export function facePoint(f: EdgeFrame, s: number, z: number, off = 0.05): Vec3 {
  const inset = f.batter * z - off;
  return [f.a[0] + f.u[0] * s - f.n[0] * inset, f.a[1] + f.u[1] * s - f.n[1] * inset, z];
}

/** Centres (distance along the edge) of `count` openings evenly spread, or as many as fit at `spacing`. */
export function openingCentres(len: number, spacing: number, margin: number, maxCount = 99): number[] {
  const usable = len - 2 * margin;
  if (usable < spacing * 0.5) return len > 2.2 ? [len / 2] : [];
  const n = Math.min(maxCount, Math.max(1, Math.floor(usable / spacing) + 1));
  if (n === 1) return [len / 2];
  const step = usable / (n - 1);
  return Array.from({ length: n }, (_, i) => margin + i * step);
}

/**
 * A vertical trapezoid on the face, centred at s, from z0 to z1, bottom width wb and top width wt —
 * a rectangle when wb = wt. Tibetan window and door surrounds are trapezoids wider at the bottom.
 */
export function faceTrapezoid(acc: Acc, f: EdgeFrame, s: number, z0: number, z1: number, wb: number, wt: number, off = 0.05): void {
  const batterAtBase = f.batter * z0;
  const p = (ds: number, z: number): Vec3 => {
    const inset = batterAtBase - off;
    return [f.a[0] + f.u[0] * (s + ds) - f.n[0] * inset, f.a[1] + f.u[1] * (s + ds) - f.n[1] * inset, z];
  };
  acc.quad(p(-wb / 2, z0), p(wb / 2, z0), p(wt / 2, z1), p(-wt / 2, z1));
}

/** A box sticking out of the face (lintels, canopies, sign boards): width along the edge, depth outward. */
export function faceBox(acc: Acc, f: EdgeFrame, s: number, z0: number, z1: number, width: number, depth: number, off = 0): void {
  const base = facePoint(f, s, z0, off + depth / 2);
  const rot = Math.atan2(f.u[1], f.u[0]);
  acc.box([base[0], base[1], (z0 + z1) / 2], [width, depth, z1 - z0], rot);
}

/** A continuous horizontal band over every edge (floor lines, cornices), `depth` proud of the face. */
export function bandAround(acc: Acc, frames: EdgeFrame[], z0: number, z1: number, depth: number): void {
  for (const f of frames) faceBox(acc, f, f.len / 2, z0, z1, f.len + depth * 2, depth);
}
