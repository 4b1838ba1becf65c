/**
 * Fleet simulator entry (`npm run simulate -- …`, or forked by the launcher with DATABASE_URL, MQTT_URL,
 * INTERNAL_TOKEN, PORTAL_URL, MQTT_USERNAME/PASSWORD). Loads the registry from PostGIS, publishes protocol v1 for
 * every device on one MQTT connection (the fleet's gateway credential, fleet-credential.ts), obeys control
 * messages on SIM_CONTROL_TOPIC (a second connection, the esms-simctl service account), beats to the portal, and on SIGTERM/SIGINT
 * publishes retained online:false for every device, flushes and exits. Life cycle: platform/process.ts. See README.md.
 */
import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { createSql } from '../../platform/db.ts';
import { SIM_CONTROL_TOPIC, simControlSchema } from '../../lib/events/sim-control.ts';
import { env } from '../../platform/env.ts';
import { runProcess, type Piece, type ProcessContext } from '../../platform/process.ts';
import { connectInternal } from '../../platform/realtime/internal-client.ts';
import { backfill } from './backfill.ts';
import { SimClock } from './clock.ts';
import { HelpRequested, USAGE, parseSimArgs, type SimConfig } from './config.ts';
import { Engine } from './engine.ts';
import { loadFleet } from './fleet.ts';
import { issueFleetCredential } from './fleet-credential.ts';
import { Publisher } from './publisher.ts';
import { TruthStore } from './truth-store.ts';

let cfg: SimConfig;
try {
  cfg = parseSimArgs(process.argv.slice(2), env);
} catch (e) {
  if (e instanceof HelpRequested) {
    console.log(USAGE);
    process.exit(0);
  }
  console.error(`${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (!cfg.databaseUrl) {
  console.error('simulator: DATABASE_URL is not set');
  process.exit(2);
}

/** Brings the fleet up; a stop requested meanwhile returns what exists so far (nothing published: nothing to retire). */
async function start({ log, signal, requestStop }: ProcessContext): Promise<Piece[]> {
  const pieces: Piece[] = [];
  const sql = createSql(cfg.databaseUrl!, { max: 2, app: 'esms-simulator' });
  pieces.push({ name: 'database', stop: () => sql.end({ timeout: 2 }).catch(() => {}) });
  const t0 = Date.now();
  const fleet = await loadFleet(sql, cfg);
  const circuits = fleet.reduce((n, f) => n + f.spec.entries.length, 0);
  log.info({ devices: fleet.length, circuits, ms: Date.now() - t0 }, 'registry loaded');
  if (signal.aborted) return pieces;

  const credential = await issueFleetCredential(sql, fleet.map((f) => f.spec.site));
  const pub = await Publisher.connect(cfg.mqttUrl, cfg.maxInflight, credential);
  pieces.push({ name: 'mqtt', stop: () => pub.close().catch(() => {}) });
  // --once: one round of samples ending now (ts in [start − interval, start)), so nothing lies in the future
  const startMs = cfg.once ? cfg.startMs - cfg.intervalS * 1000 : cfg.startMs;
  const clock = new SimClock(startMs, cfg.speed);
  const store = new TruthStore(sql);
  pieces.push({ name: 'ground truth', stop: () => store.flush() });
  const engine = new Engine(fleet, clock, pub, startMs, { onTruth: (t) => store.record(t), onCleared: (ids, at) => store.cleared(ids, at) });
  log.info({ ms: Date.now() - t0, interval: cfg.intervalS, speed: cfg.speed, start: new Date(startMs).toISOString() }, 'device models built');
  if (signal.aborted) return pieces;

  const devices: Piece = {
    name: 'devices',
    stop: async () => {
      engine.stop();
      engine.retire(); // every device retained offline
      const ok = await pub.flush(10_000);
      log.info({ acked: ok, sent: engine.sent }, 'devices retired');
    },
  };
  pieces.push(devices);

  // control is an internal topic: only a service account may read it, never the fleet's device-like gateway
  const control = mqtt.connect(cfg.mqttUrl, {
    clientId: cfg.mqttUsername ?? `esms-simctl-${process.pid}`,
    username: cfg.mqttUsername,
    password: cfg.mqttPassword,
    protocolVersion: 4,
    clean: true,
    reconnectPeriod: 1000,
  });
  control.on('error', (e) => log.warn({ err: e.message }, 'control connection error'));
  pieces.push({ name: 'control', stop: () => control.endAsync().catch(() => {}) });
  control.on('message', (topic, payload) => {
    if (topic !== SIM_CONTROL_TOPIC || signal.aborted) return;
    let raw: unknown;
    try {
      raw = JSON.parse(payload.toString('utf8'));
    } catch {
      return log.warn('control message is not JSON');
    }
    const r = simControlSchema.safeParse(raw);
    if (!r.success) return log.warn({ issues: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'invalid control message');
    engine.control(r.data);
  });
  await new Promise<void>((resolve) => (control.connected ? resolve() : control.once('connect', () => resolve())));
  const granted = await control.subscribeAsync(SIM_CONTROL_TOPIC, { qos: 1 });
  if (granted.some((g) => g.qos === 128)) log.error('control topic refused by the broker: inject and clear will not reach the simulator');

  engine.announce();
  if (cfg.backfillDays > 0) {
    await backfill(
      engine.devices.map((d) => d.spec),
      startMs,
      cfg.backfillDays,
      pub,
      () => signal.aborted,
    );
    for (const d of engine.devices) d.warmUp();
  }
  if (signal.aborted) return pieces;
  for (const inj of cfg.inject) {
    const dev = engine.device(inj.device);
    if (!dev) log.warn({ device: inj.device }, '--inject: device not in the simulated fleet');
    else engine.inject(dev, { id: randomUUID(), ...inj }, startMs, 'cli');
  }

  if (cfg.once) {
    const n = engine.once();
    const ok = await pub.flush(30_000);
    await store.flush();
    log.info({ samples: n, messages: engine.sent, acked: ok }, 'one round published');
    requestStop('one round published', ok ? 0 : 1);
    // the devices stay as announced: a single round is not a fleet going away
    return pieces.filter((p) => p !== devices);
  }

  engine.start();
  let lastSent = 0;
  let lastAt = Date.now();
  let rate = 0;
  const measure = () => {
    const now = Date.now();
    rate = ((engine.sent - lastSent) * 1000) / Math.max(1, now - lastAt);
    lastSent = engine.sent;
    lastAt = now;
  };
  const portal = connectInternal({
    url: cfg.portalUrl,
    token: cfg.internalToken,
    name: 'simulator',
    beat: () => {
      measure();
      return { devices: engine.devices.length, msgsPerSec: Math.round(rate * 10) / 10, simTime: new Date(clock.now()).toISOString(), speed: clock.speed };
    },
  });
  pieces.push({ name: 'portal link', stop: () => portal.close() });
  const stats = setInterval(() => {
    log.info(
      {
        sent: engine.sent,
        telemetry: engine.telemetry,
        inflight: pub.inflight,
        lagS: Math.max(0, Math.round((clock.now() - engine.wheel.nextDueMs()) / 1000)),
        simTime: new Date(clock.now()).toISOString(),
      },
      'simulator stats',
    );
  }, 60_000);
  stats.unref();
  pieces.push({ name: 'stats', stop: () => clearInterval(stats) });
  log.info({ devices: engine.devices.length, ms: Date.now() - t0 }, 'simulator live');
  return pieces;
}

// the fleet's offline statuses must reach the broker before the deadline (devices piece: flush ≤ 10 s)
await runProcess({ name: 'simulator', stopTimeoutMs: 15_000, start });
