/**
 * Tibetan roof and wall ornaments: gilded discs on the 边玛 band, victory banners (rgyal mtshan) at the roof
 * corners, the dharma wheel with two deer over the entrance, and the gilt pavilion roof (金顶) of great halls.
 */
import type { Vec2 } from '../types.ts';
import type { Acc } from './acc.ts';
import type { EdgeFrame } from './facade.ts';

/** A disc standing on the face (axis along the outward normal): r radius, depth proud of the face. */
export function faceDisc(acc: Acc, f: EdgeFrame, s: number, zc: number, r: number, depth: number, off = 0, n = 10): void {
  const inset = f.batter * zc - off;
  const cx = f.a[0] + f.u[0] * s - f.n[0] * inset;
  const cy = f.a[1] + f.u[1] * s - f.n[1] * inset;
  const ring = Array.from({ length: n }, (_, i) => {
    const t = (i / n) * 2 * Math.PI;
    return [Math.cos(t) * r, Math.sin(t) * r] as const;
  });
  const at = (k: number, d: number) => {
    const [du, dz] = ring[k % n];
    return [cx + f.u[0] * du + f.n[0] * d, cy + f.u[1] * du + f.n[1] * d, zc + dz] as [number, number, number];
  };
  const front = [cx + f.n[0] * depth, cy + f.n[1] * depth, zc] as [number, number, number];
  for (let k = 0; k < n; k++) {
    acc.quad(at(k, 0), at(k + 1, 0), at(k + 1, depth), at(k, depth));
    acc.tri(at(k, depth), at(k + 1, depth), front);
  }
}

/** A victory banner: a drum-shaped cylinder with a small finial. */
export function victoryBanner(acc: Acc, x: number, y: number, z: number, h: number, r: number): void {
  acc.cylinder(x, y, z, z + 0.25 * h, r * 0.35, r * 0.35, 6);
  acc.cylinder(x, y, z + 0.25 * h, z + 0.85 * h, r, r * 0.9, 8);
  acc.cylinder(x, y, z + 0.85 * h, z + h, r * 0.9, 0, 8);
}

/** The dharma wheel flanked by two deer, standing on the parapet over the front edge. */
export function dharmaWheel(acc: Acc, f: EdgeFrame, s: number, z: number, scale: number): void {
  faceDisc(acc, f, s, z + 0.85 * scale, 0.7 * scale, 0.18 * scale, -0.05, 12);
  acc.cylinder(f.a[0] + f.u[0] * s - f.n[0] * 0.05, f.a[1] + f.u[1] * s - f.n[1] * 0.05, z, z + 0.2 * scale, 0.35 * scale, 0.3 * scale, 8);
  const rot = Math.atan2(f.u[1], f.u[0]);
  for (const side of [-1, 1]) {
    const ds = s + side * 1.05 * scale;
    const p: Vec2 = [f.a[0] + f.u[0] * ds, f.a[1] + f.u[1] * ds];
    acc.box([p[0], p[1], z + 0.28 * scale], [0.32 * scale, 0.6 * scale, 0.36 * scale], rot); // body, facing the wheel
    acc.box([p[0] - f.u[0] * side * 0.18 * scale, p[1] - f.u[1] * side * 0.18 * scale, z + 0.58 * scale], [0.22 * scale, 0.22 * scale, 0.3 * scale], rot);
  }
}

/**
 * The gilt pavilion roof: a red base with its own 边玛 band carries a gold hip roof with flared eaves and a
 * finial. Pushes into the given accumulators (walls, band, gold).
 */
export function giltPavilion(
  walls: Acc,
  band: Acc,
  gold: Acc,
  c: Vec2,
  rot: number,
  size: number,
  z: number,
): void {
  const half = size / 2;
  const sq = (h: number): Vec2[] =>
    [[-h, -h], [h, -h], [h, h], [-h, h]].map(([x, y]) => [c[0] + x * Math.cos(rot) - y * Math.sin(rot), c[1] + x * Math.sin(rot) + y * Math.cos(rot)]);
  const baseH = Math.max(1.4, size * 0.3);
  walls.prism(sq(half), z, sq(half), z + baseH);
  band.prism(sq(half + 0.06), z + baseH, sq(half + 0.06), z + baseH + 0.45);
  const ez = z + baseH + 0.45;
  // flared eave: a thin sloping skirt, then the pyramid
  gold.prism(sq(half + 0.9), ez, sq(half + 0.5), ez + 0.35, { top: false, bottom: true });
  const apex = ez + 0.35 + size * 0.42;
  const top = sq(half + 0.5);
  for (let i = 0; i < 4; i++) {
    const a = top[i];
    const b = top[(i + 1) % 4];
    gold.tri([a[0], a[1], ez + 0.35], [b[0], b[1], ez + 0.35], [c[0], c[1], apex]);
  }
  gold.cylinder(c[0], c[1], apex - 0.1, apex + 0.5, 0.28, 0.22, 8);
  gold.cylinder(c[0], c[1], apex + 0.5, apex + 1.3, 0.22, 0, 8);
}
