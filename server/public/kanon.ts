/**
 * k-anonymity for public aggregates: a cell (category within an area) that counts fewer than K sites is merged
 * into an "other" bucket. If "other" is still below K, the next-smallest shown category joins it (so the
 * bucket can't be recovered by subtracting shown cells from the area total); if nothing is left to merge,
 * the bucket is suppressed. Universal and pure.
 */
export const K = 3;

export interface Cell<C extends string = string> {
  category: C | 'other';
  total: number;
  covered: number;
}

export interface Merged<C extends string> {
  cells: Cell<C>[];
  /** true when some sites are not shown in any cell */
  suppressed: boolean;
}

export function mergeSmallCells<C extends string>(input: Cell<C>[], k = K): Merged<C> {
  const cells = input.filter((c) => c.total > 0).map((c) => ({ ...c }));
  const shown = cells.filter((c) => c.total >= k).sort((a, b) => b.total - a.total || (a.category < b.category ? -1 : 1));
  const other: Cell<C> = { category: 'other', total: 0, covered: 0 };
  for (const c of cells) if (c.total < k) add(other, c);
  // secondary merging: an "other" bucket below k absorbs the smallest shown cells
  while (other.total > 0 && other.total < k && shown.length > 0) add(other, shown.pop()!);
  if (other.total === 0) return { cells: shown, suppressed: false };
  if (other.total < k) return { cells: shown, suppressed: true };
  return { cells: [...shown, other], suppressed: false };
}

function add<C extends string>(to: Cell<C>, c: Cell<C>) {
  to.total += c.total;
  to.covered += c.covered;
}

/** A rate in percent with one decimal, or null when the area is too small to show. */
export function rate(covered: number, total: number, k = K): number | null {
  if (total < k) return null;
  return Math.round((covered / total) * 1000) / 10;
}
