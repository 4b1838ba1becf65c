/**
 * The portal's socket.io gateway (server/realtime/gateway.ts) on a real HTTP server and a seeded PostGIS, with
 * the workers' one internal client (platform/realtime/internal-client.ts): tokens and sessions are checked, browsers
 * join exactly their scope, published events reach exactly the rooms they name with their payload intact, and
 * messages of another version or shape, or of an unknown event, are dropped.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Sql } from '../../../platform/db.ts';
import { roomsForSite } from '../../../platform/scope.ts';
import { connectInternal, type InternalClient } from '../../../platform/realtime/internal-client.ts';
import type { AlarmEventPayload, ClientToServerEvents, JoinAck, NotificationPayload, ServerToClientEvents } from '../../../lib/events/realtime.ts';
import { createSession } from '../../../server/auth/session.ts';
import { attachGateway, type Gateway } from '../../../server/realtime/gateway.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';

const TOKEN = 'gateway-test-token';
type Browser = Socket<ServerToClientEvents, ClientToServerEvents>;

let sql: Sql;
let server: http.Server;
let gateway: Gateway;
let url: string;
const users: Record<string, number> = {};
const browsers: Record<string, Browser> = {};
const received: Record<string, { event: string; msg: unknown }[]> = {};
let worker: InternalClient;
let own: { id: string; category: string; countyAdcode: number };
let other: string;

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
/** The connect_error message of a socket that must be refused. */
function refusal(s: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    s.once('connect', () => reject(new Error('connected')));
    s.once('connect_error', (e) => resolve(e.message));
  });
}
async function browser(username: string): Promise<Browser> {
  const { token } = await createSession(sql, users[username], 1, {});
  const s: Browser = connect(url, { transports: ['websocket'], extraHeaders: { cookie: `esms_session=${token}` }, reconnection: false });
  received[username] = [];
  s.onAny((event: string, msg: unknown) => received[username].push({ event, msg }));
  await new Promise<void>((resolve, reject) => {
    s.once('hello', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}
const join = (s: Browser, room: string) => new Promise<JoinAck>((resolve) => s.emit('join', room, resolve));
const got = (u: string, event: string) => received[u].filter((r) => r.event === event).map((r) => r.msg);

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  for (const u of ['karuo', 'jiangda', 'leader']) [{ id: users[u] }] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${u}`;
  [own] = await sql<{ id: string; category: string; countyAdcode: number }[]>`
    SELECT id, category, county_adcode AS "countyAdcode" FROM sites WHERE county_adcode = 540302 ORDER BY id LIMIT 1`;
  [{ id: other }] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540321 ORDER BY id LIMIT 1`;
  server = http.createServer();
  gateway = attachGateway(server, sql, TOKEN);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const u of ['karuo', 'jiangda', 'leader']) browsers[u] = await browser(u);
  worker = connectInternal({ url, token: TOKEN, name: 'test-worker', beat: () => ({ probe: 1 }), beatMs: 100 });
  await until(() => worker.connected);
});
afterAll(async () => {
  worker?.close();
  for (const s of Object.values(browsers)) s.close();
  await gateway?.close();
  await sql?.end();
});

describe('who may connect', () => {
  it('a worker with the wrong token and a browser without a session are refused', async () => {
    const w = connect(`${url}/internal`, { transports: ['websocket'], auth: { token: 'wrong', name: 'x' }, reconnection: false });
    expect(await refusal(w)).toBe('FORBIDDEN');
    w.close();
    const b = connect(url, { transports: ['websocket'], reconnection: false });
    expect(await refusal(b)).toBe('UNAUTHENTICATED');
    b.close();
  });

  it("a worker's beats are listed for /api/health, and its leaving is noticed", async () => {
    const w = await until(() => gateway.workers.get('test-worker')?.info && gateway.workers.get('test-worker'));
    expect(w).toMatchObject({ connected: true, info: { probe: 1 } });
    const short = connectInternal({ url, token: TOKEN, name: 'short-lived' });
    await until(() => short.connected);
    short.close();
    await until(() => gateway.workers.get('short-lived')?.connected === false);
  });
});

