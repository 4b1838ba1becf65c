/**
 * Duplicates by (device, seq) through the real pipeline (broker → ingest worker → PostGIS), as the protocol says:
 * a repeated seq with a new ts (a gateway re-stamping a redelivery) is stored once; a different message with the
 * same ts is kept; the counter's wrap at 2^32 and a reboot (seq restarting at 0 with a later ts) lose nothing;
 * one spoofed huge seq leaves the lost-message count sane.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testSql } from '../helpers/db.ts';
import { createFixture, dropFixture, telemetry, topicOf, type FixtureDevice } from './fixtures.ts';
import { connectPublisher, killSpawned, publishAll, spawnIngest, waitFor } from './harness.ts';

const sql = testSql();
afterAll(async () => {
  killSpawned();
  await sql.end();
});

const prefix = 'IT-DEDUPE';
const WRAP = 2 ** 32;

describe('ingest duplicates by (device, seq)', () => {
  let fx: Awaited<ReturnType<typeof createFixture>>;
  beforeAll(async () => {
    await dropFixture(sql, prefix);
    fx = await createFixture(sql, prefix, { sites: 5, devicesPerSite: 1, channels: 2 });
  });
  afterAll(() => dropFixture(sql, prefix));

  it('stores each message once, keeps same-ts messages, follows wraps, reboots and a spoofed seq', async () => {
    const w = spawnIngest({ DATABASE_URL: inject('dbUrl'), MQTT_URL: inject('embeddedMqttUrl'), INGEST_CLIENT_ID: `it-dedupe-${Date.now()}` });
    await w.ready;
    const pub = await connectPublisher(inject('embeddedMqttUrl'));
    const [wrap, reboot, sameTs, restamp, spoof] = fx.devices;
    const t0 = Date.now() - 3_600_000;
    const msgs: { topic: string; payload: string }[] = [];
    const send = (d: FixtureDevice, seq: number, ts: number, salt = 0) => msgs.push({ topic: topicOf(d), payload: JSON.stringify(telemetry(d, seq, ts, salt)) });
    // the counter wraps at 2^32: 2^32−3 … 1, nothing lost
    [WRAP - 3, WRAP - 2, WRAP - 1, 0, 1].forEach((s, i) => send(wrap, s, t0 + i * 60_000));
    // a reboot: 1..20, then seq restarts at 0 twenty minutes later
    for (let s = 1; s <= 20; s++) send(reboot, s, t0 + s * 60_000);
    for (let s = 0; s <= 2; s++) send(reboot, s, t0 + (40 + s) * 60_000);
    // two different messages with the same sample time (seq 6 shares seq 5's ts): both kept
    for (let s = 1; s <= 10; s++) send(sameTs, s, t0 + (s === 6 ? 5 : s) * 60_000, s === 6 ? 3 : 0);
    // seq 7 redelivered by a gateway with a new ts 5 s later: a duplicate, stored once
    for (let s = 1; s <= 10; s++) {
      send(restamp, s, t0 + s * 60_000);
      if (s === 7) send(restamp, s, t0 + s * 60_000 + 5_000);
    }
    // one spoofed seq 1.1·10⁹ ahead among 1..10
    for (let s = 1; s <= 10; s++) {
      send(spoof, s, t0 + s * 60_000);
      if (s === 5) send(spoof, 5 + 1.1e9, t0 + s * 60_000 + 30_000);
    }
    await publishAll(pub, msgs, 1); // one at a time: arrival order is the publish order
    const rows = (d: FixtureDevice) => sql<{ n: number }[]>`SELECT count(*)::int AS n FROM readings WHERE circuit_id = ANY(${d.circuitIds}::int[])`.then((r) => r[0].n);
    const want = new Map([[wrap, 5], [reboot, 23], [sameTs, 10], [restamp, 10], [spoof, 11]]);
    await waitFor(async () => {
      for (const [d, n] of want) if ((await rows(d)) !== n * d.channels.length) return false;
      return true;
    });
    const devs = await waitFor(async () => {
      const r = await sql<{ id: string; last_seq: string; messages_received: number; messages_duplicate: number; messages_lost: number }[]>`
        SELECT id, last_seq::text, messages_received, messages_duplicate, messages_lost FROM devices WHERE site_id LIKE ${prefix + '-%'}`;
      const m = new Map(r.map((x) => [x.id, x]));
      return m.get(spoof.id)?.last_seq === '10' && m.get(reboot.id)?.last_seq === '2' ? m : null;
    });
    expect(devs.get(wrap.id)).toMatchObject({ messages_received: 5, messages_lost: 0, messages_duplicate: 0, last_seq: '1' });
    expect(devs.get(reboot.id)).toMatchObject({ messages_received: 23, messages_lost: 0, messages_duplicate: 0 });
    expect(devs.get(sameTs.id)).toMatchObject({ messages_received: 10, messages_lost: 0, messages_duplicate: 0 });
    expect(devs.get(restamp.id)).toMatchObject({ messages_received: 10, messages_lost: 0, messages_duplicate: 1 });
    expect(devs.get(spoof.id)).toMatchObject({ messages_received: 11, messages_duplicate: 0 });
    expect(devs.get(spoof.id)!.messages_lost).toBeLessThanOrEqual(1);
    // both same-ts messages are there, with their own seq
    const [same] = await sql<{ n: number }[]>`SELECT count(DISTINCT seq)::int AS n FROM readings WHERE circuit_id = ${sameTs.circuitIds[0]} AND ts = ${new Date(t0 + 5 * 60_000)}`;
    expect(same.n).toBe(2);
    pub.end(true);
    expect(await w.stop()).toBe(0);
  });
});
