/**
 * Pure plane geometry for the twin: WGS84 → site-local metres (equirectangular about an origin: error < 1 cm
 * over a 1 km site), ring orientation, polygon inset, convex hull, bounds. No three.js here.
 */
import type { Vec2, Vec3 } from './types.ts';

const R = 6371008.8;
const RAD = Math.PI / 180;

export interface LonLat {
  lon: number;
  lat: number;
}

/** x east, y north (metres) of `p` relative to `origin`. */
export function toLocal(origin: LonLat, lon: number, lat: number): Vec2 {
  return [R * Math.cos(origin.lat * RAD) * (lon - origin.lon) * RAD, R * (lat - origin.lat) * RAD];
}

/** The inverse of toLocal. */
export function toLonLat(origin: LonLat, x: number, y: number): LonLat {
  return { lon: origin.lon + x / (R * Math.cos(origin.lat * RAD) * RAD), lat: origin.lat + y / (R * RAD) };
}

/** GeoJSON Polygon outer ring → local ring, without the closing vertex. */
export function ringToLocal(origin: LonLat, ring: number[][]): Vec2[] {
  const out = ring.map(([lon, lat]) => toLocal(origin, lon, lat));
  if (out.length > 1) {
    const [a, b] = [out[0], out[out.length - 1]];
    if (Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(a[1] - b[1]) < 1e-6) out.pop();
  }
  return out;
}

/** Building-local point (metres from the footprint's first vertex) → site-local. */
export function buildingToSite(footprint: Vec2[], p: number[]): Vec3 {
  const [ox, oy] = footprint[0] ?? [0, 0];
  return [ox + (p[0] ?? 0), oy + (p[1] ?? 0), p[2] ?? 0];
}

/** Signed area, positive when counter-clockwise (x east, y north). */
export function signedArea(ring: Vec2[]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

export function ensureCcw(ring: Vec2[]): Vec2[] {
  return signedArea(ring) < 0 ? [...ring].reverse() : ring;
}

export function centroid(ring: Vec2[]): Vec2 {
  const a = signedArea(ring);
  if (Math.abs(a) < 1e-9) {
    const n = Math.max(1, ring.length);
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

/**
 * Moves every edge of a CCW ring inward by d (outward when d < 0) and intersects neighbours. Good for the
 * convex-ish footprints of buildings; a mitre is capped at 4·|d| so sharp corners do not spike.
 */
export function insetRing(ringIn: Vec2[], d: number): Vec2[] {
  const ring = ensureCcw(ringIn);
  const n = ring.length;
  const out: Vec2[] = [];
  for (let i = 0; i < n; i++) {
    const p0 = ring[(i - 1 + n) % n];
    const p1 = ring[i];
    const p2 = ring[(i + 1) % n];
    const n1 = leftNormal(p0, p1);
    const n2 = leftNormal(p1, p2);
    let bx = n1[0] + n2[0];
    let by = n1[1] + n2[1];
    const bl = Math.hypot(bx, by);
    if (bl < 1e-9) {
      out.push([p1[0] + n1[0] * d, p1[1] + n1[1] * d]);
      continue;
    }
    bx /= bl;
    by /= bl;
    const cos = bx * n1[0] + by * n1[1];
    const len = Math.min(Math.abs(d) / Math.max(cos, 0.25), 4 * Math.abs(d)) * Math.sign(d);
    out.push([p1[0] + bx * len, p1[1] + by * len]);
  }
  return out;
}

/** Unit normal pointing left of a→b (inside for a CCW ring). */
export function leftNormal(a: Vec2, b: Vec2): Vec2 {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l = Math.hypot(dx, dy) || 1;
  return [-dy / l, dx / l];
}

export function convexHull(points: Vec2[]): Vec2[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: Vec2, a: Vec2, b: Vec2) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Vec2[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Vec2[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boundsOf(points: Iterable<Vec2>): Bounds {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of points) {
    b.minX = Math.min(b.minX, x);
    b.minY = Math.min(b.minY, y);
    b.maxX = Math.max(b.maxX, x);
    b.maxY = Math.max(b.maxY, y);
  }
  if (!Number.isFinite(b.minX)) return { minX: -10, minY: -10, maxX: 10, maxY: 10 };
  return b;
}

/** Index of the edge whose outward normal points most to the south (the usual entrance side), of ensureCcw(ring). */
export function frontEdge(ringIn: Vec2[]): number {
  const ring = ensureCcw(ringIn);
  let best = 0;
  let bestScore = -Infinity;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    // outward normal = −left normal; facing south means outward y < 0, i.e. left-normal y > 0; long edges win ties
    const s = leftNormal(a, b)[1] + 0.01 * Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  return best;
}
