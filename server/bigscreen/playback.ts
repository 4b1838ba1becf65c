/**
 * Playback data: every stored alarm that was active at some moment of [from, to] (opened_at/cleared_at),
 * compact, so the browser can rebuild each site's state at any instant (pure/replay.ts). Scope-filtered.
 */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import type { ReplayInterval } from '../../lib/domain/bigscreen/replay.ts';

export interface PlaybackData {
  from: number;
  to: number;
  intervals: ReplayInterval[];
  /** more alarms than the cap: the oldest were left out */
  truncated: boolean;
}

export const PLAYBACK_CAP = 50_000;

export async function playbackData(sql: Sql, scope: Scope, hours: number, now = Date.now()): Promise<PlaybackData> {
  const from = now - hours * 3600_000;
  const rows = await sql<
    { id: number; s: string; o: string; c: string | null; v: ReplayInterval['severity']; t: ReplayInterval['type'] }[]
  >`
    SELECT a.id::int AS id, a.site_id AS s, (extract(epoch FROM a.opened_at) * 1000)::bigint::text AS o,
           (extract(epoch FROM a.cleared_at) * 1000)::bigint::text AS c, a.severity AS v, a.type AS t
    FROM alarms a JOIN sites s ON s.id = a.site_id
    WHERE NOT a.false_alarm AND a.opened_at <= ${new Date(now)} AND (a.cleared_at IS NULL OR a.cleared_at >= ${new Date(from)})
      AND ${siteScopeSql(sql, scope)}
    ORDER BY a.opened_at DESC LIMIT ${PLAYBACK_CAP + 1}`;
  const truncated = rows.length > PLAYBACK_CAP;
  const intervals = rows
    .slice(0, PLAYBACK_CAP)
    .reverse()
    .map((r) => ({ id: r.id, siteId: r.s, openedAt: Number(r.o), clearedAt: r.c == null ? null : Number(r.c), severity: r.v, type: r.t }));
  return { from, to: now, intervals, truncated };
}
