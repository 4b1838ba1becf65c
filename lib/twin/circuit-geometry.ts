/**
 * Every circuit of a level merged into two buffers: square tubes (what you see up close, lit by nothing:
 * colour is the heat) and line segments (at least one pixel from afar; the raycast target). Each circuit owns
 * a contiguous vertex range in both, so a live update writes colours in place — geometry is never rebuilt.
 * Pure: plain typed arrays in three's frame (x east, y up, z south), no three.js objects.
 */
import type { Vec3 } from './types.ts';

export interface RouteIn {
  id: number;
  /** site-local metres, x east, y north, z up */
  route: Vec3[];
}

export interface CircuitBuffers {
  ids: number[];
  tubePos: Float32Array;
  tubeNor: Float32Array;
  tubeIndex: Uint32Array;
  /** circuit id → [first vertex, vertex count] in the tube buffers */
  tubeRange: Map<number, [number, number]>;
  linePos: Float32Array;
  lineRange: Map<number, [number, number]>;
  /** line segment index → circuit id (for raycast hits) */
  segCircuit: Int32Array;
}

const toThree = (p: Vec3): Vec3 => [p[0], p[2], -p[1]];

export function buildCircuitBuffers(circuits: RouteIn[], radius = 0.13): CircuitBuffers {
  let segs = 0;
  for (const c of circuits) segs += Math.max(0, c.route.length - 1);
  const tubePos = new Float32Array(segs * 16 * 3);
  const tubeNor = new Float32Array(segs * 16 * 3);
  const tubeIndex = new Uint32Array(segs * 24);
  const linePos = new Float32Array(segs * 2 * 3);
  const segCircuit = new Int32Array(segs);
  const tubeRange = new Map<number, [number, number]>();
  const lineRange = new Map<number, [number, number]>();
  let v = 0;
  let ii = 0;
  let s = 0;
  for (const c of circuits) {
    const v0 = v;
    const s0 = s;
    for (let k = 1; k < c.route.length; k++) {
      const a = toThree(c.route[k - 1]);
      const b = toThree(c.route[k]);
      const d: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const len = Math.hypot(d[0], d[1], d[2]);
      if (len < 1e-6) continue;
      d[0] /= len; d[1] /= len; d[2] /= len;
      // a frame around d: any vector not parallel to d
      const up: Vec3 = Math.abs(d[1]) > 0.9 ? [1, 0, 0] : [0, 1, 0];
      const e1 = norm(cross(d, up));
      const e2 = cross(d, e1);
      // extend by the radius so consecutive segments overlap at bends
      const A: Vec3 = [a[0] - d[0] * radius, a[1] - d[1] * radius, a[2] - d[2] * radius];
      const B: Vec3 = [b[0] + d[0] * radius, b[1] + d[1] * radius, b[2] + d[2] * radius];
      const sides: [Vec3, Vec3][] = [[e1, e2], [e2, neg(e1)], [neg(e1), neg(e2)], [neg(e2), e1]];
      for (const [n, t] of sides) {
        const base = v;
        for (const [P, st] of [[A, -1], [B, -1], [B, 1], [A, 1]] as const) {
          const o = v * 3;
          tubePos[o] = P[0] + (n[0] + t[0] * st) * radius;
          tubePos[o + 1] = P[1] + (n[1] + t[1] * st) * radius;
          tubePos[o + 2] = P[2] + (n[2] + t[2] * st) * radius;
          tubeNor[o] = n[0];
          tubeNor[o + 1] = n[1];
          tubeNor[o + 2] = n[2];
          v++;
        }
        tubeIndex.set([base, base + 1, base + 2, base, base + 2, base + 3], ii);
        ii += 6;
      }
      linePos.set([...a, ...b], s * 6);
      segCircuit[s] = c.id;
      s++;
    }
    tubeRange.set(c.id, [v0, v - v0]);
    lineRange.set(c.id, [s0 * 2, (s - s0) * 2]);
  }
  return {
    ids: circuits.map((c) => c.id),
    tubePos: tubePos.subarray(0, v * 3),
    tubeNor: tubeNor.subarray(0, v * 3),
    tubeIndex: tubeIndex.subarray(0, ii),
    tubeRange,
    linePos: linePos.subarray(0, s * 6),
    lineRange,
    segCircuit: segCircuit.subarray(0, s),
  };
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function norm(a: Vec3): Vec3 {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
}
const neg = (a: Vec3): Vec3 => [-a[0], -a[1], -a[2]];

/** sRGB → linear, per channel: three.js treats vertex colours as linear. */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** Fills [first, first+count) vertices of an rgb array with one colour; returns whether anything changed. */
export function fillColor(arr: Float32Array, range: [number, number] | undefined, r: number, g: number, b: number): boolean {
  if (!range) return false;
  const [first, count] = range;
  const o = first * 3;
  if (count === 0 || (arr[o] === r && arr[o + 1] === g && arr[o + 2] === b)) return false;
  for (let i = 0; i < count; i++) {
    arr[o + i * 3] = r;
    arr[o + i * 3 + 1] = g;
    arr[o + i * 3 + 2] = b;
  }
  return true;
}

export function fillScalar(arr: Float32Array, range: [number, number] | undefined, value: number): boolean {
  if (!range || range[1] === 0 || arr[range[0]] === value) return false;
  arr.fill(value, range[0], range[0] + range[1]);
  return true;
}
