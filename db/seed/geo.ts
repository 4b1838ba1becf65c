/** Planar helpers for the seed: ray casting, local metres ↔ degrees around a point (fine at ~31° N). Pure. */

export type LonLat = [number, number];
export type Ring = LonLat[];
/** polygon = outer ring + holes */
export type Polygon = Ring[];

export const M_PER_DEG_LAT = 110_574;
export function mPerDegLon(lat: number): number {
  return 111_320 * Math.cos((lat * Math.PI) / 180);
}

/** Offset a lon/lat by dx metres east and dy metres north. */
export function offsetMetres(origin: LonLat, dx: number, dy: number): LonLat {
  return [origin[0] + dx / mPerDegLon(origin[1]), origin[1] + dy / M_PER_DEG_LAT];
}

/** Local east/north metres of p relative to origin. */
export function toMetres(origin: LonLat, p: LonLat): [number, number] {
  return [(p[0] - origin[0]) * mPerDegLon(origin[1]), (p[1] - origin[1]) * M_PER_DEG_LAT];
}

export function distanceM(a: LonLat, b: LonLat): number {
  const [dx, dy] = toMetres(a, b);
  return Math.hypot(dx, dy);
}

export function pointInRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(p: readonly number[], poly: Polygon): boolean {
  if (!pointInRing(p[0], p[1], poly[0])) return false;
  for (let h = 1; h < poly.length; h++) if (pointInRing(p[0], p[1], poly[h])) return false;
  return true;
}

export function pointInMultiPolygon(p: readonly number[], mp: Polygon[]): boolean {
  return mp.some((poly) => pointInPolygon(p, poly));
}

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}
export function bboxOf(mp: Polygon[]): BBox {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const poly of mp)
    for (const [x, y] of poly[0]) {
      if (x < b.minX) b.minX = x;
      if (y < b.minY) b.minY = y;
      if (x > b.maxX) b.maxX = x;
      if (y > b.maxY) b.maxY = y;
    }
  return b;
}

/** Distance in metres from p to the nearest vertex-edge of the outer rings (approximate, local projection). */
export function distanceToBoundaryM(p: LonLat, mp: Polygon[]): number {
  let best = Infinity;
  const kx = mPerDegLon(p[1]);
  for (const poly of mp) {
    const ring = poly[0];
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const ax = (ring[j][0] - p[0]) * kx, ay = (ring[j][1] - p[1]) * M_PER_DEG_LAT;
      const bx = (ring[i][0] - p[0]) * kx, by = (ring[i][1] - p[1]) * M_PER_DEG_LAT;
      const dx = bx - ax, dy = by - ay;
      const l2 = dx * dx + dy * dy;
      const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / l2));
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) best = d;
    }
  }
  return best;
}

/** WKT with fixed precision (7 decimals ≈ 1 cm), so the text — and the database — is reproducible. */
export function fmt(n: number): string {
  return n.toFixed(7);
}
export function pointWkt(p: LonLat): string {
  return `POINT(${fmt(p[0])} ${fmt(p[1])})`;
}
export function polygonWkt(ring: LonLat[]): string {
  return `POLYGON((${ring.map((c) => `${fmt(c[0])} ${fmt(c[1])}`).join(',')}))`;
}
