/**
 * Which browser sockets belong to which session, so a sign-out or revocation closes them: a socket authenticated
 * once at connect would otherwise keep receiving events for as long as it stays open. Sign-outs reach every portal
 * node through Postgres NOTIFY (server/auth/session.ts); a periodic sweep closes sockets whose session expired,
 * was deleted without a notification, or whose user was disabled.
 */
import type { Sql } from '../../platform/db.ts';
import { SESSION_END_CHANNEL } from '../auth/session.ts';

interface Closable {
  id: string;
  disconnect(close?: boolean): unknown;
}

export interface SessionSockets {
  add(sessionId: string, socket: Closable): void;
  remove(sessionId: string, socket: Closable): void;
  /** Closes the sockets of one session; returns how many. */
  end(sessionId: string): number;
  /** One sweep now (the timer runs it every `sweepMs`). */
  sweep(): Promise<number>;
  /** Resolves once LISTEN is in place (tests wait for it). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function trackSessionSockets(sql: Sql, opts: { sweepMs?: number; log?: (msg: string, e?: unknown) => void } = {}): SessionSockets {
  const bySession = new Map<string, Set<Closable>>();
  const log = opts.log ?? ((msg, e) => console.warn('[realtime]', msg, e ?? ''));

  function end(sessionId: string): number {
    const set = bySession.get(sessionId);
    if (!set) return 0;
    bySession.delete(sessionId);
    for (const s of set) s.disconnect(true);
    return set.size;
  }

  async function sweep(): Promise<number> {
    const ids = [...bySession.keys()];
    if (!ids.length) return 0;
    const live = await sql<{ id: string }[]>`
      SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = ANY(${ids}::text[]) AND s.expires_at > now() AND NOT u.disabled`;
    const keep = new Set(live.map((r) => r.id));
    let n = 0;
    for (const id of ids) if (!keep.has(id)) n += end(id);
    return n;
  }

  let unlisten: (() => Promise<void>) | null = null;
  const ready = sql
    .listen(SESSION_END_CHANNEL, (id) => void end(id))
    .then((l) => {
      unlisten = l.unlisten;
    })
    .catch((e: unknown) => log('LISTEN failed; sign-outs close sockets at the next sweep only', e));

  const timer = setInterval(() => void sweep().catch((e: unknown) => log('session sweep failed', e)), opts.sweepMs ?? 30_000);
  timer.unref();

  return {
    add(sessionId, socket) {
      let set = bySession.get(sessionId);
      if (!set) bySession.set(sessionId, (set = new Set()));
      set.add(socket);
    },
    remove(sessionId, socket) {
      const set = bySession.get(sessionId);
      if (!set) return;
      set.delete(socket);
      if (!set.size) bySession.delete(sessionId);
    },
    end,
    sweep,
    ready,
    async close() {
      clearInterval(timer);
      await ready;
      await unlisten?.().catch(() => {});
    },
  };
}
