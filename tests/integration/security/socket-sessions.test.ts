/**
 * The realtime gateway (server/realtime/gateway.ts) closes a browser's socket when its session ends — sign-out
 * through the real logout handler (Postgres NOTIFY), revocation, expiry or deletion (the sweep) — so no event
 * reaches it afterwards; and it refuses handshakes from a foreign Origin or Host.
 */
import './db-env.ts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Sql } from '../../../platform/db.ts';
import { connectInternal, type InternalClient } from '../../../platform/realtime/internal-client.ts';
import { createSession, revokeUserSessions } from '../../../server/auth/session.ts';
import { attachGateway, type Gateway } from '../../../server/realtime/gateway.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import type { Handler } from './harness.ts';

const TOKEN = 'security-test-token';
// forceNew everywhere: socket.io-client would otherwise share the worker's connection (and its headers) per URL

let sql: Sql;
let server: http.Server;
let gateway: Gateway;
let url: string;
let host: string;
let worker: InternalClient;
const allowed: string[] = [];
const users: Record<string, number> = {};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(f: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

interface Browser {
  socket: Socket;
  events: number;
  closedBy: string | null;
  token: string;
}
async function browser(username: string, ttlHours = 1, headers: Record<string, string> = {}): Promise<Browser> {
  const { token } = await createSession(sql, users[username], ttlHours, {});
  const socket = connect(url, { transports: ['websocket'], extraHeaders: { cookie: `esms_session=${token}`, ...headers }, reconnection: false, forceNew: true });
  const b: Browser = { socket, events: 0, closedBy: null, token };
  socket.onAny((event: string) => {
    if (event !== 'hello') b.events++;
  });
  socket.on('disconnect', (reason) => (b.closedBy = reason));
  await new Promise<void>((resolve, reject) => {
    socket.once('hello', () => resolve());
    socket.once('connect_error', reject);
  });
  return b;
}
function refusal(headers: Record<string, string>): Promise<string> {
  const s = connect(url, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    s.once('connect', () => {
      s.close();
      reject(new Error('connected'));
    });
    s.once('connect_error', (e) => {
      s.close();
      resolve(e.message);
    });
  });
}
/** Publishes to the user's own room every 50 ms while f runs. */
async function whilePublishing<T>(userId: number, f: () => Promise<T>): Promise<T> {
  const t = setInterval(() => worker.notify(userId, { id: 1, kind: 'digest', change: 'opened', severity: 'info', title: 't', body: 'b', url: null, alarmId: null, hazardId: null, siteId: null, siteName: null, createdAt: 1, eventAt: 1 } as never), 50);
  try {
    return await f();
  } finally {
    clearInterval(t);
  }
}

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  for (const u of ['karuo', 'jiangda', 'leader', 'tech']) [{ id: users[u] }] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${u}`;
  server = http.createServer();
  gateway = attachGateway(server, sql, TOKEN, { allowedHosts: allowed, sessionSweepMs: 200 });
  await gateway.sessions.ready;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  allowed.push(host);
  url = `http://${host}`;
  worker = connectInternal({ url, token: TOKEN, name: 'security-worker' });
  await until(() => worker.connected);
});
afterAll(async () => {
  worker?.close();
  await gateway?.close();
  await sql?.end();
  const { services } = await import('../../../server/services.ts');
  await services().sql.end();
});

describe('a socket lives no longer than its session', () => {
  it('sign-out through /api/auth/logout closes the socket at once; no event reaches it afterwards', async () => {
    const b = await browser('karuo');
    await whilePublishing(users.karuo, async () => {
      await until(() => b.events > 2);
      const { POST } = (await import('../../../app/api/auth/logout/route.ts')) as { POST: Handler };
      const r = await POST(new Request(`${url}/api/auth/logout`, { method: 'POST', headers: { cookie: `esms_session=${b.token}`, host, origin: url } }));
      expect(r.status).toBe(200);
      await until(() => b.closedBy, 3000);
      const after = b.events;
      await sleep(600);
      expect(b.events).toBe(after);
    });
    expect(b.closedBy).toBe('io server disconnect');
    // the session is gone: reconnecting is refused
    expect(await refusal({ cookie: `esms_session=${b.token}` })).toBe('UNAUTHENTICATED');
  });

  it("other sessions of the same user stay connected; revoking the user's sessions closes them all", async () => {
    const a = await browser('jiangda');
    const b = await browser('jiangda');
    const other = await browser('leader');
    await revokeUserSessions(sql, users.jiangda);
    await until(() => a.closedBy && b.closedBy, 3000);
    await sleep(300);
    expect(other.closedBy).toBeNull();
    other.socket.close();
  });

  it('an expired session is swept', async () => {
    const b = await browser('tech', 1.5 / 3600);
    expect(b.closedBy).toBeNull();
    await until(() => b.closedBy, 5000);
  });

  it('a session deleted without a notification is swept too', async () => {
    const b = await browser('tech');
    await sql`DELETE FROM sessions WHERE user_id = ${users.tech}`;
    await until(() => b.closedBy, 3000);
  });
});

describe('handshakes: Origin and Host', () => {
  it('a foreign Origin is refused, our own accepted', async () => {
    const { token } = await createSession(sql, users.leader, 1, {});
    const cookie = `esms_session=${token}`;
    expect(await refusal({ cookie, origin: 'http://evil.example' })).toMatch(/websocket error|FORBIDDEN/i);
    expect(await refusal({ cookie, origin: 'null' })).toMatch(/websocket error|FORBIDDEN/i);
    const ok = await browser('leader', 1, { origin: url });
    ok.socket.close();
  });

  it('a Host outside the allowlist is refused (DNS rebinding)', async () => {
    const { token } = await createSession(sql, users.leader, 1, {});
    expect(await refusal({ cookie: `esms_session=${token}`, host: 'rebind.evil.example' })).toMatch(/websocket error|FORBIDDEN/i);
  });
});
