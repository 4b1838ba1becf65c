import { describe, expect, it } from 'vitest';
import { buildCircuitBuffers, fillColor, fillScalar, srgbToLinear } from '../../../lib/twin/circuit-geometry.ts';

const routes = [
  { id: 7, route: [[0, 0, 1.5], [0, 0, 4], [5, 0, 4]] as [number, number, number][] },
  { id: 9, route: [[1, 1, 1], [1, 6, 1]] as [number, number, number][] },
];

describe('circuit buffers', () => {
  it('gives each circuit a contiguous range of tube and line vertices', () => {
    const b = buildCircuitBuffers(routes);
    expect(b.ids).toEqual([7, 9]);
    expect(b.tubeRange.get(7)).toEqual([0, 32]); // 2 segments × 4 sides × 4 vertices
    expect(b.tubeRange.get(9)).toEqual([32, 16]);
    expect(b.lineRange.get(9)).toEqual([4, 2]);
    expect(b.tubeIndex.length).toBe(3 * 24);
    expect([...b.segCircuit]).toEqual([7, 7, 9]);
    // site (x east, y north, z up) → three (x, y up, z south)
    expect([...b.linePos.slice(12, 18)]).toEqual([1, 1, -1, 1, 1, -6]);
  });

  it('recolours a range in place and reports whether anything changed', () => {
    const b = buildCircuitBuffers(routes);
    const col = new Float32Array(b.tubePos.length);
    expect(fillColor(col, b.tubeRange.get(9), 1, 0, 0)).toBe(true);
    expect(fillColor(col, b.tubeRange.get(9), 1, 0, 0)).toBe(false);
    expect(col[32 * 3]).toBe(1);
    expect(col[31 * 3]).toBe(0);
    const pulse = new Float32Array(48);
    expect(fillScalar(pulse, [32, 16], 1)).toBe(true);
    expect(pulse[47]).toBe(1);
    expect(fillColor(col, undefined, 1, 1, 1)).toBe(false);
  });

  it('converts sRGB to linear', () => {
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(1)).toBeCloseTo(1, 9);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214, 3);
  });
});
