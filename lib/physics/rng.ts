/**
 * Seeded randomness. Two flavours:
 *  - `Rng`: a tiny mulberry32 stream (sequential draws, used while building scenarios);
 *  - counter-based hashing (`hash32`, `noise1`): random access by (seed, key), so any sample time can be
 *    evaluated without stepping from the start — backfills and pre-simulations reproduce the live stream.
 * No Math.random anywhere: same seed → same bytes.
 */

/** murmur3 fmix32 finaliser: a good avalanche for 32-bit keys. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash up to three integers (taken modulo 2^32) to a uint32. */
export function hash32(a: number, b = 0, c = 0): number {
  let h = mix32((a >>> 0) ^ 0x9e3779b9);
  h = mix32((h ^ Math.imul(b >>> 0, 0x27d4eb2f)) >>> 0);
  h = mix32((h ^ Math.imul(c >>> 0, 0x165667b1) ^ 0x85ebca77) >>> 0);
  return h;
}

/** FNV-1a over UTF-16 code units, then mixed; stable ids → seeds. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h >>> 0);
}

/** uint32 → [0, 1). */
export function unit(h: number): number {
  return h / 4294967296;
}

/** mulberry32 stream with a Box–Muller gaussian. Reseedable so hot loops need not allocate. */
export class Rng {
  private s: number;
  private spare = NaN;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  reseed(seed: number): this {
    this.s = seed >>> 0;
    this.spare = NaN;
    return this;
  }
  /** uniform [0, 1) */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.next() * arr.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** standard normal */
  gauss(): number {
    if (this.spare === this.spare) {
      const g = this.spare;
      this.spare = NaN;
      return g;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(6.283185307179586 * v);
    return r * Math.cos(6.283185307179586 * v);
  }
  /** cheap bell-shaped noise (Irwin–Hall of 3 uniforms, unit variance, bounded ±3): for sensor noise */
  bell(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }
  /** Fisher–Yates in place */
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = arr[i];
      arr[i] = arr[j];
      arr[j] = t;
    }
    return arr;
  }
}

/** Lattice value in [-1, 1] at integer knot i. */
function knot(seed: number, i: number): number {
  return hash32(seed, i, i < 0 ? 1 : 0) / 2147483648 - 1;
}

/**
 * Smooth 1-D value noise in [-1, 1] (smoothstep between hashed knots at integer x). Random access in x:
 * weather and slow load wander are `noise1(seed, t / scale)`, evaluable at any timestamp.
 */
export function noise1(seed: number, x: number): number {
  const i = Math.floor(x);
  const f = x - i;
  const a = knot(seed, i);
  const b = knot(seed, i + 1);
  return a + (b - a) * (f * f * (3 - 2 * f));
}

/** Two octaves of value noise, still in [-1, 1]. */
export function fbm2(seed: number, x: number): number {
  return 0.7 * noise1(seed, x) + 0.3 * noise1(seed ^ 0x5bd1e995, x * 3.1);
}

/** noise1 with the two active knots cached: same values, ~4× cheaper when x advances slowly. */
export class SmoothNoise {
  private i = NaN;
  private a = 0;
  private b = 0;
  constructor(private readonly seed: number) {}
  at(x: number): number {
    const i = Math.floor(x);
    if (i !== this.i) {
      this.a = i === this.i + 1 ? this.b : knot(this.seed, i);
      this.b = knot(this.seed, i + 1);
      this.i = i;
    }
    const f = x - i;
    return this.a + (this.b - this.a) * (f * f * (3 - 2 * f));
  }
}
