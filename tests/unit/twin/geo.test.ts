import { describe, expect, it } from 'vitest';
import { buildingToSite, centroid, convexHull, ensureCcw, frontEdge, insetRing, ringToLocal, signedArea, toLocal, toLonLat } from '../../../lib/twin/geo.ts';
import type { Vec2 } from '../../../lib/twin/types.ts';

const square: Vec2[] = [[0, 0], [10, 0], [10, 10], [0, 10]];

describe('twin geo', () => {
  it('maps lon/lat to metres east/north and back', () => {
    const o = { lon: 97.1776, lat: 31.1433 };
    const [x, y] = toLocal(o, 97.1776 + 0.001, 31.1433 + 0.001);
    expect(x).toBeCloseTo(95.2, 0); // 0.001° of longitude at 31° N
    expect(y).toBeCloseTo(111.2, 0);
    const back = toLonLat(o, x, y);
    expect(back.lon).toBeCloseTo(97.1786, 9);
    expect(back.lat).toBeCloseTo(31.1443, 9);
  });

  it('drops the closing vertex of a GeoJSON ring', () => {
    const o = { lon: 0, lat: 0 };
    expect(ringToLocal(o, [[0, 0], [0.001, 0], [0.001, 0.001], [0, 0]])).toHaveLength(3);
  });

  it('puts building-local points relative to the footprint first vertex', () => {
    expect(buildingToSite([[5, 7], [9, 7], [9, 9]], [1, 2, 3])).toEqual([6, 9, 3]);
  });

  it('orients rings counter-clockwise and insets them', () => {
    const cw = [...square].reverse();
    expect(signedArea(cw)).toBeLessThan(0);
    expect(signedArea(ensureCcw(cw))).toBe(100);
    const inner = insetRing(square, 1);
    expect(inner).toEqual([[1, 1], [9, 1], [9, 9], [1, 9]].map(([x, y]) => [expect.closeTo(x, 9), expect.closeTo(y, 9)]));
    expect(Math.abs(signedArea(insetRing(square, -1)))).toBeCloseTo(144, 6);
  });

  it('finds the centroid, the hull and the south-facing front edge', () => {
    expect(centroid(square)).toEqual([5, 5]);
    expect(convexHull([...square, [5, 5], [2, 3]])).toHaveLength(4);
    expect(frontEdge(square)).toBe(0); // edge (0,0)→(10,0) faces south
    const rotated: Vec2[] = [[0, 10], [0, 0], [10, 0], [10, 10]];
    expect(rotated[frontEdge(rotated)]).toEqual([0, 0]);
  });
});
