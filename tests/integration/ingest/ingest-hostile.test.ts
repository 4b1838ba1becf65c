/**
 * The hostile corpus through the real broker, interleaved with valid traffic: every bad message quarantined
 * under its reason (raw bytes kept, counters per reason and device), every valid one stored, worker alive.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostileCorpus } from '../../fixtures/hostile/corpus.ts';
import { testSql } from '../helpers/db.ts';
import { createFixture, dropFixture, telemetry, topicOf } from './fixtures.ts';
import { connectPublisher, killSpawned, publishAll, spawnIngest, waitFor } from './harness.ts';

const sql = testSql();
const prefix = 'IT-HOSTILE';
let fx: Awaited<ReturnType<typeof createFixture>>;
beforeAll(async () => {
  await dropFixture(sql, prefix);
  fx = await createFixture(sql, prefix, { sites: 2, devicesPerSite: 2, channels: 4 });
});
afterAll(async () => {
  killSpawned();
  await dropFixture(sql, prefix);
  await sql.end();
});

describe('hostile input', () => {
  it('quarantines each bad message with its reason and stores all valid ones', async () => {
    const [d1, d2] = fx.devices;
    const now = Date.now();
    const corpus = hostileCorpus({ now, site: d1.site, device: d1.id, otherSite: fx.sites[1], otherDevice: d2.id }).filter((c) => c.viaBroker !== false);
    const w = spawnIngest({ DATABASE_URL: inject('dbUrl'), MQTT_URL: inject('mosquittoUrl'), INGEST_CLIENT_ID: `it-hostile-${now}` });
    await w.ready;
    const pub = await connectPublisher(inject('mosquittoUrl'));
    const N = 100;
    const msgs: { topic: string; payload: string | Buffer }[] = [];
    let k = 0;
    for (let s = 1; s <= N; s++) {
      for (const d of [d1, d2]) msgs.push({ topic: topicOf(d), payload: JSON.stringify(telemetry(d, s, now - 200_000 + s * 1000)) });
      if (s % 2 === 0 && k < corpus.length) msgs.push({ topic: corpus[k].topic, payload: corpus[k++].payload });
    }
    while (k < corpus.length) msgs.push({ topic: corpus[k].topic, payload: corpus[k++].payload });
    await publishAll(pub, msgs, 50);

    const ids = [...d1.circuitIds, ...d2.circuitIds];
    await waitFor(async () => {
      const [r] = await sql<{ n: number; q: number }[]>`
        SELECT (SELECT count(*)::int FROM readings WHERE circuit_id = ANY(${ids}::int[])) AS n,
               (SELECT count(*)::int FROM quarantine WHERE topic LIKE ${'%' + prefix + '-%'}) AS q`;
      return r.n === 2 * N * 4 && r.q === corpus.length;
    }, 30_000);
    const want = new Map<string, number>();
    for (const c of corpus) want.set(c.reason, (want.get(c.reason) ?? 0) + 1);
    const got = await sql<{ reason: string; n: number }[]>`
      SELECT reason, count(*)::int AS n FROM quarantine WHERE topic LIKE ${'%' + prefix + '-%'} GROUP BY reason`;
    expect(Object.fromEntries(got.map((g) => [g.reason, g.n]))).toEqual(Object.fromEntries(want));

    // raw bytes verbatim (first 64 KiB), sizes as received
    const [sqlish] = await sql<{ raw: Buffer; size: number }[]>`
      SELECT raw, size FROM quarantine WHERE topic LIKE ${'%' + prefix + '-%'} AND reason = 'unknown_field'
      ORDER BY id LIMIT 1`;
    expect(sqlish.raw.toString()).toContain("DROP TABLE readings");
    const [huge] = await sql<{ len: number; size: number }[]>`
      SELECT length(raw) AS len, size FROM quarantine WHERE topic LIKE ${'%' + prefix + '-%'} AND reason = 'oversized' ORDER BY size DESC LIMIT 1`;
    expect(huge.len).toBe(64 * 1024);
    expect(huge.size).toBeGreaterThan(200 * 1024);

    // counters per (reason, device): unidentified devices count under ''
    const counters = await sql<{ reason: string; device_id: string; count: number }[]>`
      SELECT reason, device_id, count FROM quarantine_counters WHERE device_id = ${d1.id} OR (device_id = '' AND reason = 'unknown_device')`;
    const c1 = Object.fromEntries(counters.filter((c) => c.device_id === d1.id).map((c) => [c.reason, c.count]));
    expect(c1.invalid_utf8).toBe(want.get('invalid_utf8'));
    expect(c1.out_of_range).toBe(want.get('out_of_range'));
    expect(counters.find((c) => c.reason === 'unknown_device')!.count).toBeGreaterThanOrEqual(1);

    const [dev] = await sql<{ messages_received: number; messages_lost: number }[]>`SELECT messages_received, messages_lost FROM devices WHERE id = ${d1.id}`;
    expect(dev).toEqual({ messages_received: N, messages_lost: 0 });
    const [tables] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('readings_default', 'devices', 'quarantine')`;
    expect(tables.n).toBe(3);

    // still alive and still storing
    expect(w.proc.exitCode).toBeNull();
    await publishAll(pub, [{ topic: topicOf(d1), payload: JSON.stringify(telemetry(d1, N + 1, now - 1000)) }]);
    await waitFor(async () => (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM readings WHERE circuit_id = ANY(${d1.circuitIds}::int[])`)[0].n === (N + 1) * 4);
    pub.end(true);
    expect(await w.stop()).toBe(0);
  });
});
