/**
 * Fixed-window rate limiting in PostgreSQL (table public_rate, migration 0003): shared by every process,
 * survives restarts. Keys carry hashed client addresses only.
 */
import type { Sql } from '../../platform/db.ts';

export interface Limit {
  points: number;
  windowS: number;
}

export const LIMITS = {
  /** reports per client address */
  reportPerHour: { points: 5, windowS: 3600 },
  reportPerDay: { points: 20, windowS: 86400 },
  /** all reports together: a flood from many addresses still stops here */
  reportGlobalPerHour: { points: 300, windowS: 3600 },
  tokenPerHour: { points: 120, windowS: 3600 },
} satisfies Record<string, Limit>;

export interface HitResult {
  ok: boolean;
  hits: number;
  retryAfterS: number;
}

export async function hit(sql: Sql, key: string, limit: Limit): Promise<HitResult> {
  const w = limit.windowS;
  const [r] = await sql<{ hits: number; retry: number }[]>`
    INSERT INTO public_rate (key, window_start, hits)
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM now()) / ${w}) * ${w}), 1)
    ON CONFLICT (key, window_start) DO UPDATE SET hits = public_rate.hits + 1
    RETURNING hits, ceil(extract(epoch FROM window_start) + ${w} - extract(epoch FROM now()))::int AS retry`;
  if (Math.random() < 0.01) await sql`DELETE FROM public_rate WHERE window_start < now() - interval '2 days'`;
  return { ok: r.hits <= limit.points, hits: r.hits, retryAfterS: Math.max(1, r.retry) };
}

/** Checks several limits; the first exceeded one wins. Every window counts the attempt. */
export async function hitAll(sql: Sql, checks: [string, Limit][]): Promise<HitResult> {
  let worst: HitResult = { ok: true, hits: 0, retryAfterS: 0 };
  for (const [key, limit] of checks) {
    const r = await hit(sql, key, limit);
    if (!r.ok && (worst.ok || r.retryAfterS > worst.retryAfterS)) worst = r;
  }
  return worst;
}
