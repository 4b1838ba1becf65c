/**
 * Latching on the real pipeline (GB 14287): a terminal that overheats opens a 报警/危急 alarm; when it cools the
 * alarm is 已恢复待复位 (recovered_at set, cleared_at NULL, still active, live event 'recovered'); a reset needs a
 * note, is refused while the condition is present, by a read-only role and outside the caller's scope, and once made
 * clears the alarm, audits it, and the ingest worker takes it off the site's active alarms ('reset').
 */
import getPort from 'get-port';
import http from 'node:http';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { InternalPublish } from '../../../lib/events/realtime.ts';
import { scopeFor, type Principal } from '../../../platform/scope.ts';
import { resetAlarm } from '../../../server/workflow/alarms/reset.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import { createFixture, dropFixture, FIXTURE_COUNTY, telemetry, topicOf } from './fixtures.ts';
import { connectPublisher, killSpawned, publishAll, spawnIngest, waitFor } from './harness.ts';

const sql = testSql();
const prefix = 'IT-LATCH';
const TOKEN = 'it-internal-token-latch-0123456789';
let fx: Awaited<ReturnType<typeof createFixture>>;
let server: http.Server;
let io: Server;
let port: number;
const published: InternalPublish[] = [];

async function principal(username: string, role: Principal['role'], countyAdcode: number | null): Promise<Principal> {
  const [u] = await sql<{ id: number }[]>`
    INSERT INTO users (username, password_hash, display_name, role, county_adcode) VALUES (${username}, 'x', ${username}, ${role}, ${countyAdcode})
    ON CONFLICT (username) DO UPDATE SET role = excluded.role RETURNING id`;
  return { userId: u.id, username, displayName: username, role, departmentId: null, countyAdcode, deviceIds: [], scope: scopeFor({ role, departmentId: null, countyAdcode, siteIds: [] }) };
}

beforeAll(async () => {
  await ensureSeeded(sql); // roles and departments
  await dropFixture(sql, prefix);
  fx = await createFixture(sql, prefix, { sites: 1, devicesPerSite: 1, channels: 2, category: 'temple' });
  port = await getPort();
  server = http.createServer();
  io = new Server(server);
  io.of('/internal').use((s, next) => (s.handshake.auth?.token === TOKEN ? next() : next(new Error('FORBIDDEN'))));
  io.of('/internal').on('connection', (s) => s.on('publish', (m: InternalPublish) => published.push(m)));
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
});
afterAll(async () => {
  killSpawned();
  io.close();
  await sql`DELETE FROM users WHERE username LIKE 'it-latch-%'`;
  await dropFixture(sql, prefix);
  await sql.end();
});

const alarmEvents = (change: string) =>
  published.flatMap((m) => (m.event === 'alarm' && m.payload.alarm.deviceId === fx.devices[0].id && m.payload.alarm.change === change ? [m.payload.alarm] : []));

describe('latching', () => {
  it('holds a recovered heat alarm until a person resets it, and refuses the wrong reset', async () => {
    const [d] = fx.devices;
    const w = spawnIngest({
      DATABASE_URL: inject('dbUrl'), MQTT_URL: inject('mosquittoUrl'), INGEST_CLIENT_ID: `it-latch-${Date.now()}`,
      PORTAL_URL: `http://127.0.0.1:${port}`, INTERNAL_TOKEN: TOKEN, INGEST_LIVE_INTERVAL_MS: '300',
    });
    await w.ready;
    const pub = await connectPublisher(inject('mosquittoUrl'));
    const t0 = Date.now() - 120 * 60_000;
    const msgs = [{ topic: topicOf(d, 'status'), payload: JSON.stringify({ v: 1, online: true, ts: t0 }) }];
    // channel 1's terminal climbs to 110 °C on a PVC (70 °C) circuit, then is fixed and stays at 30 °C for an hour
    for (let s = 1; s <= 100; s++) {
      const m = telemetry(d, s, t0 + s * 60_000);
      m.channels[0].ta = s <= 40 ? 30 + Math.min(s, 20) * 4 : 30;
      msgs.push({ topic: topicOf(d), payload: JSON.stringify(m) });
    }
    await publishAll(pub, msgs.slice(0, 41), 1);
    const [open] = await waitFor(async () => {
      const rows = await sql<{ id: number; severity: string }[]>`
        SELECT id, severity FROM alarms WHERE device_id = ${d.id} AND ch = 1 AND cleared_at IS NULL AND severity <> 'warning'`;
      return rows.length ? rows : null;
    }, 60_000);
    const leader = await principal('it-latch-leader', 'leader', null);
    const outsider = await principal('it-latch-mgr', 'site_manager', null);
    const county = await principal('it-latch-county', 'county', FIXTURE_COUNTY);
    // the condition is still there: no reset yet
    await expect(resetAlarm(sql, county, open.id, null, '已处理')).rejects.toMatchObject({ code: 'CONFLICT' });

    await publishAll(pub, msgs.slice(41), 1);
    const [held] = await waitFor(async () => {
      const rows = await sql<{ cleared_at: Date | null; recovered_at: Date | null; severity: string }[]>`
        SELECT cleared_at, recovered_at, severity FROM alarms WHERE id = ${open.id} AND recovered_at IS NOT NULL`;
      return rows.length ? rows : null;
    }, 60_000);
    expect(held.cleared_at).toBeNull();
    expect(['alarm', 'critical']).toContain(held.severity);
    const rec = await waitFor(async () => alarmEvents('recovered')[0], 60_000);
    expect(rec).toMatchObject({ id: open.id, clearedAt: null, recoveredAt: held.recovered_at!.getTime() });
    // still one of the site's active alarms: the site does not read normal
    const status = await waitFor(async () => {
      const last = published.filter((m) => m.event === 'sites:delta' && m.rooms[0] === `site:${d.site}`).at(-1);
      return last?.event === 'sites:delta' ? last.payload.sites[0] : null;
    });
    expect(status.activeAlarms).toBeGreaterThan(0);
    expect(status.status).not.toBe('normal');

    await expect(resetAlarm(sql, leader, open.id, null, '已处理')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(resetAlarm(sql, outsider, open.id, null, '已处理')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await resetAlarm(sql, county, open.id, null, '已紧固接线端子，复测温度正常');
    const [after] = await sql<{ cleared_at: Date | null; reset_by: number; reset_note: string; acknowledged_at: Date | null }[]>`
      SELECT cleared_at, reset_by, reset_note, acknowledged_at FROM alarms WHERE id = ${open.id}`;
    expect(after.cleared_at).not.toBeNull();
    expect(after).toMatchObject({ reset_by: county.userId, reset_note: '已紧固接线端子，复测温度正常' });
    expect(after.acknowledged_at).not.toBeNull();
    const [aud] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'alarm.reset' AND target = ${`alarm:${open.id}`}`;
    expect(aud.n).toBe(1);
    await expect(resetAlarm(sql, county, open.id, null, '再次复位')).rejects.toMatchObject({ code: 'CONFLICT' });
    const reset = await waitFor(async () => alarmEvents('reset')[0], 60_000);
    expect(reset.id).toBe(open.id);
    pub.end(true);
    expect(await w.stop()).toBe(0);
  });
});
