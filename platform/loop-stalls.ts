/**
 * Logs when a process's event loop was held: a worker that stalls for seconds misses its MQTT keepalive (the
 * broker then drops and redelivers), and the log line says when and for how long. Unref'd; one per process.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from 'pino';

export function watchLoopStalls(log: Logger, thresholdMs = 1000, everyMs = 10_000): () => void {
  const h = monitorEventLoopDelay({ resolution: 50 });
  h.enable();
  const t = setInterval(() => {
    const maxMs = h.max / 1e6;
    if (maxMs >= thresholdMs) log.warn({ maxMs: Math.round(maxMs), p99Ms: Math.round(h.percentile(99) / 1e6), rssMb: Math.round(process.memoryUsage().rss / 1048576) }, 'event loop stalled');
    h.reset();
  }, everyMs);
  t.unref();
  return () => {
    clearInterval(t);
    h.disable();
  };
}
