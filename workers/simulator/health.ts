/**
 * Liveness for the portal's /api/health: a socket.io connection to `${PORTAL_URL}/internal` (auth token +
 * name 'simulator') emitting 'beat' {devices, msgsPerSec, simTime, speed} every 5 s. The portal may start
 * later or restart: socket.io reconnects on its own; beats while disconnected are simply skipped.
 */
import { io, type Socket } from 'socket.io-client';
import { logger } from '../../platform/log.ts';

const log = logger('simulator.health');

export interface Beat {
  devices: number;
  msgsPerSec: number;
  simTime: string;
  speed: number;
}

export class HealthLink {
  private socket: Socket | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(url: string | undefined, token: string | undefined, beat: () => Beat, everyMs = 5000) {
    if (!url || !token) {
      log.warn('PORTAL_URL or INTERNAL_TOKEN not set: no health beats');
      return;
    }
    const s = io(`${url.replace(/\/$/, '')}/internal`, {
      auth: { token, name: 'simulator' },
      transports: ['websocket'],
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket = s;
    let warned = false;
    s.on('connect', () => {
      warned = false;
      log.info('connected to portal /internal');
      s.emit('beat', beat());
    });
    s.on('connect_error', (e) => {
      if (!warned) log.warn({ err: e.message }, 'portal not reachable yet (will retry)');
      warned = true;
    });
    this.timer = setInterval(() => {
      if (s.connected) s.emit('beat', beat());
    }, everyMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.socket?.close();
  }
}
