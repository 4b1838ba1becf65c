/**
 * The one connection a worker keeps to the portal's `/internal` socket.io namespace (server/realtime/gateway.ts):
 * `publish` sends room-addressed live events typed by lib/events/realtime.ts (InternalPublish), and a beat every
 * few seconds feeds /api/health. The portal may start later or restart: socket.io reconnects on its own.
 *
 * While the portal is unreachable, live deltas are dropped (and counted), never queued: they are superseded
 * within seconds and browsers reload state from the database on reconnect. Notifications are few and personal,
 * so socket.io holds them until it reconnects (the notification row is the delivery; the event is best effort).
 */
import { io, type Socket } from 'socket.io-client';
import { userRoom, type InternalClientToServer, type InternalPublish, type NotificationPayload } from '../../lib/events/realtime.ts';
import { logger } from '../log.ts';

export interface InternalClientOpts {
  /** the portal's base URL (PORTAL_URL); without it, or without the token, nothing is sent */
  url: string | undefined;
  token: string | undefined;
  /** the connection's name in the portal's worker list and /api/health */
  name: string;
  /** what each beat carries (no beats without it): sent on connect and every beatMs */
  beat?: () => Record<string, unknown>;
  beatMs?: number;
}

export interface InternalClient {
  readonly connected: boolean;
  /** live events sent, and dropped while disconnected */
  readonly counters: { sent: number; dropped: number };
  publish(msg: InternalPublish): void;
  /** a personal notification to the user's room (held until reconnect, see above) */
  notify(userId: number, n: NotificationPayload): void;
  /** one beat now, for callers that keep their own timer (skipped while disconnected) */
  beat(info: Record<string, unknown>): void;
  close(): void;
}

export function connectInternal(o: InternalClientOpts): InternalClient {
  const log = logger(`${o.name}.portal`);
  const counters = { sent: 0, dropped: 0 };
  if (!o.url || !o.token) {
    log.warn('PORTAL_URL or INTERNAL_TOKEN not set: nothing is published to browsers');
    return {
      connected: false,
      counters,
      publish: () => void counters.dropped++,
      notify: () => {},
      beat: () => {},
      close: () => {},
    };
  }
  const socket: Socket<Record<string, never>, InternalClientToServer> = io(`${o.url.replace(/\/$/, '')}/internal`, {
    auth: { token: o.token, name: o.name },
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  const beat = o.beat;
  let warned = false;
  socket.on('connect', () => {
    warned = false;
    log.info('connected to portal /internal');
    if (beat) socket.emit('beat', beat());
  });
  // once per outage: the portal starts after the broker, and restarts are normal
  socket.on('connect_error', (e) => {
    if (!warned) log.warn({ err: e.message }, 'portal not reachable (will retry)');
    warned = true;
  });
  const timer = beat
    ? setInterval(() => {
        if (socket.connected) socket.emit('beat', beat());
      }, o.beatMs ?? 5000)
    : null;
  timer?.unref();

  return {
    get connected() {
      return socket.connected;
    },
    counters,
    publish(msg) {
      if (!socket.connected) {
        counters.dropped++;
        return;
      }
      socket.emit('publish', msg);
      counters.sent++;
    },
    notify(userId, n) {
      socket.emit('publish', { v: 1, rooms: [userRoom(userId)], event: 'notification', payload: { v: 1, notification: n } });
    },
    beat(info) {
      if (socket.connected) socket.emit('beat', info);
    },
    close() {
      if (timer) clearInterval(timer);
      socket.close();
    },
  };
}
