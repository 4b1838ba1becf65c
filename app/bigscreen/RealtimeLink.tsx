'use client';
/**
 * The wall's socket.io link as a leaf component: useRealtime re-renders its host on every event, so it lives
 * here (no DOM) rather than in the screen. Events go to the screen's handlers; the connection state is
 * reported only when it changes, and the last event's time through a ref the screen reads on its own tick.
 */
import { useEffect } from 'react';
import type { ServerToClientEvents } from '../../lib/events/realtime.ts';
import { useRealtime, type Freshness } from '../_lib/useRealtime.ts';

export type WallHandlers = { 'sites:delta': ServerToClientEvents['sites:delta']; alarm: ServerToClientEvents['alarm'] };

export function RealtimeLink(p: {
  handlers: React.RefObject<WallHandlers>;
  lastEventAt: React.RefObject<number | null>;
  onState: (s: Freshness) => void;
}) {
  const { freshness, lastEventAt } = useRealtime({
    'sites:delta': (m) => p.handlers.current['sites:delta'](m),
    alarm: (m) => p.handlers.current.alarm(m),
  });
  const { onState, lastEventAt: last } = p;
  useEffect(() => {
    last.current = lastEventAt;
  }, [last, lastEventAt]);
  useEffect(() => onState(freshness), [freshness, onState]);
  return null;
}
