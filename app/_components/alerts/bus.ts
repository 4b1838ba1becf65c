'use client';
/**
 * One socket per page for personal notifications, shared by the bell and the toaster (they subscribe here
 * instead of each opening a connection). The server puts every browser socket in its `user:<id>` room.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, NotificationPayload, ServerToClientEvents } from '../../../lib/events/realtime.ts';

type Listener = (n: NotificationPayload) => void;
const listeners = new Set<Listener>();
const connListeners = new Set<() => void>();
let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;

export function subscribeNotifications(fn: Listener, onConnect?: () => void): () => void {
  listeners.add(fn);
  if (onConnect) connListeners.add(onConnect);
  if (!socket) {
    socket = io({ withCredentials: true });
    socket.on('notification', (m) => {
      if (m?.v === 1) for (const l of listeners) l(m.notification);
    });
    // after a reconnect the inbox may have grown while we were away: listeners reload their counts
    socket.on('connect', () => connListeners.forEach((l) => l()));
  }
  return () => {
    listeners.delete(fn);
    if (onConnect) connListeners.delete(onConnect);
    if (!listeners.size && socket) {
      socket.disconnect();
      socket = null;
    }
  };
}

/** A short two-tone alert (WebAudio; no asset). Browsers allow it after the first user gesture on the page. */
export function playAlertSound(severity: string) {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext: typeof AudioContext }).webkitAudioContext;
    const ctx = new Ctx();
    const tones = severity === 'critical' ? [988, 740, 988, 740] : severity === 'alarm' ? [880, 660] : [660];
    tones.forEach((f, i) => {
      const o = ctx.createOscillator();
      const g = ctx.createGain();
      o.frequency.value = f;
      o.type = 'square';
      g.gain.setValueAtTime(0.0001, ctx.currentTime + i * 0.22);
      g.gain.exponentialRampToValueAtTime(0.15, ctx.currentTime + i * 0.22 + 0.02);
      g.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.22 + 0.2);
      o.connect(g).connect(ctx.destination);
      o.start(ctx.currentTime + i * 0.22);
      o.stop(ctx.currentTime + i * 0.22 + 0.21);
    });
    setTimeout(() => ctx.close(), 1500);
  } catch {}
}

