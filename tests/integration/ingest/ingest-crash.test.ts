/**
 * Nothing acknowledged is lost, nothing is stored twice: the worker SIGKILLed mid-stream (twice), the broker
 * restarted (Mosquitto, persistence on — aedes keeps sessions in memory only, so its own restart loses them
 * by design and is not tested), PostgreSQL restarted. Proof by counting: rows = published samples, zero
 * duplicates, and per device messages_received = messages published (counters are exactly-once too).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startMosquitto } from '../../../platform/infra/mosquitto.ts';
import { testSql } from '../helpers/db.ts';
import { createFixture, dropFixture, telemetry, topicOf, type FixtureDevice } from './fixtures.ts';
import { killSpawned, connectPublisher, sleep, spawnIngest, streamPublish, waitFor, type IngestProc } from './harness.ts';

const sql = testSql();
afterAll(async () => {
  killSpawned();
  await sql.end();
});

function buildStream(devices: FixtureDevice[], perDevice: number) {
  const t0 = Date.now() - 3_600_000;
  const msgs: { topic: string; payload: string }[] = [];
  for (let s = 1; s <= perDevice; s++) for (const d of devices) msgs.push({ topic: topicOf(d), payload: JSON.stringify(telemetry(d, s, t0 + s * 1000)) });
  return msgs;
}

async function verify(devices: FixtureDevice[], perDevice: number) {
  const ids = devices.flatMap((d) => d.circuitIds);
  const expected = devices.length * perDevice * devices[0].channels.length;
  await waitFor(async () => {
    const [r] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM readings WHERE circuit_id = ANY(${ids}::int[])`;
    return r.n >= expected;
  }, 90_000, 500);
  await sleep(1000); // anything late would show up as extra rows now
  const [r] = await sql<{ n: number; distinct_n: number }[]>`
    SELECT count(*)::int AS n, count(DISTINCT (circuit_id, ts))::int AS distinct_n FROM readings WHERE circuit_id = ANY(${ids}::int[])`;
  expect(r.n).toBe(expected);
  expect(r.distinct_n).toBe(expected);
  const devs = await sql<{ messages_received: number; messages_lost: number; last_seq: number }[]>`
    SELECT messages_received, messages_lost, last_seq FROM devices WHERE id = ANY(${devices.map((d) => d.id)}::text[])`;
  for (const d of devs) expect(d).toEqual({ messages_received: perDevice, messages_lost: 0, last_seq: perDevice });
  // the 1-minute rollup is recomputed from readings on the worker's timer (every 300 ms here)
  const roll = await waitFor(async () => {
    const [x] = await sql<{ n: number }[]>`SELECT sum(n)::int AS n FROM readings_1m WHERE circuit_id = ANY(${ids}::int[])`;
    return x.n === expected ? x : null;
  });
  expect(roll.n).toBe(expected);
}

const workerEnv = (mqttUrl: string, clientId: string) => ({
  DATABASE_URL: inject('dbUrl'), MQTT_URL: mqttUrl, INGEST_CLIENT_ID: clientId, INGEST_BATCH_MAX: '200', INGEST_BATCH_WAIT_MS: '40', INGEST_ROLLUP_1M_MS: '300',
});

describe.each([
  ['aedes', 'embeddedMqttUrl'],
  ['mosquitto', 'mosquittoUrl'],
] as const)('SIGKILL of the worker (%s)', (name, key) => {
  const prefix = `IT-KILL-${name}`;
  let fx: Awaited<ReturnType<typeof createFixture>>;
  beforeAll(async () => {
    await dropFixture(sql, prefix);
    fx = await createFixture(sql, prefix, { sites: 5, devicesPerSite: 4, channels: 4 });
  });
  afterAll(() => dropFixture(sql, prefix));

  it('loses nothing and stores nothing twice across two SIGKILLs', async () => {
    const clientId = `it-kill-${name}-${Date.now()}`;
    const perDevice = 150;
    let w: IngestProc = spawnIngest(workerEnv(inject(key), clientId));
    await w.ready;
    const pub = await connectPublisher(inject(key));
    const done = streamPublish(pub, buildStream(fx.devices, perDevice), 1000); // 3000 messages, ~3 s
    for (const at of [700, 1200]) {
      await sleep(at);
      await w.kill(); // mid-batch: commits and PUBACKs are continuously in flight at this rate
      await sleep(300);
      w = spawnIngest(workerEnv(inject(key), clientId));
      await w.ready;
    }
    await done;
    await verify(fx.devices, perDevice);
    pub.end(true);
    expect(await w.stop()).toBe(0);
  });
});

describe('broker and database restarts (Mosquitto)', () => {
  const prefix = 'IT-RESTART';
  let fx: Awaited<ReturnType<typeof createFixture>>;
  beforeAll(async () => {
    await dropFixture(sql, prefix);
    fx = await createFixture(sql, prefix, { sites: 5, devicesPerSite: 4, channels: 4 });
  });
  afterAll(() => dropFixture(sql, prefix));

  it('survives a graceful Mosquitto restart', async () => {
    // a private Mosquitto: restarting the shared one would disturb nobody here, but its port must stay put
    const dir = path.join(inject('mosquittoDir'), '..', `mosq-restart-${Date.now()}`);
    // a port free now (a random one could be some other server's, and a listener there would pass for Mosquitto)
    const mosq = await startMosquitto({ port: await getPort(), dir });
    const sub = { ...fx, devices: fx.devices.slice(0, 10) };
    const w = spawnIngest(workerEnv(mosq.url, `it-brk-${Date.now()}`));
    await w.ready;
    const pub = await connectPublisher(mosq.url);
    const perDevice = 150;
    const done = streamPublish(pub, buildStream(sub.devices, perDevice), 600);
    await sleep(1000);
    await mosq.restart();
    await sleep(800);
    await mosq.restart();
    await done;
    await verify(sub.devices, perDevice);
    pub.end(true);
    expect(await w.stop()).toBe(0);
    await mosq.stop();
  });

  it('survives a PostgreSQL restart (pg_ctl -m fast restart)', async () => {
    const devices = fx.devices.slice(10);
    const w = spawnIngest(workerEnv(inject('mosquittoUrl'), `it-pg-${Date.now()}`));
    await w.ready;
    const pub = await connectPublisher(inject('mosquittoUrl'));
    const perDevice = 150;
    const done = streamPublish(pub, buildStream(devices, perDevice), 600);
    await sleep(1200);
    execFileSync('runuser', ['-u', 'postgres', '--', '/usr/lib/postgresql/15/bin/pg_ctl', '-D', inject('pgDataDir'), '-m', 'fast', '-w', 'restart'], { stdio: 'ignore' });
    await done;
    await verify(devices, perDevice).catch((e) => {
      console.error(w.logs.slice(-30).join('\n'));
      throw e;
    });
    pub.end(true);
    expect(await w.stop()).toBe(0);
  });
});
