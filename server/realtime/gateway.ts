/**
 * socket.io on the portal's port. Browsers authenticate with their session cookie and join exactly the rooms
 * their scope allows (server/auth/scope.ts); workers publish through the `/internal` namespace with a token.
 */
import type http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Server, type Namespace, type Socket } from 'socket.io';
import type { Sql } from '../../platform/db.ts';
import type { ClientToServerEvents, InternalClientToServer, InternalPublish, ServerToClientEvents } from '../../lib/events/realtime.ts';
import { userRoom } from '../../lib/events/realtime.ts';
import { principalFromToken, readCookie, SESSION_COOKIE } from '../auth/session.ts';
import { canJoinRoom, roomsForScope, type Principal, type SiteRef } from '../../platform/scope.ts';

export interface WorkerBeat {
  name: string;
  connected: boolean;
  lastSeen: number;
  info?: Record<string, unknown>;
}

export interface Gateway {
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  workers: Map<string, WorkerBeat>;
  close(): Promise<void>;
}

const safeEq = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function attachGateway(server: http.Server, sql: Sql, internalToken: string): Gateway {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal: Principal }>(server, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 10_000,
  });
  const workers = new Map<string, WorkerBeat>();

  io.use(async (socket, next) => {
    try {
      const principal = await principalFromToken(sql, readCookie(socket.handshake.headers.cookie, SESSION_COOKIE));
      if (!principal) return next(new Error('UNAUTHENTICATED'));
      socket.data.principal = principal;
      next();
    } catch {
      next(new Error('UNAVAILABLE'));
    }
  });

  io.on('connection', (socket: Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal: Principal }>) => {
    const p = socket.data.principal;
    const rooms = roomsForScope(p.scope);
    socket.join(rooms);
    socket.join(userRoom(p.userId)); // personal notifications (workers/notify)
    socket.emit('hello', { v: 1, rooms, user: p.username });
    socket.on('join', async (room, ack) => {
      if (typeof ack !== 'function') return;
      if (typeof room !== 'string' || room.length > 80) return ack({ ok: false, room: String(room).slice(0, 80), error: 'BAD_ROOM' });
      let site: SiteRef | null = null;
      if (room.startsWith('site:')) {
        const [row] = await sql<{ id: string; category: string; county_adcode: number }[]>`
          SELECT id, category, county_adcode FROM sites WHERE id = ${room.slice(5)}`;
        site = row ? { id: row.id, category: row.category, countyAdcode: row.county_adcode } : null;
      }
      if (!canJoinRoom(p.scope, room, site)) return ack({ ok: false, room, error: 'FORBIDDEN' });
      await socket.join(room);
      ack({ ok: true, room });
    });
    socket.on('leave', (room) => {
      if (typeof room === 'string' && !rooms.includes(room)) socket.leave(room);
    });
  });

  const internal = io.of('/internal') as unknown as Namespace<InternalClientToServer>;
  internal.use((socket, next) => {
    const token = String(socket.handshake.auth?.token ?? '');
    if (!safeEq(token, internalToken)) return next(new Error('FORBIDDEN'));
    next();
  });
  internal.on('connection', (socket) => {
    const name = String(socket.handshake.auth?.name ?? 'worker').slice(0, 40);
    workers.set(name, { name, connected: true, lastSeen: Date.now() });
    socket.on('beat', (info: Record<string, unknown>) => workers.set(name, { name, connected: true, lastSeen: Date.now(), info }));
    socket.on('publish', (msg: InternalPublish) => {
      if (!msg || msg.v !== 1 || !Array.isArray(msg.rooms) || msg.rooms.length === 0) return;
      io.to(msg.rooms).emit(msg.event as 'alarm', msg.payload as never);
    });
    socket.on('disconnect', () => {
      const w = workers.get(name);
      if (w) w.connected = false;
    });
  });

  return {
    io,
    workers,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}
