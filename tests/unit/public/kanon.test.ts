import { describe, expect, it } from 'vitest';
import { mergeSmallCells, rate } from '../../../server/public/kanon.ts';

const c = (category: string, total: number, covered = total) => ({ category, total, covered });

describe('k-anonymous merging', () => {
  it('keeps cells of at least 3 sites and merges smaller ones into other', () => {
    const m = mergeSmallCells([c('temple', 10, 8), c('school', 2, 1), c('hospital', 1, 1), c('mall', 4, 2)]);
    expect(m.cells).toEqual([c('temple', 10, 8), c('mall', 4, 2), c('other', 3, 2)]);
    expect(m.suppressed).toBe(false);
  });

  it('grows a too-small other bucket with the smallest shown cell instead of leaking it by subtraction', () => {
    const m = mergeSmallCells([c('temple', 10), c('mall', 3), c('school', 1)]);
    expect(m.cells).toEqual([c('temple', 10), c('other', 4)]);
    expect(m.cells.every((x) => x.total >= 3)).toBe(true);
  });

  it('suppresses what cannot reach 3', () => {
    const m = mergeSmallCells([c('school', 1), c('gas', 1)]);
    expect(m.cells).toEqual([]);
    expect(m.suppressed).toBe(true);
  });

  it('never shows a cell below k', () => {
    for (let seed = 1; seed < 300; seed++) {
      const cells = ['a', 'b', 'c', 'd', 'e'].map((k, i) => c(k, (seed * (i + 3)) % 6));
      const m = mergeSmallCells(cells);
      for (const x of m.cells) expect(x.total).toBeGreaterThanOrEqual(3);
      const shown = m.cells.reduce((s, x) => s + x.total, 0);
      const all = cells.reduce((s, x) => s + x.total, 0);
      const hidden = all - shown;
      expect(hidden === 0 || m.suppressed).toBe(true);
      if (hidden > 0) expect(m.cells.length).toBe(0); // only a whole area can disappear
    }
  });

  it('rates with one decimal, null below k', () => {
    expect(rate(2, 3)).toBe(66.7);
    expect(rate(1, 2)).toBeNull();
  });
});
