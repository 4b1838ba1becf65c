/** Live events to browsers through the portal's /internal namespace (socket.io-client), plus the 5 s beat. */
import { io, type Socket } from 'socket.io-client';
import { userRoom, type InternalPublish, type NotificationPayload } from '../../lib/events/realtime.ts';

export interface Publisher {
  notify(userId: number, n: NotificationPayload): void;
  beat(info: Record<string, unknown>): void;
  close(): void;
}

/** `name` identifies the connection in the portal's worker list (the report scheduler connects as 'reports'). */
export function connectPublisher(portalUrl: string | undefined, token: string | undefined, name = 'notify'): Publisher {
  if (!portalUrl || !token) return { notify() {}, beat() {}, close() {} };
  const socket: Socket = io(`${portalUrl}/internal`, {
    auth: { token, name },
    transports: ['websocket'],
    reconnectionDelayMax: 5000,
  });
  return {
    notify(userId, n) {
      const msg: InternalPublish = { v: 1, rooms: [userRoom(userId)], event: 'notification', payload: { v: 1, notification: n } };
      socket.emit('publish', msg);
    },
    beat(info) {
      if (socket.connected) socket.emit('beat', info);
    },
    close() {
      socket.close();
    },
  };
}
