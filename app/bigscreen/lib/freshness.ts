/**
 * Is what the screen shows live? Pure. The socket must be up and the panels' last successful refresh recent;
 * otherwise stale, with the age of the newest data.
 */
export type DataFreshness = { state: 'live' | 'stale' | 'offline' | 'connecting'; ageMs: number | null };

export const PANEL_STALE_MS = 60_000;

export function dataFreshness(
  socket: 'connecting' | 'live' | 'stale' | 'disconnected',
  lastPanelsAt: number | null,
  lastEventAt: number | null,
  now: number,
): DataFreshness {
  const newest = Math.max(lastPanelsAt ?? 0, lastEventAt ?? 0);
  const ageMs = newest ? now - newest : null;
  if (socket === 'connecting' && !lastPanelsAt) return { state: 'connecting', ageMs };
  if (socket === 'disconnected') return { state: 'offline', ageMs };
  const panelsAge = lastPanelsAt ? now - lastPanelsAt : Infinity;
  if (socket === 'stale' || panelsAge > PANEL_STALE_MS) return { state: 'stale', ageMs };
  return { state: 'live', ageMs };
}
