/**
 * Tibetan monastery buildings: battered (inward-leaning) stone walls, white-washed or red/ochre; black
 * trapezoid window surrounds with red timber lintels; the dark-red 边玛 (penma) band under a flat earthen roof
 * with a black-and-white coping; gilded discs, victory banners, the dharma wheel and a gilt pavilion roof on
 * the great halls. Pushes into Buckets by level so floors can be exploded or isolated.
 */
import type { Vec2 } from '../types.ts';
import { centroid, frontEdge, insetRing, signedArea } from '../geo.ts';
import type { Buckets } from './acc.ts';
import { edgeFrames, faceBox, faceTrapezoid, openingCentres } from './facade.ts';
import { dharmaWheel, faceDisc, giltPavilion, victoryBanner } from './ornaments.ts';
import type { MatKey } from './palette.ts';

export type TibetanVariant = 'hall' | 'chapel' | 'plain';

export interface BuiltShape {
  /** height of the top of the walls (the roof line), metres */
  roofZ: number;
  /** base height of each floor */
  floorZ: number[];
  floorH: number;
}

export interface TibetanSpec {
  ring: Vec2[]; // CCW
  floors: number;
  heightM: number;
  variant: TibetanVariant;
  wall: MatKey;
}

const BATTER = 0.025;

