import { describe, expect, it } from 'vitest';
import { heatRatio, heatRgb, hexToRgb, highestA, hottestC, isStale, legendTicks } from '../../../lib/twin/heat.ts';

const c = { ratedCurrentA: 20, maxConductorC: 70 };

describe('twin heat scale', () => {
  it('temperature mode: rise over ambient against the allowed rise', () => {
    expect(heatRatio('temperature', c, { circuitId: 1, ts: 0, ta: 15 })).toBe(0);
    expect(heatRatio('temperature', c, { circuitId: 1, ts: 0, ta: 70 })).toBe(1);
    expect(heatRatio('temperature', c, { circuitId: 1, ts: 0, ta: 30, tb: 42.5, tn: 20 })).toBeCloseTo(0.5, 6);
  });

  it('load mode: the highest phase against the rating', () => {
    expect(heatRatio('load', c, { circuitId: 1, ts: 0, ia: 10, ib: 16, ic: 12 })).toBe(0.8);
    expect(highestA({ circuitId: 1, ts: 0 })).toBeUndefined();
    expect(hottestC({ circuitId: 1, ts: 0, tn: 33 })).toBe(33);
  });

  it('NaN without data, grey colour for it', () => {
    expect(heatRatio('load', c, undefined)).toBeNaN();
    expect(heatRatio('temperature', c, { circuitId: 1, ts: 0, ia: 3 })).toBeNaN();
    expect(heatRgb(NaN)).toEqual(hexToRgb('#6b7785'));
  });

  it('follows the status colours at the thresholds and clamps', () => {
    expect(heatRgb(1)).toEqual(hexToRgb('#ff4d4f'));
    expect(heatRgb(0.8)).toEqual(hexToRgb('#ffb020'));
    expect(heatRgb(0.35)).toEqual(hexToRgb('#2bd9a0'));
    expect(heatRgb(9)).toEqual(hexToRgb('#ff1f6b'));
    expect(heatRgb(-1)).toEqual(hexToRgb('#2f6fdf'));
    const mid = heatRgb(0.9);
    expect(mid[0]).toBeGreaterThan(0.99);
  });

  it('legend ticks per mode and staleness', () => {
    expect(legendTicks('load', 'zh').map((t) => t.label)).toContain('100%');
    expect(legendTicks('temperature', 'en').some((t) => t.label === 'limit')).toBe(true);
    expect(isStale({ circuitId: 1, ts: 0 }, 60, 200_000)).toBe(true);
    expect(isStale({ circuitId: 1, ts: 0 }, 60, 100_000)).toBe(false);
  });
});
