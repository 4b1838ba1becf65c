/** The machine's CPU as the benchmarks see it: /proc/stat busy time, and a wait for a system to settle. */
import { readFileSync } from 'node:fs';

/** Busy and total CPU time of the whole machine (all cores), from /proc/stat, in clock ticks. */
export function machineTicks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + f[4];
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * Waits at least `minMs` (a system just started still builds its models, takes its first snapshots and catches
 * up for a while), then until the machine's busy share over a 5 s window falls to `busyPct` or below, at most
 * `maxMs` in all. Returns the wait and the last window's busy share (% of all cores).
 */
export async function settle(busyPct = 50, minMs = 45_000, maxMs = 150_000): Promise<{ waitedMs: number; busyPct: number }> {
  const t0 = Date.now();
  let last = 100;
  await new Promise((r) => setTimeout(r, minMs));
  while (Date.now() - t0 < maxMs) {
    const a = machineTicks();
    await new Promise((r) => setTimeout(r, 5000));
    const b = machineTicks();
    last = (100 * (b.busy - a.busy)) / Math.max(1, b.total - a.total);
    if (last <= busyPct) break;
  }
  return { waitedMs: Date.now() - t0, busyPct: Math.round(last) };
}