export function buildTibetan(b: Buckets, spec: TibetanSpec): BuiltShape {
  const { ring, floors, variant, wall } = spec;
  const H = Math.max(3, spec.heightM);
  const grand = variant !== 'plain';
  const p = grand ? Math.min(1.7, Math.max(1.0, H * 0.13)) : Math.min(0.8, Math.max(0.5, H * 0.08));
  const Hb = H - p;
  const hF = Hb / floors;
  const frames = edgeFrames(ring, BATTER);
  const fi = frontEdge(ring);
  const floorZ: number[] = [];

  for (let k = 0; k < floors; k++) {
    const z0 = k * hF;
    const z1 = (k + 1) * hF;
    floorZ.push(z0);
    b.get(k, 'body', wall).sides(insetRing(ring, BATTER * z0), z0, insetRing(ring, BATTER * z1), z1);
    b.get(k, 'body', 'floor_slab').cap(insetRing(ring, BATTER * z0 + 0.25), z0 + 0.04);
    if (k === 0) b.get(0, 'body', 'trim_grey').sides(insetRing(ring, -0.12), 0, insetRing(ring, -0.1), 0.45); // stone plinth
    const ground = k === 0;
    const w = ground && grand ? 0.45 : 0.95;
    const h = ground && grand ? 0.95 : Math.min(1.35, hF * 0.42);
    const sill = z0 + Math.max(0.7, hF * 0.32);
    frames.forEach((f, i) => {
      const spacing = ground && grand ? 4.2 : 3.1;
      let centres = openingCentres(f.len, spacing, 1.7);
      if (ground && i === fi) centres = centres.filter((s) => Math.abs(s - f.len / 2) > 2.4);
      for (const s of centres) {
        faceTrapezoid(b.get(k, 'body', 'trim_black'), f, s, sill - 0.14, sill + h + 0.1, w + 0.85, w + 0.36, 0.05);
        faceTrapezoid(b.get(k, 'body', 'window_red'), f, s, sill, sill + h, w, w, 0.08);
        faceTrapezoid(b.get(k, 'body', 'glass'), f, s, sill + 0.1, sill + h - 0.1, w - 0.22, w - 0.22, 0.1);
        faceBox(b.get(k, 'body', 'timber_red'), f, s, sill + h + 0.1, sill + h + 0.3, w + 0.55, 0.22);
        faceBox(b.get(k, 'body', 'trim_white'), f, s, sill + h + 0.3, sill + h + 0.36, w + 0.65, 0.26);
      }
    });
  }

  // entrance on the south-most edge
  const f = frames[fi];
  const dw = variant === 'hall' ? 2.4 : 1.6;
  const dh = Math.min(hF - 0.4, variant === 'hall' ? 3.0 : 2.4);
  faceTrapezoid(b.get(0, 'body', 'trim_black'), f, f.len / 2, 0.45, dh + 0.25, dw + 1.1, dw + 0.5, 0.05);
  faceTrapezoid(b.get(0, 'body', 'door'), f, f.len / 2, 0.45, dh, dw, dw, 0.09);
  faceBox(b.get(0, 'body', 'timber_red'), f, f.len / 2, dh + 0.25, dh + 0.55, dw + 1.2, 0.4);
  if (variant === 'hall' && hF > 3) {
    const depth = 1.8;
    for (const side of [-1, 1]) {
      const s = f.len / 2 + side * (dw / 2 + 0.9);
      const x = f.a[0] + f.u[0] * s + f.n[0] * depth;
      const y = f.a[1] + f.u[1] * s + f.n[1] * depth;
      b.get(0, 'body', 'timber_red').box([x, y, (hF - 0.1) / 2], [0.36, 0.36, hF - 0.1], Math.atan2(f.u[1], f.u[0]));
    }
    faceBox(b.get(0, 'body', 'penma'), f, f.len / 2, hF - 0.1, hF + 0.35, dw + 3.2, depth + 0.4);
    faceBox(b.get(0, 'body', 'trim_black'), f, f.len / 2, hF + 0.35, hF + 0.45, dw + 3.4, depth + 0.5);
  }

  // ---- roof part: cornice, 边玛 band, coping, earthen roof, ornaments ------------------------------
  const L = floors;
  const wallAtTop = BATTER * Hb;
  const cornice = insetRing(ring, wallAtTop - 0.16);
  b.get(L, 'roof', 'trim_white').sides(cornice, Hb - 0.14, cornice, Hb);
  b.get(L, 'roof', 'trim_white').ringTop(cornice, insetRing(ring, wallAtTop), Hb);
  b.get(L, 'roof', 'penma').sides(insetRing(ring, wallAtTop - 0.1), Hb, insetRing(ring, wallAtTop - 0.1), H);
  const outer = insetRing(ring, wallAtTop - 0.2);
  const inner = insetRing(ring, wallAtTop + 0.45);
  b.get(L, 'roof', 'trim_black').sides(outer, H, outer, H + 0.14);
  b.get(L, 'roof', 'trim_white').sides(insetRing(ring, wallAtTop - 0.12), H + 0.14, insetRing(ring, wallAtTop - 0.12), H + 0.24);
  b.get(L, 'roof', 'trim_white').ringTop(insetRing(ring, wallAtTop - 0.12), inner, H + 0.24);
  b.get(L, 'roof', 'penma').sidesInward(inner, H - 0.45, inner, H + 0.24);
  b.get(L, 'roof', 'roof_earth').cap(inner, H - 0.45);

  const gold = b.get(L, 'roof', 'gold');
  if (grand) {
    for (const fr of frames) {
      for (const s of openingCentres(fr.len, 2.8, 1.4)) faceDisc(gold, fr, s, Hb + p / 2, Math.min(0.26, p * 0.22), 0.12, 0.1);
    }
  }
  // banners on the corners
  const corners = insetRing(ring, wallAtTop + 0.35);
  const bannerMat = grand ? gold : b.get(L, 'roof', 'trim_black');
  for (const c of corners) victoryBanner(bannerMat, c[0], c[1], H + 0.24, grand ? 1.7 : 1.2, grand ? 0.3 : 0.22);

  if (variant === 'hall') dharmaWheel(gold, { ...f, batter: 0 }, f.len / 2, H + 0.24, Math.min(1.3, Math.max(0.8, f.len / 16)));

  const area = Math.abs(signedArea(ring));
  const depth = area / Math.max(1, f.len);
  const minDim = Math.min(f.len, depth);
  if (grand && minDim >= 7) {
    const c0 = centroid(ring);
    const back = 0.18 * depth;
    const c: Vec2 = [c0[0] - f.n[0] * back, c0[1] - f.n[1] * back];
    const size = Math.min(9, Math.max(3, minDim * (variant === 'hall' ? 0.34 : 0.42)));
    giltPavilion(b.get(L, 'roof', 'wall_red'), b.get(L, 'roof', 'penma'), gold, c, Math.atan2(f.u[1], f.u[0]), size, H - 0.45);
  }
  return { roofZ: H, floorZ, floorH: hF };
}
