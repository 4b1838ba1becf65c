/**
 * Modern blocks: school dormitories and teaching blocks (regular windows per floor, floor lines, a maroon
 * parapet band as is usual in Tibet), hospital wings (ribbon windows, a red cross on the roof), shopping
 * halls (glazed front, fascia band) and plain service buildings.
 */
import type { Vec2 } from '../types.ts';
import { frontEdge, insetRing } from '../geo.ts';
import type { Buckets } from './acc.ts';
import { bandAround, edgeFrames, faceBox, faceTrapezoid, openingCentres, type EdgeFrame } from './facade.ts';
import type { MatKey } from './palette.ts';
import type { BuiltShape } from './tibetan.ts';

export type ModernVariant = 'dorm' | 'teaching' | 'ward' | 'mall' | 'generic' | 'plant';

export interface ModernSpec {
  ring: Vec2[];
  floors: number;
  heightM: number;
  variant: ModernVariant;
  wall: MatKey;
}

function rect(b: Buckets, k: number, mat: MatKey, f: EdgeFrame, s: number, z0: number, z1: number, w: number, off: number) {
  faceTrapezoid(b.get(k, 'body', mat), f, s, z0, z1, w, w, off);
}

export function buildModern(b: Buckets, spec: ModernSpec): BuiltShape {
  const { ring, floors, variant, wall } = spec;
  const parapet = variant === 'mall' ? 1.4 : 0.9;
  const H = Math.max(3, spec.heightM - parapet * 0.5);
  const hF = H / floors;
  const frames = edgeFrames(ring, 0);
  const fi = frontEdge(ring);
  const floorZ: number[] = [];

  for (let k = 0; k < floors; k++) {
    const z0 = k * hF;
    floorZ.push(z0);
    b.get(k, 'body', wall).sides(ring, z0, ring, z0 + hF);
    b.get(k, 'body', 'floor_slab').cap(insetRing(ring, 0.2), z0 + 0.04);
    if (k > 0) bandAround(b.get(k, 'body', 'trim_grey'), frames, z0 - 0.1, z0 + 0.12, 0.07);
    else b.get(0, 'body', 'trim_grey').sides(insetRing(ring, -0.06), 0, insetRing(ring, -0.06), 0.5);
    frames.forEach((f, i) => {
      const isFront = i === fi;
      if (variant === 'ward') {
        if (f.len < 4) return;
        const run = f.len - 2.2;
        rect(b, k, 'trim_white', f, f.len / 2, z0 + 0.8, z0 + Math.min(hF - 0.5, 2.4), run + 0.2, 0.04);
        rect(b, k, 'glass_light', f, f.len / 2, z0 + 0.9, z0 + Math.min(hF - 0.6, 2.3), run, 0.07);
        for (const s of openingCentres(f.len, 1.6, 1.1)) faceBox(b.get(k, 'body', 'trim_grey'), f, s, z0 + 0.9, z0 + Math.min(hF - 0.6, 2.3), 0.08, 0.1);
        return;
      }
      if (variant === 'mall' && k === 0 && isFront) {
        rect(b, k, 'glass_light', f, f.len / 2, 0.3, hF - 0.5, f.len - 2, 0.06);
        for (const s of openingCentres(f.len - 2, 2.4, 0)) faceBox(b.get(k, 'body', 'trim_grey'), f, s + 1, 0.3, hF - 0.5, 0.12, 0.12);
        return;
      }
      const big = variant === 'teaching' || variant === 'mall';
      const w = big ? 2.3 : variant === 'plant' ? 1.6 : 1.4;
      const h = Math.min(hF - 1.2, big ? 1.9 : 1.5);
      const sill = z0 + Math.min(0.95, hF * 0.3);
      let centres = openingCentres(f.len, big ? 3.6 : 3.3, 1.8);
      if (k === 0 && isFront) centres = centres.filter((s) => Math.abs(s - f.len / 2) > 2.2);
      for (const s of centres) {
        rect(b, k, 'trim_white', f, s, sill - 0.1, sill + h + 0.1, w + 0.2, 0.04);
        rect(b, k, 'glass', f, s, sill, sill + h, w, 0.07);
        faceBox(b.get(k, 'body', 'trim_white'), f, s, sill - 0.16, sill - 0.06, w + 0.4, 0.16);
      }
    });
  }

  // entrance
  const f = frames[fi];
  if (!(variant === 'mall')) {
    const dw = variant === 'plant' ? 3.6 : 2.2;
    const dh = Math.min(hF - 0.5, variant === 'plant' ? 3.6 : 2.5);
    rect(b, 0, variant === 'plant' ? 'trim_grey' : 'glass_light', f, f.len / 2, 0.5, dh, dw, 0.08);
    faceBox(b.get(0, 'body', 'trim_white'), f, f.len / 2, dh + 0.2, dh + 0.45, dw + 1.6, 1.6);
  } else {
    faceBox(b.get(0, 'body', 'trim_white'), f, f.len / 2, hF - 0.45, hF - 0.2, Math.min(f.len - 1, 14), 2.2);
  }

  // roof part: parapet (maroon band for dormitories/teaching blocks, as built across Tibet), coping, deck
  const L = floors;
  const pMat: MatKey = variant === 'dorm' || variant === 'teaching' ? 'penma' : variant === 'mall' ? 'sign_blue' : variant === 'ward' ? 'trim_white' : wall;
  const outer = insetRing(ring, -0.05);
  const inner = insetRing(ring, 0.3);
  b.get(L, 'roof', pMat).sides(outer, H, outer, H + parapet);
  b.get(L, 'roof', 'trim_grey').sides(insetRing(ring, -0.12), H + parapet, insetRing(ring, -0.12), H + parapet + 0.12);
  b.get(L, 'roof', 'trim_grey').ringTop(insetRing(ring, -0.12), inner, H + parapet + 0.12);
  b.get(L, 'roof', pMat).sidesInward(inner, H, inner, H + parapet + 0.12);
  b.get(L, 'roof', 'roof_slab').cap(inner, H + 0.02);
  if (variant === 'dorm' || variant === 'teaching') bandAround(b.get(L, 'roof', 'trim_white'), frames, H - 0.02, H + 0.1, 0.08);

  if (variant === 'ward') {
    // red cross sign on the roof over the entrance
    const s = f.len / 2;
    const z = H + parapet + 0.12;
    faceBox(b.get(L, 'roof', 'trim_white'), f, s, z, z + 3.2, 3.2, 0.25, -0.6);
    faceBox(b.get(L, 'roof', 'sign_red'), f, s, z + 0.4, z + 2.8, 0.8, 0.32, -0.6);
    faceBox(b.get(L, 'roof', 'sign_red'), f, s, z + 1.2, z + 2.0, 2.4, 0.32, -0.6);
  }
  return { roofZ: H + parapet, floorZ, floorH: hF };
}
