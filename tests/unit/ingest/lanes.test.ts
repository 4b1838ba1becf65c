/** Write lanes: a device always lands in the same lane (its order is kept), unknown senders in lane 0, and a
 * fleet spreads over all lanes. */
import { describe, expect, it } from 'vitest';
import { laneOf } from '../../../workers/ingest/pipeline.ts';

const LANES = 3;

describe('laneOf', () => {
  it('is stable, in range, and spreads a fleet', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `CD-S${(i >> 2) + 1}-D${(i & 3) + 1}`);
    const counts = new Array(LANES).fill(0);
    for (const id of ids) {
      const l = laneOf(id, LANES);
      expect(l).toBe(laneOf(id, LANES));
      expect(l).toBeGreaterThanOrEqual(0);
      expect(l).toBeLessThan(LANES);
      counts[l]++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(ids.length / LANES / 2);
    expect(laneOf(null, LANES)).toBe(0);
    expect(laneOf('any', 1)).toBe(0);
  });
});
