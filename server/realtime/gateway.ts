/**
 * socket.io on the portal's port. Browsers authenticate with their session cookie and join exactly the rooms
 * their scope allows (platform/scope.ts); workers publish through the `/internal` namespace with a token
 * (platform/realtime/internal-client.ts), and the portal relays each event, typed by lib/events/realtime.ts, to
 * the rooms the worker named. A browser socket lives no longer than its session (session-sockets.ts), and
 * handshakes must name an allowed Host and, from a browser, our own Origin (server/http/host-guard.ts).
 */
import type http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Server } from 'socket.io';
import type { Sql } from '../../platform/db.ts';
import { REALTIME_VERSION, userRoom, type ClientToServerEvents, type InternalClientToServer, type InternalPublish, type ServerToClientEvents } from '../../lib/events/realtime.ts';
import { principalFromToken, readCookie, SESSION_COOKIE, sessionIdOf } from '../auth/session.ts';
import { hostAllowed, originAllowed } from '../http/host-guard.ts';
import { trackSessionSockets, type SessionSockets } from './session-sockets.ts';
import { canJoinRoom, roomsForScope, type Principal } from '../../platform/scope.ts';
import { findSite } from '../queries/visible-site.ts';

export interface WorkerBeat {
  name: string;
  connected: boolean;
  lastSeen: number;
  info?: Record<string, unknown>;
}

/**
 * socket.io gives every namespace the server's event maps: the server listens for the browsers' events on '/'
 * and the workers' on '/internal'. `principal` is set on '/' by the auth middleware; '/internal' never reads it.
 */
type SocketData = { principal: Principal; sessionId: string };
type PortalServer = Server<ClientToServerEvents & InternalClientToServer, ServerToClientEvents, Record<string, never>, SocketData>;

export interface GatewayOptions {
  /** Host allowlist (server/http/host-guard.ts); unset: any Host, but a browser's Origin must still match it */
  allowedHosts?: readonly string[];
  /** how often sockets of expired or revoked sessions are swept (ms) */
  sessionSweepMs?: number;
}

export interface Gateway {
  io: PortalServer;
  workers: Map<string, WorkerBeat>;
  sessions: SessionSockets;
  close(): Promise<void>;
}

const safeEq = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The wire is a worker's word, not the type's: a message of another version or shape is dropped. */
function wellFormed(msg: InternalPublish): boolean {
  return (
    !!msg &&
    msg.v === REALTIME_VERSION &&
    Array.isArray(msg.rooms) &&
    msg.rooms.length > 0 &&
    msg.rooms.every((r) => typeof r === 'string') &&
    typeof msg.payload === 'object' &&
    msg.payload?.v === REALTIME_VERSION
  );
}

/** Relays one published event; false when dropped. Each case narrows the payload to its event's type. */
export function relay(io: PortalServer, msg: InternalPublish): boolean {
  if (!wellFormed(msg)) return false;
  const to = io.to(msg.rooms);
  switch (msg.event) {
    case 'sites:delta':
      return to.emit('sites:delta', msg.payload);
    case 'circuits:delta':
      return to.emit('circuits:delta', msg.payload);
    case 'alarm':
      return to.emit('alarm', msg.payload);
    case 'notification':
      return to.emit('notification', msg.payload);
    default:
      return false; // an event this portal does not know (a newer worker): dropped
  }
}

export function attachGateway(server: http.Server, sql: Sql, internalToken: string, opts: GatewayOptions = {}): Gateway {
  const io = new Server<ClientToServerEvents & InternalClientToServer, ServerToClientEvents, Record<string, never>, SocketData>(server, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 10_000,
    // every handshake (polling and websocket upgrade): our Host, and a browser's Origin on that same host
    allowRequest: (req, cb) => {
      const host = req.headers.host;
      const ok = (!opts.allowedHosts || hostAllowed(host, opts.allowedHosts)) && originAllowed(req.headers.origin, host, opts.allowedHosts ?? [host ?? '']);
      cb(ok ? null : 'FORBIDDEN_ORIGIN', ok);
    },
  });
  const workers = new Map<string, WorkerBeat>();
  const sessions = trackSessionSockets(sql, { sweepMs: opts.sessionSweepMs });

  io.use(async (socket, next) => {
    try {
      const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
      const principal = await principalFromToken(sql, token);
      if (!principal || !token) return next(new Error('UNAUTHENTICATED'));
      socket.data.principal = principal;
      socket.data.sessionId = sessionIdOf(token);
      next();
    } catch {
      next(new Error('UNAVAILABLE'));
    }
  });

  io.on('connection', (socket) => {
    const p = socket.data.principal;
    const sid = socket.data.sessionId;
    sessions.add(sid, socket);
    socket.on('disconnect', () => sessions.remove(sid, socket));
    const rooms = roomsForScope(p.scope);
    socket.join(rooms);
    socket.join(userRoom(p.userId)); // personal notifications (workers/notify)
    socket.emit('hello', { v: REALTIME_VERSION, rooms, user: p.username });
    socket.on('join', async (room, ack) => {
      if (typeof ack !== 'function') return;
      if (typeof room !== 'string' || room.length > 80) return ack({ ok: false, room: String(room).slice(0, 80), error: 'BAD_ROOM' });
      const site = room.startsWith('site:') ? await findSite(sql, room.slice(5)) : null;
      if (!canJoinRoom(p.scope, room, site)) return ack({ ok: false, room, error: 'FORBIDDEN' });
      await socket.join(room);
      ack({ ok: true, room });
    });
    socket.on('leave', (room) => {
      if (typeof room === 'string' && !rooms.includes(room)) socket.leave(room);
    });
  });

  const internal = io.of('/internal');
  internal.use((socket, next) => {
    const token = String(socket.handshake.auth?.token ?? '');
    if (!safeEq(token, internalToken)) return next(new Error('FORBIDDEN'));
    next();
  });
  internal.on('connection', (socket) => {
    const name = String(socket.handshake.auth?.name ?? 'worker').slice(0, 40);
    workers.set(name, { name, connected: true, lastSeen: Date.now() });
    socket.on('beat', (info) => workers.set(name, { name, connected: true, lastSeen: Date.now(), info }));
    socket.on('publish', (msg) => void relay(io, msg));
    socket.on('disconnect', () => {
      const w = workers.get(name);
      if (w) w.connected = false;
    });
  });

  return {
    io,
    workers,
    sessions,
    close: async () => {
      await sessions.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
