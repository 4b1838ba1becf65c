/**
 * The worker's socket.io connection to the portal's `/internal` namespace (server/realtime/gateway.ts):
 * 'publish' carries room-addressed live events, 'beat' every 5 s feeds /api/health. Live data is ephemeral:
 * while the portal is unreachable events are dropped, never queued (browsers reload state from the database).
 */
import { io, type Socket } from 'socket.io-client';
import type { InternalPublish } from '../../lib/events/realtime.ts';
import { logger } from '../../platform/log.ts';

const log = logger('ingest.portal');

export class PortalLink {
  private socket: Socket | null = null;
  private beat: NodeJS.Timeout | null = null;
  sent = 0;
  dropped = 0;

  constructor(url: string | undefined, token: string | undefined, info: () => Record<string, unknown>, beatMs = 5000) {
    if (!url || !token) {
      log.warn('PORTAL_URL or INTERNAL_TOKEN not set: live deltas are not published');
      return;
    }
    this.socket = io(`${url.replace(/\/$/, '')}/internal`, {
      auth: { token, name: 'ingest' },
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket.on('connect', () => {
      log.info('connected to portal /internal');
      this.socket?.emit('beat', info());
    });
    this.socket.on('connect_error', (e) => log.warn({ err: e.message }, 'portal connect failed'));
    this.beat = setInterval(() => this.socket?.connected && this.socket.emit('beat', info()), beatMs);
    this.beat.unref();
  }

  get connected() {
    return this.socket?.connected ?? false;
  }

  publish(msg: InternalPublish) {
    if (!this.socket?.connected) {
      this.dropped++;
      return;
    }
    this.socket.emit('publish', msg);
    this.sent++;
  }

  close() {
    if (this.beat) clearInterval(this.beat);
    this.socket?.close();
  }
}
