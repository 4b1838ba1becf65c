'use client';
/**
 * Live feed of one site: joins the `site:<id>` room (the server refuses rooms outside the user's scope) and
 * hands 'circuits:delta' and 'alarm' events for this site to the callbacks. Disconnects on unmount.
 */
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AlarmEventPayload, CircuitLatest, ClientToServerEvents, ServerToClientEvents } from '../../../lib/events/realtime.ts';

export interface SiteFeed {
  onCircuits: (list: CircuitLatest[], at: number) => void;
  onAlarm: (a: AlarmEventPayload) => void;
}

export function useSiteSocket(siteId: string, feed: SiteFeed): { connected: boolean } {
  const [connected, setConnected] = useState(false);
  const ref = useRef(feed);
  ref.current = feed;
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ transports: ['websocket'], withCredentials: true });
    const join = () => socket.emit('join', `site:${siteId}`, (r) => setConnected(r.ok));
    socket.on('connect', join);
    socket.on('disconnect', () => setConnected(false));
    socket.on('circuits:delta', (m) => {
      if (m.siteId === siteId) ref.current.onCircuits(m.circuits, m.at);
    });
    socket.on('alarm', (m) => {
      if (m.alarm.siteId === siteId) ref.current.onAlarm(m.alarm);
    });
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [siteId]);
  return { connected };
}
