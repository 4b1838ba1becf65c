import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../db/seed/data.ts';
import { distanceM, offsetMetres, pointInPolygon, toMetres } from '../../../db/seed/geo.ts';
import { Rng } from '../../../db/seed/rng.ts';

describe('seed helpers', () => {
  it('parses quoted CSV fields', () => {
    expect(parseCsv('a,b,c\n"x, y","say ""hi""",\n')).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', '']]);
  });
  it('ray casting with holes', () => {
    const outer: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    const hole: [number, number][] = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]];
    expect(pointInPolygon([1, 1], [outer, hole])).toBe(true);
    expect(pointInPolygon([5, 5], [outer, hole])).toBe(false);
    expect(pointInPolygon([11, 5], [outer])).toBe(false);
  });
  it('metres ↔ degrees round trip at Chamdo', () => {
    const o: [number, number] = [97.1778, 31.1433];
    const p = offsetMetres(o, 300, -200);
    const [dx, dy] = toMetres(o, p);
    expect(dx).toBeCloseTo(300, 6);
    expect(dy).toBeCloseTo(-200, 6);
    expect(distanceM(o, p)).toBeCloseTo(Math.hypot(300, 200), 6);
  });
  it('rng streams are reproducible and independent', () => {
    const a = new Rng(7, 'x'), b = new Rng(7, 'x'), c = new Rng(7, 'y');
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
  });
});