describe('rooms', () => {
  it('browsers join exactly their scope, and site rooms only within it', async () => {
    expect(await join(browsers.karuo, `site:${own.id}`)).toEqual({ ok: true, room: `site:${own.id}` });
    expect(await join(browsers.karuo, `site:${other}`)).toMatchObject({ ok: false });
    expect(await join(browsers.karuo, 'site:NO-SUCH-SITE')).toMatchObject({ ok: false });
    expect(await join(browsers.karuo, 'county:540321')).toMatchObject({ ok: false });
    expect(await join(browsers.karuo, 'all')).toMatchObject({ ok: false });
    expect(await join(browsers.leader, `site:${other}`)).toMatchObject({ ok: true });
  });
});

describe('relay', () => {
  const alarm: AlarmEventPayload = {
    id: 1, siteId: '', siteName: '测试', countyAdcode: 540302, category: 'temple', deviceId: 'D-1', ch: 1, circuitId: 1, circuitName: '回路1',
    type: 'residual_current', severity: 'alarm', openedAt: 1, clearedAt: null, recoveredAt: null, value: 320, threshold: 300, reasonZh: '剩余电流', reasonEn: 'residual', change: 'opened',
  };

  it('each event reaches exactly the rooms it names, payload intact', async () => {
    const delta = { v: 1 as const, at: 5, sites: [{ id: own.id, status: 'normal' as const, lastSeenAt: 5, activeAlarms: 0 }] };
    worker.publish({ v: 1, rooms: ['county:540302'], event: 'sites:delta', payload: delta });
    const a = { ...alarm, siteId: own.id };
    worker.publish({ v: 1, rooms: roomsForSite(own), event: 'alarm', payload: { v: 1, alarm: a } });
    const n: NotificationPayload = {
      id: 9, kind: 'alarm', change: 'opened', severity: 'alarm', title: 't', body: 'b', url: '/alarms/1', alarmId: 1, hazardId: null, siteId: own.id, siteName: null, createdAt: 1, eventAt: 1,
    };
    worker.notify(users.jiangda, n);
    await until(() => got('karuo', 'alarm').length && got('leader', 'alarm').length && got('jiangda', 'notification').length);
    expect(got('karuo', 'sites:delta')).toEqual([delta]);
    expect(got('leader', 'sites:delta')).toEqual([]); // the leader is in 'all', not in the county's room
    expect(got('karuo', 'alarm')).toEqual([{ v: 1, alarm: a }]);
    expect(got('leader', 'alarm')).toEqual([{ v: 1, alarm: a }]);
    expect(got('jiangda', 'alarm')).toEqual([]);
    expect(got('jiangda', 'notification')).toEqual([{ v: 1, notification: n }]);
    expect(got('karuo', 'notification')).toEqual([]);
    expect(worker.counters.sent).toBeGreaterThanOrEqual(2);
  });

  it('another version, no rooms, a payload without v, or an unknown event: dropped', async () => {
    for (const u of Object.keys(received)) received[u].length = 0;
    // a raw client: what a buggy or newer worker could put on the wire
    const raw = connect(`${url}/internal`, { transports: ['websocket'], auth: { token: TOKEN, name: 'raw' }, reconnection: false });
    await new Promise<void>((r) => raw.once('connect', () => r()));
    const payload = { v: 1, at: 1, sites: [] };
    raw.emit('publish', { v: 2, rooms: ['all'], event: 'sites:delta', payload });
    raw.emit('publish', { v: 1, rooms: [], event: 'sites:delta', payload });
    raw.emit('publish', { v: 1, rooms: 'all', event: 'sites:delta', payload });
    raw.emit('publish', { v: 1, rooms: ['all'], event: 'sites:delta', payload: { at: 1, sites: [] } });
    raw.emit('publish', { v: 1, rooms: ['all'], event: 'hello', payload: { v: 1, rooms: [], user: 'spoof' } });
    raw.emit('publish', { v: 1, rooms: ['all'], event: 'shutdown', payload: { v: 1 } });
    raw.emit('publish', null);
    // then a well-formed marker: one socket's messages are relayed in order, so nothing above came after it
    raw.emit('publish', { v: 1, rooms: ['all'], event: 'sites:delta', payload: { v: 1, at: 42, sites: [] } });
    await until(() => got('leader', 'sites:delta').length);
    expect(received.leader).toEqual([{ event: 'sites:delta', msg: { v: 1, at: 42, sites: [] } }]);
    raw.close();
  });
});
