/**
 * The arithmetic every KPI shares, pure: a ratio over an empty base is unknown (null, shown 「—」), never 100 %
 * or 0 %; a window still running is measured up to now, never up to its future end.
 */

/** n / d, or null when the base is empty (0/0 is not a rate) */
export const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/** sum / n, or null when nothing was measured */
export const meanOf = (sum: number, n: number): number | null => (n > 0 ? sum / n : null);

/** the instant a window [start, end) is measured at: its end, or now if the window has not ended yet */
export const asOfInstant = (end: Date, now: Date): Date => (end.getTime() < now.getTime() ? end : now);

/** whole days a window has run by `asOf` (at least 1): the base of per-30-day rates */
export const elapsedDays = (start: Date, asOf: Date): number => Math.max(1, Math.round((asOf.getTime() - start.getTime()) / 86_400_000));
