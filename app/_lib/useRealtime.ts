'use client';
/**
 * The portal's socket.io connection: same origin, authenticated by the session cookie; the server puts the
 * socket in its scope rooms. Handlers live in refs so callers can pass inline closures without reconnecting.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, JoinAck, ServerToClientEvents } from '../../lib/events/realtime.ts';

type Handlers = {
  [E in keyof ServerToClientEvents]?: ServerToClientEvents[E];
};

export type Freshness = 'connecting' | 'live' | 'stale' | 'disconnected';

/** With no event for this long the dot turns to "stale" even though the socket is up. */
const STALE_AFTER_MS = 120_000;

export function useRealtime(handlers: Handlers, opts: { staleAfterMs?: number } = {}) {
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const socketRef = useRef<Socket<ServerToClientEvents, ClientToServerEvents> | null>(null);
  const lastEventRef = useRef(0);
  const [connected, setConnected] = useState<boolean | null>(null);
  const [lastEventAt, setLastEventAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const staleAfter = opts.staleAfterMs ?? STALE_AFTER_MS;

  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ withCredentials: true });
    socketRef.current = socket;
    const touch = () => {
      lastEventRef.current = Date.now();
      setLastEventAt(lastEventRef.current);
    };
    socket.on('connect', () => {
      setConnected(true);
      touch();
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('connect_error', () => setConnected(false));
    socket.on('hello', (m) => {
      touch();
      handlersRef.current.hello?.(m);
    });
    socket.on('sites:delta', (m) => {
      touch();
      handlersRef.current['sites:delta']?.(m);
    });
    socket.on('circuits:delta', (m) => {
      touch();
      handlersRef.current['circuits:delta']?.(m);
    });
    socket.on('alarm', (m) => {
      touch();
      handlersRef.current.alarm?.(m);
    });
    const tick = setInterval(() => setNow(Date.now()), 5000);
    return () => {
      clearInterval(tick);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, []);

  const join = useCallback(
    (room: string) =>
      new Promise<JoinAck>((resolve) => {
        const s = socketRef.current;
        if (!s) return resolve({ ok: false, room, error: 'NOT_CONNECTED' });
        s.timeout(10_000).emit('join', room, (err: Error | null, ack: JoinAck) =>
          resolve(err ? { ok: false, room, error: 'TIMEOUT' } : ack),
        );
      }),
    [],
  );
  const leave = useCallback((room: string) => socketRef.current?.emit('leave', room), []);

  const freshness: Freshness =
    connected === null ? 'connecting' : !connected ? 'disconnected' : lastEventAt && now - lastEventAt > staleAfter ? 'stale' : 'live';
  return { freshness, lastEventAt, join, leave };
}
