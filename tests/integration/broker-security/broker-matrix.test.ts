/**
 * The broker security matrix against both supported brokers: anonymous, wrong password, revoked, own topic,
 * another device's topic, '#', internal topics, client-id takeover; commands only from the platform.
 */
import { randomBytes } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_CONTROL_TOPIC } from '../../../lib/events/sim-control.ts';
import { issueDeviceCredential, revokeCredential, type IssuedCredential } from '../../../platform/mqtt-auth/registry.ts';
import { serviceCredential } from '../../../platform/mqtt-auth/services.ts';
import { testSql } from '../helpers/db.ts';
import { createFixture, dropFixture, type FixtureDevice } from '../ingest/fixtures.ts';
import { startSecuredAedes, startSecuredMosquitto, type SecuredBroker } from './brokers.ts';
import { closed, inbox, mustConnect, publishQuietly, sleep, tryConnect } from './clients.ts';

const sql = testSql(4);
const serviceKey = randomBytes(32).toString('base64url');
const INGEST_ID = 'esms-ingest';
const topic = (d: FixtureDevice, leaf: string) => `esms/v1/${d.site}/${d.id}/${leaf}`;
afterAll(() => sql.end());

describe.each([
  ['aedes', () => startSecuredAedes(sql, serviceKey, INGEST_ID)],
  ['mosquitto', () => startSecuredMosquitto(sql, serviceKey)],
] as const)('broker security: %s', (name, start) => {
  const prefix = `SEC${name[0]!.toUpperCase()}${randomBytes(2).toString('hex')}`;
  let broker: SecuredBroker;
  let devs: FixtureDevice[];
  const cred: Record<string, IssuedCredential> = {};
  let ingest: MqttClient, portal: MqttClient, simctl: MqttClient;
  let ingestGot: ReturnType<typeof inbox>, simctlGot: ReturnType<typeof inbox>;
  const opened: MqttClient[] = [];
  const asDevice = async (d: FixtureDevice, extra: { clientId?: string } = {}) => {
    const c = cred[d.id]!;
    const client = await mustConnect(broker.url, { username: c.username, password: c.password, clientId: extra.clientId ?? c.clientId });
    opened.push(client);
    return client;
  };

  beforeAll(async () => {
    const fx = await createFixture(sql, prefix, { sites: 2, devicesPerSite: 2, channels: 1 });
    devs = fx.devices;
    for (const d of devs) cred[d.id] = await issueDeviceCredential(sql, d.id);
    broker = await start();
    await broker.settle();
    const svc = (role: 'ingest' | 'portal' | 'simctl', clientId: string) => mustConnect(broker.url, { ...serviceCredential(serviceKey, role), clientId, clean: role !== 'ingest' });
    ingest = await svc('ingest', INGEST_ID);
    portal = await svc('portal', 'esms-portal');
    simctl = await svc('simctl', 'esms-simctl');
    ingestGot = inbox(ingest);
    simctlGot = inbox(simctl);
    await ingest.subscribeAsync('esms/v1/#', { qos: 1 });
    await simctl.subscribeAsync(SIM_CONTROL_TOPIC, { qos: 1 });
  }, 60_000);

  afterAll(async () => {
    for (const c of [...opened, ingest, portal, simctl]) c?.end(true);
    await broker?.close();
    await dropFixture(sql, prefix);
    await sql`DELETE FROM mqtt_refusals WHERE principal LIKE ${prefix + '%'}`;
  });

  it('refuses anonymous clients and wrong or made-up credentials', async () => {
    const [a] = devs;
    expect((await tryConnect(broker.url, { clientId: 'anon-1' })).ok).toBe(false);
    expect((await tryConnect(broker.url, { username: a!.id, password: 'wrong', clientId: a!.id })).ok).toBe(false);
    expect((await tryConnect(broker.url, { username: `${prefix}-nobody`, password: 'x', clientId: `${prefix}-nobody` })).ok).toBe(false);
    expect((await tryConnect(broker.url, { username: 'esms-ingest', password: 'guess', clientId: 'esms-ingest' })).ok).toBe(false);
  });

  it('a device publishes as itself; the ingest service receives it', async () => {
    const a = devs[0]!;
    const c = await asDevice(a);
    await c.publishAsync(topic(a, 'telemetry'), '{"own":1}', { qos: 1 });
    await sleep(300);
    expect(ingestGot.some((m) => m.topic === topic(a, 'telemetry') && m.payload === '{"own":1}')).toBe(true);
    c.end(true);
  });

  it("refuses another device's topics, command topics and internal topics (nothing delivered)", async () => {
    const [a, b, c] = devs;
    const bCmd = await asDevice(b!);
    const bGot = inbox(bCmd);
    await bCmd.subscribeAsync(topic(b!, 'cmd'), { qos: 1 });
    const before = ingestGot.length;
    for (const t of [topic(b!, 'telemetry'), topic(c!, 'status'), `esms/v1/${b!.site}/${a!.id}/telemetry`.replace(b!.site, c!.site), topic(b!, 'cmd'), topic(a!, 'cmd'), SIM_CONTROL_TOPIC]) {
      const cl = await asDevice(a!);
      await publishQuietly(cl, t, '{"forged":1}');
      cl.end(true);
    }
    await sleep(400);
    expect(ingestGot.slice(before).filter((m) => m.payload.includes('forged'))).toEqual([]);
    expect(simctlGot).toEqual([]);
    expect(bGot).toEqual([]);
  });

  it("cannot read others' traffic: '#', wildcards, another device's commands, internal topics", async () => {
    const [a, b] = devs;
    const spy = await asDevice(a!);
    const got = inbox(spy);
    for (const f of ['#', 'esms/v1/+/+/telemetry', `esms/v1/${b!.site}/#`, topic(b!, 'cmd'), topic(b!, 'telemetry'), SIM_CONTROL_TOPIC, 'esms-internal/#']) {
      await spy.subscribeAsync(f, { qos: 1 }).catch(() => {});
    }
    await spy.subscribeAsync(topic(a!, 'cmd'), { qos: 1 });
    const bc = await asDevice(b!);
    await bc.publishAsync(topic(b!, 'telemetry'), '{"b":1}', { qos: 1 });
    await portal.publishAsync(topic(b!, 'cmd'), '{"cmd":"for-b"}', { qos: 1 });
    await portal.publishAsync(SIM_CONTROL_TOPIC, '{"v":1}', { qos: 1 });
    await portal.publishAsync(topic(a!, 'cmd'), '{"cmd":"for-a"}', { qos: 1 });
    await sleep(400);
    // only its own command, and only from the platform
    expect(got).toEqual([{ topic: topic(a!, 'cmd'), payload: '{"cmd":"for-a"}' }]);
    expect(simctlGot.some((m) => m.payload === '{"v":1}')).toBe(true);
    spy.end(true);
    bc.end(true);
  });

  it("cannot take over the ingest worker's or another device's session", async () => {
    const [a, b] = devs;
    const aConn = await asDevice(a!);
    const ingestClosed = closed(ingest, 1500);
    const aClosed = closed(aConn, 1500);
    const c = cred[b!.id]!;
    const r1 = await tryConnect(broker.url, { username: c.username, password: c.password, clientId: INGEST_ID });
    const r2 = await tryConnect(broker.url, { username: c.username, password: c.password, clientId: a!.id });
    // aedes refuses the client id; Mosquitto names the session by username instead (use_username_as_clientid)
    if (name === 'aedes') expect([r1.ok, r2.ok]).toEqual([false, false]);
    for (const r of [r1, r2]) if (r.ok) r.client.end(true);
    expect(await ingestClosed).toBe(false);
    expect(await aClosed).toBe(false);
    // the ingest session still delivers
    const before = ingestGot.length;
    await aConn.publishAsync(topic(a!, 'status'), '{"online":true}', { qos: 1 });
    await sleep(300);
    expect(ingestGot.length).toBeGreaterThan(before);
    aConn.end(true);
  });

  it('revocation drops the connection at once and refuses it afterwards', async () => {
    const d = devs[3]!;
    const conn = await asDevice(d);
    const gone = closed(conn, 5000);
    await revokeCredential(sql, cred[d.id]!.username);
    expect(await gone).toBe(true);
    await broker.settle();
    const c = cred[d.id]!;
    expect((await tryConnect(broker.url, { username: c.username, password: c.password, clientId: c.clientId })).ok).toBe(false);
    // a revoked device may be issued a new credential; only the new secret works
    const fresh = await issueDeviceCredential(sql, d.id);
    await broker.settle();
    expect((await tryConnect(broker.url, { username: c.username, password: c.password, clientId: c.clientId })).ok).toBe(false);
    const again = await tryConnect(broker.url, { username: fresh.username, password: fresh.password, clientId: fresh.clientId });
    expect(again.ok).toBe(true);
    if (again.ok) again.client.end(true);
  });

  it.runIf(name === 'aedes')('counts refusals per principal and reason, and rate-limits a flood', async () => {
    const d = devs[2]!;
    const c = cred[d.id]!;
    for (let i = 0; i < 25; i++) await tryConnect(broker.url, { username: c.username, password: 'flood', clientId: c.clientId });
    // past the limit even the right secret is refused from this client for a while
    expect((await tryConnect(broker.url, { username: c.username, password: c.password, clientId: c.clientId })).ok).toBe(false);
    await sleep(500);
    await broker.auth!.refusals.flush(sql);
    const rows = await sql<{ principal: string; reason: string; count: string }[]>`SELECT principal, reason, count FROM mqtt_refusals WHERE principal LIKE ${prefix + '%'}`;
    const by = new Map(rows.map((r) => [`${r.principal}/${r.reason}`, Number(r.count)]));
    expect(by.get(`${devs[0]!.id}/bad_credentials`)).toBeGreaterThanOrEqual(1);
    expect(by.get(`${devs[0]!.id}/publish_denied`)).toBeGreaterThanOrEqual(6);
    expect(by.get(`${devs[0]!.id}/subscribe_denied`)).toBeGreaterThanOrEqual(7);
    expect(by.get(`${devs[1]!.id}/client_id`)).toBe(2);
    expect(by.get(`${devs[3]!.id}/revoked`)).toBe(1);
    expect(by.get(`${d.id}/rate_limited`)).toBeGreaterThanOrEqual(1);
  });
});
