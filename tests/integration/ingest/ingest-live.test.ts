/**
 * Detection and live deltas: a hot terminal opens an alarm (stored, published as 'alarm' to the site's scope
 * rooms), the site's status follows it in a coalesced 'sites:delta', circuits:delta reaches the site room only,
 * a beat arrives, and detection state is snapshotted on stop.
 */
import http from 'node:http';
import { Server } from 'socket.io';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { InternalPublish } from '../../../lib/events/realtime.ts';
import { testSql } from '../helpers/db.ts';
import { createFixture, dropFixture, telemetry, topicOf } from './fixtures.ts';
import { connectPublisher, killSpawned, publishAll, spawnIngest, waitFor } from './harness.ts';

const sql = testSql();
const prefix = 'IT-LIVE';
const TOKEN = 'it-internal-token-0123456789';
let fx: Awaited<ReturnType<typeof createFixture>>;
let server: http.Server;
let io: Server;
let port: number;
const published: InternalPublish[] = [];
const beats: unknown[] = [];

beforeAll(async () => {
  await dropFixture(sql, prefix);
  fx = await createFixture(sql, prefix, { sites: 2, devicesPerSite: 1, channels: 4, category: 'temple' });
  port = await getPort();
  server = http.createServer();
  io = new Server(server);
  io.of('/internal').use((s, next) => (s.handshake.auth?.token === TOKEN ? next() : next(new Error('FORBIDDEN'))));
  io.of('/internal').on('connection', (s) => {
    s.on('publish', (m: InternalPublish) => published.push(m));
    s.on('beat', (b: unknown) => beats.push(b));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
});
afterAll(async () => {
  killSpawned();
  io.close();
  await dropFixture(sql, prefix);
  await sql.end();
});

describe('detection and live deltas', () => {
  it('opens an alarm, publishes coalesced deltas to scope rooms, snapshots state', async () => {
    const [d, quiet] = fx.devices;
    const w = spawnIngest({
      DATABASE_URL: inject('dbUrl'), MQTT_URL: inject('mosquittoUrl'), INGEST_CLIENT_ID: `it-live-${Date.now()}`,
      PORTAL_URL: `http://127.0.0.1:${port}`, INTERNAL_TOKEN: TOKEN, INGEST_LIVE_INTERVAL_MS: '300',
    });
    await w.ready;
    const pub = await connectPublisher(inject('mosquittoUrl'));
    const t0 = Date.now() - 40 * 60_000;
    const msgs = [{ topic: topicOf(d, 'status'), payload: JSON.stringify({ v: 1, online: true, ts: t0 }) }];
    for (let s = 1; s <= 40; s++) {
      const m = telemetry(d, s, t0 + s * 60_000);
      m.channels[0].ta = 30 + Math.min(s, 20) * 4; // channel 1 terminal climbs to 110 °C on a PVC (70 °C) circuit
      msgs.push({ topic: topicOf(d), payload: JSON.stringify(m) });
    }
    await publishAll(pub, msgs, 1);
    const alarm = await waitFor(async () => {
      const rows = await sql<{ id: number; type: string; severity: string; ch: number; site_id: string }[]>`
        SELECT id, type, severity, ch, site_id FROM alarms WHERE device_id = ${d.id} AND cleared_at IS NULL`;
      return rows.length ? rows : null;
    });
    expect(alarm.some((a) => a.ch === 1)).toBe(true);
    const site = d.site;
    const ev = await waitFor(async () => published.find((m) => m.event === 'alarm' && (m.payload as { alarm: { deviceId: string } }).alarm.deviceId === d.id));
    expect(ev.rooms).toEqual(['all', 'cat:temple', 'county:999901', `site:${site}`]);
    // the assertion is the wait itself: it fails the test unless the site's live status reaches an alarm severity
    await waitFor(async () => {
      const last = published.filter((m) => m.event === 'sites:delta' && m.rooms[0] === `site:${site}`).at(-1);
      const st = (last?.payload as { sites: { status: string }[] } | undefined)?.sites[0].status;
      return st && ['warning', 'alarm', 'critical'].includes(st) ? st : null;
    });
    // circuits go to the site room only; at most one message per room and event per tick
    const circ = published.filter((m) => m.event === 'circuits:delta');
    expect(circ.length).toBeGreaterThan(0);
    expect(circ.every((m) => m.rooms.length === 1 && m.rooms[0] === `site:${site}`)).toBe(true);
    const perTick = new Map<string, number>();
    for (const m of published) {
      if (m.event === 'alarm') continue;
      const k = `${(m.payload as { at: number }).at}|${m.event}|${m.rooms.join()}`;
      perTick.set(k, (perTick.get(k) ?? 0) + 1);
    }
    expect(Math.max(...perTick.values())).toBe(1);
    // the quiet device's site never became live
    expect(published.some((m) => m.event === 'sites:delta' && m.rooms[0] === `site:${quiet.site}` &&
      (m.payload as { sites: { status: string }[] }).sites[0].status !== 'offline')).toBe(false);
    await waitFor(async () => beats.length > 0, 10_000);
    // the persisted status follows the published one (both may still move: an alarm can escalate meanwhile)
    const lastPublished = () => (published.filter((m) => m.event === 'sites:delta' && m.rooms[0] === `site:${site}`).at(-1)?.payload as { sites: { status: string }[] }).sites[0].status;
    await waitFor(async () => (await sql<{ status: string }[]>`SELECT status FROM sites WHERE id = ${site}`)[0].status === lastPublished(), 10_000);
    pub.end(true);
    expect(await w.stop()).toBe(0);
    const [snap] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM detection_state WHERE device_id = ${d.id}`;
    expect(snap.n).toBe(4);
  });
});
