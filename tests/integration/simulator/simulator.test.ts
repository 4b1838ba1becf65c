/**
 * The simulator process (workers/simulator/main.ts, forked as the launcher does) against the real embedded
 * aedes broker and Mosquitto: one round (--once) is valid protocol v1 on the registry's topics; live, an
 * accelerated loose connection injected through the control topic heats that terminal within seconds, its
 * ground truth lands in sim_ground_truth, and SIGTERM leaves every device retained offline.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { registryFromDb } from '../../../db/seed/index.ts';
import { SIM_CONTROL_TOPIC, type SimControl } from '../../../lib/events/sim-control.ts';
import {
  deviceEventSchema,
  parseTopic,
  statusSchema,
  telemetrySchema,
  type RegistryEntry,
  type Telemetry,
} from '../../../lib/protocol/v1.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';

const SITES = 3;
let sql: Sql;
let registry: RegistryEntry[];

beforeAll(async () => {
  sql = testSql(2);
  await ensureSeeded(sql);
  const ids = (
    await sql<{ id: string }[]>`
    SELECT s.id FROM sites s WHERE EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id) ORDER BY s.id LIMIT ${SITES}`
  ).map((r) => r.id);
  registry = await registryFromDb(sql, { siteIds: ids });
});
afterAll(async () => {
  await sql?.end();
});

interface Got {
  topic: string;
  payload: unknown;
  retain: boolean;
}

async function listen(url: string): Promise<{ client: MqttClient; got: Got[] }> {
  const client = await mqtt.connectAsync(url, { protocolVersion: 4, clientId: `sim-it-${randomUUID().slice(0, 8)}` });
  const got: Got[] = [];
  client.on('message', (topic, payload, packet) => got.push({ topic, payload: JSON.parse(payload.toString()), retain: packet.retain }));
  await client.subscribeAsync('esms/v1/+/+/+', { qos: 1 });
  return { client, got };
}

function startSim(url: string, args: string[]): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: inject('dbUrl'), MQTT_URL: url, LOG_LEVEL: 'warn' };
  delete env.PORTAL_URL;
  delete env.INTERNAL_TOKEN;
  const child = fork('workers/simulator/main.ts', args, {
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (m: { type?: string }) => m?.type === 'ready' && resolve());
    child.once('exit', (code) => reject(new Error(`simulator exited ${code} before ready`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  ready.catch(() => {});
  return { child, ready, exited };
}

const waitFor = async (cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return cond();
};

describe.each([
  ['aedes', 'embeddedMqttUrl'],
  ['mosquitto', 'mosquittoUrl'],
] as const)('simulator on %s', (_name, key) => {
  it('--once publishes one valid round on the registry topics', async () => {
    const url = inject(key);
    const { client, got } = await listen(url);
    const sim = startSim(url, ['--once', '--sites', String(SITES)]);
    expect(await sim.exited).toBe(0);
    const devices = new Map(registry.map((e) => [e.device, e]));
    await waitFor(() => got.filter((g) => g.topic.endsWith('/telemetry')).length >= devices.size, 5000);
    await client.endAsync();
    const tel = got.filter((g) => g.topic.endsWith('/telemetry'));
    expect(new Set(tel.map((g) => (g.payload as Telemetry).device))).toEqual(new Set(devices.keys()));
    for (const g of got) {
      const t = parseTopic(g.topic)!;
      expect(t).toBeTruthy();
      const e = devices.get(t.device)!;
      expect(e, g.topic).toBeTruthy();
      expect(t.site).toBe(e.site);
      if (t.kind === 'telemetry') {
        const m = telemetrySchema.parse(g.payload);
        expect(m.device).toBe(t.device);
        expect(m.channels.map((c) => c.ch).sort((a, b) => a - b)).toEqual(
          registry
            .filter((r) => r.device === t.device)
            .map((r) => r.ch)
            .sort((a, b) => a - b),
        );
        expect(m.ts).toBeLessThanOrEqual(Date.now());
      } else if (t.kind === 'status') expect(statusSchema.parse(g.payload).online).toBe(true);
      else deviceEventSchema.parse(g.payload);
    }
  });

  it('an accelerated loose connection heats that terminal within seconds; SIGTERM leaves devices offline', async () => {
    const url = inject(key);
    const { client, got } = await listen(url);
    const sim = startSim(url, ['--sites', String(SITES), '--speed', '120', '--interval', '10']);
    await sim.ready;
    const devices = new Set(registry.map((e) => e.device));
    // pick the loaded 3-phase (else any) channel seen in the first samples
    expect(await waitFor(() => got.filter((g) => g.topic.endsWith('/telemetry')).length >= devices.size, 15_000)).toBe(true);
    let best = { device: '', ch: 0, ia: -1 };
    for (const g of got.filter((x) => x.topic.endsWith('/telemetry'))) {
      const m = g.payload as Telemetry;
      for (const c of m.channels) if ((c.ia ?? 0) > best.ia && c.tb !== undefined) best = { device: m.device, ch: c.ch, ia: c.ia ?? 0 };
    }
    if (best.ia < 0)
      for (const g of got)
        if (g.topic.endsWith('/telemetry'))
          for (const c of (g.payload as Telemetry).channels)
            if ((c.ia ?? 0) > best.ia) best = { device: (g.payload as Telemetry).device, ch: c.ch, ia: c.ia ?? 0 };
    const id = randomUUID();
    const msg: SimControl = {
      v: 1,
      op: 'inject',
      id,
      device: best.device,
      ch: best.ch,
      kind: 'loose_connection',
      severity: 1,
      accelerate: 20000,
    };
    const from = got.length;
    await client.publishAsync(SIM_CONTROL_TOPIC, JSON.stringify(msg), { qos: 1 });
    const hottest = () => {
      let hot = -99;
      let others = -99;
      for (const g of got.slice(from)) {
        if (!g.topic.endsWith('/telemetry')) continue;
        const m = g.payload as Telemetry;
        for (const c of m.channels) {
          const t = Math.max(c.ta ?? -99, c.tb ?? -99, c.tc ?? -99);
          if (m.device === best.device && c.ch === best.ch) hot = Math.max(hot, t);
          else others = Math.max(others, t, c.tn ?? -99);
        }
      }
      return { hot, others };
    };
    expect(await waitFor(() => hottest().hot > hottest().others + 30, 12_000), JSON.stringify(hottest())).toBe(true);
    const [row] = await sql`SELECT device_id, ch, kind, class, danger_at, onset_at, accelerate FROM sim_ground_truth WHERE id = ${id}`;
    expect(row).toMatchObject({ device_id: best.device, ch: best.ch, kind: 'loose_connection', class: 'fault', accelerate: 20000 });
    expect(row.danger_at).toBeInstanceOf(Date);
    expect(row.danger_at.getTime() - row.onset_at.getTime()).toBeLessThan(3_600_000);

    const before = got.length;
    sim.child.kill('SIGTERM');
    expect(await sim.exited).toBe(0);
    await waitFor(() => got.slice(before).filter((g) => g.topic.endsWith('/status')).length >= devices.size, 5000);
    const offline = got
      .slice(before)
      .filter((g) => g.topic.endsWith('/status'))
      .map((g) => ({ d: parseTopic(g.topic)!.device, s: statusSchema.parse(g.payload) }));
    expect(new Set(offline.filter((o) => !o.s.online).map((o) => o.d))).toEqual(devices);
    await client.endAsync();
    // retained: a late subscriber sees every device offline
    const late = await listen(url);
    await waitFor(
      () =>
        late.got.filter((g) => g.retain && g.topic.endsWith('/status') && devices.has(parseTopic(g.topic)!.device)).length >= devices.size,
      3000,
    );
    const retained = late.got.filter((g) => g.retain && devices.has(parseTopic(g.topic)!.device));
    expect(retained.every((g) => (g.payload as { online: boolean }).online === false)).toBe(true);
    await late.client.endAsync();
  });
});
