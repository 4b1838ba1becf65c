/** Time-ordered merge of per-device item streams (a binary heap on the next item's ts, ties by device). */
import type { Item } from './device.ts';

export function* mergeItems(streams: Iterator<Item>[]): Generator<Item> {
  const head: (Item | undefined)[] = streams.map((s) => s.next().value as Item | undefined);
  const heap: number[] = [];
  const less = (a: number, b: number) => head[a]!.ts < head[b]!.ts || (head[a]!.ts === head[b]!.ts && a < b);
  const swap = (i: number, j: number) => { const t = heap[i]; heap[i] = heap[j]; heap[j] = t; };
  const up = (j: number) => { while (j > 0) { const p = (j - 1) >> 1; if (!less(heap[j], heap[p])) break; swap(j, p); j = p; } };
  const down = (j: number) => {
    for (;;) {
      const l = 2 * j + 1, r = l + 1;
      let m = j;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === j) return;
      swap(j, m);
      j = m;
    }
  };
  for (let i = 0; i < streams.length; i++) if (head[i]) { heap.push(i); up(heap.length - 1); }
  while (heap.length) {
    const i = heap[0];
    yield head[i]!;
    head[i] = streams[i].next().value as Item | undefined;
    if (head[i]) down(0);
    else {
      const last = heap.pop()!;
      if (heap.length) { heap[0] = last; down(0); }
    }
  }
}
