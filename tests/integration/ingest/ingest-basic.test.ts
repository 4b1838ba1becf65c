/**
 * The ingest path end to end on both brokers: telemetry → readings (+ rollups), duplicates stored once, seq
 * gaps counted, events, retained status → devices.online, orderly SIGTERM stop.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testSql } from '../helpers/db.ts';
import { createFixture, dropFixture, telemetry, topicOf } from './fixtures.ts';
import { killSpawned, connectPublisher, publishAll, spawnIngest, waitFor } from './harness.ts';

const sql = testSql();
afterAll(async () => {
  killSpawned();
  await sql.end();
});

describe.each([
  ['aedes', 'embeddedMqttUrl'],
  ['mosquitto', 'mosquittoUrl'],
] as const)('ingest via %s', (name, key) => {
  const prefix = `IT-BASIC-${name}`;
  let fx: Awaited<ReturnType<typeof createFixture>>;
  beforeAll(async () => {
    await dropFixture(sql, prefix);
    fx = await createFixture(sql, prefix, { sites: 3, devicesPerSite: 2, channels: 4 });
  });
  afterAll(() => dropFixture(sql, prefix));

  it('stores each sample once, counts duplicates and gaps, applies status and events', async () => {
    const w = spawnIngest({ DATABASE_URL: inject('dbUrl'), MQTT_URL: inject(key), INGEST_CLIENT_ID: `it-basic-${name}-${Date.now()}`, INGEST_ROLLUP_1M_MS: '300', INGEST_ROLLUP_1H_MS: '500' });
    await w.ready;
    const pub = await connectPublisher(inject(key));
    const t0 = Date.now() - 60_000;
    const N = 100;
    const msgs: { topic: string; payload: string; retain?: boolean }[] = [];
    for (const d of fx.devices) msgs.push({ topic: topicOf(d, 'status'), payload: JSON.stringify({ v: 1, online: true, ts: t0, fw: '1.2.3' }), retain: true });
    const [d0, d1] = fx.devices;
    for (let s = 1; s <= N; s++) {
      for (const d of fx.devices) {
        if (d === d0 && (s === 40 || s === 41)) continue; // two lost
        msgs.push({ topic: topicOf(d), payload: JSON.stringify(telemetry(d, s, t0 + s * 100)) });
        if (d === d1 && s % 10 === 0) msgs.push({ topic: topicOf(d), payload: JSON.stringify(telemetry(d, s, t0 + s * 100)) }); // device resend
      }
    }
    msgs.push({ topic: topicOf(d0, 'event'), payload: JSON.stringify({ v: 1, device: d0.id, seq: N + 1, ts: t0 + (N + 1) * 100, ch: 1, code: 'self_test' }) });
    await publishAll(pub, msgs);
    const expected = fx.devices.length * N * 4 - 2 * 4;
    const ids = fx.devices.flatMap((d) => d.circuitIds);
    await waitFor(async () => {
      const [r] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM readings WHERE circuit_id = ANY(${ids}::int[])`;
      return r.n === expected;
    });
    const [dups] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT circuit_id, ts FROM readings WHERE circuit_id = ANY(${ids}::int[]) GROUP BY 1, 2 HAVING count(*) > 1) x`;
    expect(dups.n).toBe(0);
    const devs = await waitFor(async () => {
      const rows = await sql<{ id: string; online: boolean; fw: string; last_seq: number; messages_received: number; messages_duplicate: number; messages_lost: number }[]>`
        SELECT id, online, fw, last_seq, messages_received, messages_duplicate, messages_lost FROM devices WHERE site_id LIKE ${prefix + '-%'} ORDER BY id`;
      return rows.find((r) => r.id === d0.id)?.last_seq === N + 1 ? rows : null;
    });
    const byId = new Map(devs.map((r) => [r.id, r]));
    expect(byId.get(d0.id)).toMatchObject({ online: true, fw: '1.2.3', messages_received: N - 2 + 1, messages_lost: 2, messages_duplicate: 0 });
    expect(byId.get(d1.id)).toMatchObject({ online: true, messages_received: N, messages_lost: 0, messages_duplicate: N / 10, last_seq: N });
    const [ev] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM device_events WHERE device_id = ${d0.id} AND code = 'self_test'`;
    expect(ev.n).toBe(1);
    // the rollups follow from readings on the worker's timers (every 300 / 500 ms here)
    const roll = await waitFor(async () => {
      const [r] = await sql<{ n1: number; nh: number }[]>`
        SELECT (SELECT sum(n)::int FROM readings_1m WHERE circuit_id = ANY(${ids}::int[])) AS n1,
               (SELECT sum(n)::int FROM readings_1h WHERE circuit_id = ANY(${ids}::int[])) AS nh`;
      return r.n1 === expected && r.nh === expected ? r : null;
    });
    expect(roll).toEqual({ n1: expected, nh: expected });

    // the will: {v:1, online:false} without ts
    await publishAll(pub, [{ topic: topicOf(d1, 'status'), payload: '{"v":1,"online":false}', retain: true }]);
    await waitFor(async () => (await sql<{ online: boolean }[]>`SELECT online FROM devices WHERE id = ${d1.id}`)[0].online === false);
    // clear retained messages so later runs on this broker start clean
    await publishAll(pub, fx.devices.map((d) => ({ topic: topicOf(d, 'status'), payload: '', retain: true })));
    pub.end(true);
    expect(await w.stop()).toBe(0);
  });
});
