/**
 * One timer for the whole wall, firing on each wall-clock second. The clock, the map's coalesced status
 * changes, new alarms and refreshed panels all change the page in this one task, so React commits once and
 * the browser renders one frame a second. On a software-rendered wall every frame costs the GPU process
 * (the CPU) a lot; a second frame that arrives while the first is still being drawn makes the main thread
 * wait — a long task.
 */
type Fn = (now: number) => void;

const subs = new Set<Fn>();
let queued: (() => void)[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

function arm() {
  timer = setTimeout(fire, 1000 - (Date.now() % 1000) + 2);
}

function fire() {
  const now = Date.now();
  const q = queued;
  queued = [];
  for (const f of q) f();
  for (const f of [...subs]) f(now);
  if (subs.size || queued.length) arm();
  else timer = null;
}

/** calls `fn` on every second boundary until the returned function is called */
export function onSecond(fn: Fn): () => void {
  subs.add(fn);
  if (!timer) arm();
  return () => {
    subs.delete(fn);
    if (!subs.size && !queued.length && timer) {
      clearTimeout(timer);
      timer = null;
    }
  };
}

/** runs `fn` once, on the next second boundary, together with everything else the wall changes then */
export function atNextSecond(fn: () => void): void {
  queued.push(fn);
  if (!timer) arm();
}
