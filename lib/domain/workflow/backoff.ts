/** Retry schedule for outbox deliveries: exponential backoff with full jitter, capped (pure). */
export interface BackoffOpts {
  baseMs: number;
  maxMs: number;
}
/** Delay before attempt `attempt + 1`, given `attempt` (≥ 1) failures so far. `rand` ∈ [0,1). */
export function backoffMs(attempt: number, o: BackoffOpts, rand: number = Math.random()): number {
  const exp = Math.min(o.maxMs, o.baseMs * 2 ** Math.max(0, attempt - 1));
  // half fixed + half jitter keeps retries spread out without ever retrying immediately
  return Math.round(exp / 2 + (exp / 2) * rand);
}
