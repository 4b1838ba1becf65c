/** The leased queue's pure decision after a failed attempt (platform/jobs/leased-queue.ts afterFailure). */
import { describe, expect, it } from 'vitest';
import { afterFailure } from '../../../platform/jobs/leased-queue.ts';

const o = { baseMs: 1000, maxMs: 8000, maxAttempts: 4 };

describe('afterFailure', () => {
  it('retries with a growing, capped backoff while attempts are left', () => {
    expect(afterFailure(1, o, 0)).toEqual({ gaveUp: false, delayMs: 500 });
    expect(afterFailure(1, o, 0.999)).toEqual({ gaveUp: false, delayMs: 1000 });
    expect(afterFailure(3, o, 0)).toEqual({ gaveUp: false, delayMs: 2000 });
    expect(afterFailure(3, { ...o, maxMs: 3000, maxAttempts: 9 }, 0).delayMs).toBe(1500); // capped: half of maxMs, then jitter
  });

  it('gives up on the last allowed attempt or a permanent error, with no delay', () => {
    expect(afterFailure(4, o)).toEqual({ gaveUp: true, delayMs: 0 });
    expect(afterFailure(5, o)).toEqual({ gaveUp: true, delayMs: 0 });
    expect(afterFailure(1, { ...o, permanent: true })).toEqual({ gaveUp: true, delayMs: 0 });
  });
});
