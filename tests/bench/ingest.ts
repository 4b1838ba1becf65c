/**
 * `npm run bench:ingest` — the ingest path on real parts, all started here: a throwaway PostGIS cluster, a private
 * Mosquitto, the ingest worker process, and a socket.io server standing in for the portal's /internal relay with
 * one browser-like client. Phases: raw broker throughput (no DB) → ingest at full speed (sustained samples/s; CPU
 * of worker, PostgreSQL, broker and publisher, and from those what limits the rate) → paced load (publish→commit
 * and publish→browser latency) → raw COPY of the same rows (encode + COPY, the database's ceiling).
 * Env: BENCH_DEVICES (500), BENCH_MESSAGES (180000, a longer full-speed window), BENCH_PACED_S (15),
 * BENCH_PACED_RATE msg/s (4000), BENCH_WORKER_LOG (warn), BENCH_WORKER_PROF (a folder for the worker's CPU profile).
 * Prints a table, then as the LAST line one JSON object.
 */
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import mqtt from 'mqtt';
import { Server } from 'socket.io';
import { io as ioClient } from 'socket.io-client';
import { createSql } from '../../platform/db.ts';
import { machineTicks } from './machine.ts';
import { runMigrations } from '../../db/migrate.ts';
import { startLocalPostgres, destroyLocalPostgres } from '../../platform/infra/pg-local.ts';
import { startMosquitto } from '../../platform/infra/mosquitto.ts';
import { copyIn } from '../../workers/ingest/copy.ts';
import { COPY_BINARY_SQL, COPY_TEXT_SQL, copyBinary, copyText, type TelemetryRow } from '../../workers/ingest/readings-sql.ts';
import type { CircuitInfo } from '../../workers/ingest/registry.ts';
import { refreshAll } from '../../workers/ingest/rollups.ts';
import { createFixture, telemetry, topicOf, type FixtureDevice } from '../integration/ingest/fixtures.ts';
import { connectPublisher, spawnIngest } from '../integration/ingest/harness.ts';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 500);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 180_000);
const PACED_S = Number(process.env.BENCH_PACED_S ?? 15);
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 4000);
const TOKEN = 'bench-internal-token-0123456789';
const say = (m: string) => process.stderr.write(`▸ ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const TICK = 100 / 1000; // /proc stat clock ticks per ms (USER_HZ 100)
function procCpuMs(pid: number) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / TICK;
}
/** CPU of a PostgreSQL cluster: the postmaster and all its children (backends, WAL writer, checkpointer …). */
function clusterCpuMs(dataDir: string) {
  const pm = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let ms = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(d) === pm || Number(f[1]) === pm) ms += (Number(f[11]) + Number(f[12])) / TICK;
    } catch {
      // the process ended meanwhile
    }
  }
  return ms;
}
const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/**
 * What limits the full-speed rate, from each part's share of the window (% of one core): a single-threaded part
 * near 100 % is the bottleneck; all cores near full is the machine; otherwise the parts wait on each other.
 */
function limitOf(cpu: Record<string, number>, cores: number, machinePct: number): string {
  const parts = Object.entries(cpu).sort((a, b) => b[1] - a[1]);
  const total = parts.reduce((a, [, v]) => a + v, 0);
  const list = parts.map(([k, v]) => `${k} ${v.toFixed(0)} %`).join(', ');
  const all = cores * 100;
  if (cpu.worker >= 90) return `worker CPU (one thread at ${cpu.worker.toFixed(0)} %; ${list})`;
  if (total >= 0.85 * all) return `machine CPU (ours ${total.toFixed(0)} % of ${all} %: ${list})`;
  if (machinePct >= 0.85 * all) return `contention (machine ${machinePct.toFixed(0)} % of ${all} % busy, ours only ${total.toFixed(0)} %: ${list})`;
  return `latency (no part saturated: ${list}; machine ${machinePct.toFixed(0)} % of ${all} % busy)`;
}
const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Publish with up to `window` unacknowledged messages; `make(i)` builds message i when it is sent. */
async function pump(c: mqtt.MqttClient, n: number, make: (i: number) => { topic: string; payload: string | Buffer }, window = 2000) {
  let i = 0;
  const lane = async () => {
    while (i < n) {
      const m = make(i++);
      await c.publishAsync(m.topic, m.payload, { qos: 1 });
    }
  };
  await Promise.all(Array.from({ length: window }, lane));
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'esms-bench-'));
  say(`starting PostGIS + Mosquitto in ${tmp}`);
  const pg = startLocalPostgres({ dataDir: path.join(tmp, 'pg'), port: await getPort() });
  const sql = createSql(pg.url, { max: 4, app: 'bench' });
  const mosq = await startMosquitto({ port: await getPort(), dir: path.join(tmp, 'mosq') });
  const cleanup: (() => unknown)[] = [() => mosq.stop(), () => sql.end(), () => destroyLocalPostgres(pg), () => rmSync(tmp, { recursive: true, force: true })];
  try {
    await runMigrations(sql);
    const fx = await createFixture(sql, 'BENCH', { sites: Math.ceil(DEVICES / 4), devicesPerSite: 4, channels: 4 });
    const devs = fx.devices.slice(0, DEVICES);
    say(`${devs.length} devices × 4 channels registered`);

    // 1. raw broker throughput, QoS 1 publisher → QoS 1 subscriber, no database
    const sub = mqtt.connect(mosq.url, { clientId: 'bench-raw-sub', protocolVersion: 4, clean: true });
    await new Promise((r) => sub.once('connect', r));
    await sub.subscribeAsync('bench/raw/#', { qos: 1 });
    let got = 0;
    const allIn = new Promise<void>((r) => sub.on('message', () => ++got === MESSAGES && r()));
    const pub = await connectPublisher(mosq.url, 'bench-pub');
    const payloads = devs.map((d) => JSON.stringify(telemetry(d, 1, Date.now())));
    let t = performance.now();
    await pump(pub, MESSAGES, (i) => ({ topic: `bench/raw/${i % DEVICES}`, payload: payloads[i % DEVICES] }));
    await allIn;
    const rawBrokerMsgS = MESSAGES / ((performance.now() - t) / 1000);
    sub.end(true);
    say(`raw broker: ${rawBrokerMsgS.toFixed(0)} msg/s`);

    // stand-in portal: /internal relays to rooms like server/realtime/gateway.ts; one browser-like client
    const port = await getPort();
    const server = http.createServer();
    const sio = new Server(server);
    sio.of('/internal').use((s, next) => (s.handshake.auth?.token === TOKEN ? next() : next(new Error('FORBIDDEN'))));
    sio.of('/internal').on('connection', (s) => s.on('publish', (m: { rooms: string[]; event: string; payload: unknown }) => sio.to(m.rooms).emit(m.event, m.payload)));
    sio.on('connection', (s) => s.join(['all', ...fx.sites.map((id) => `site:${id}`)]));
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    cleanup.unshift(() => sio.close());
    const browser = ioClient(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
    let live: number[] | null = null;
    let liveFrom = Infinity; // only samples published in the paced phase (the last full-speed ones are older)
    let deltas = 0;
    browser.on('circuits:delta', (m: { circuits: { ts: number }[] }) => {
      deltas++;
      if (!live) return;
      const now = Date.now();
      for (const c of m.circuits) if (c.ts >= liveFrom) live.push(now - c.ts);
    });

    const prof = process.env.BENCH_WORKER_PROF; // a folder: the worker writes a CPU profile there when it stops
    const w = spawnIngest(
      { DATABASE_URL: pg.url, MQTT_URL: mosq.url, PORTAL_URL: `http://127.0.0.1:${port}`, INTERNAL_TOKEN: TOKEN, LOG_LEVEL: process.env.BENCH_WORKER_LOG ?? 'warn', INGEST_CLIENT_ID: 'bench-ingest' },
      prof ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(prof)}`] : [],
    );
    cleanup.unshift(() => w.stop());
    await w.ready;
    const pid = w.proc.pid!;
    const received = async () => (await sql<{ n: number }[]>`SELECT coalesce(sum(messages_received), 0)::int AS n FROM devices`)[0].n;

    // 2. full speed: how many samples per second does the worker sustain
    say(`ingest at full speed: ${MESSAGES} messages (${MESSAGES * 4} samples)`);
    const seq = new Map<string, number>();
    const next = (d: FixtureDevice) => {
      const s = (seq.get(d.id) ?? 0) + 1;
      seq.set(d.id, s);
      return s;
    };
    // the devices' messages are encoded before the clock starts: real devices do that on their own CPUs, and here
    // the publisher shares the two cores with what is measured (a millisecond apart per device: distinct samples)
    const tsBase = Date.now();
    const fullLoad = Array.from({ length: MESSAGES }, (_, i) => {
      const d = devs[i % devs.length];
      const s = next(d);
      return { topic: topicOf(d), payload: Buffer.from(JSON.stringify(telemetry(d, s, tsBase + s))) };
    });
    const cpu0 = { worker: procCpuMs(pid), pg: clusterCpuMs(pg.dataDir), broker: procCpuMs(mosq.proc.pid!), publisher: selfCpuMs() };
    const load0 = os.loadavg()[0];
    const m0 = machineTicks();
    t = performance.now();
    const base = await received();
    await pump(pub, MESSAGES, (i) => fullLoad[i]);
    fullLoad.length = 0;
    const pubDone = performance.now();
    for (let last = -1, since = Date.now(); ; await sleep(20)) {
      const n = (await received()) - base;
      if (n >= MESSAGES) break;
      if (n !== last) [last, since] = [n, Date.now()];
      else if (Date.now() - since > 60_000) throw new Error(`ingest stalled at ${n} of ${MESSAGES}; worker log:\n${w.logs.slice(-20).join('\n')}`);
    }
    const fullS = (performance.now() - t) / 1000;
    const pctOf = (ms: number) => (ms / (fullS * 1000)) * 100;
    const cpu = {
      worker: pctOf(procCpuMs(pid) - cpu0.worker),
      postgres: pctOf(clusterCpuMs(pg.dataDir) - cpu0.pg),
      broker: pctOf(procCpuMs(mosq.proc.pid!) - cpu0.broker),
      'publisher+bench': pctOf(selfCpuMs() - cpu0.publisher),
    };
    const cpuPct = cpu.worker;
    const m1 = machineTicks();
    const cores = os.cpus().length;
    const machinePct = ((m1.busy - m0.busy) / Math.max(1, m1.total - m0.total)) * cores * 100;
    const limit = limitOf(cpu, cores, machinePct);
    const usPerMsg = (pctv: number) => (pctv * fullS * 10_000) / MESSAGES;
    // CPU per stored sample of the ingest path (worker, database, broker; not the publisher), set against the raw
    // COPY's (loader and database) below: unlike the rates, this holds up when other load shares the machine
    const ingestCpuUs = usPerMsg(cpu.worker + cpu.postgres + cpu.broker) / 4;
    const samplesPerSec = (MESSAGES * 4) / fullS;
    say(`sustained ${samplesPerSec.toFixed(0)} samples/s (publisher finished after ${((pubDone - t) / 1000).toFixed(1)} s)`);

    // 3. paced load: latency publish → committed row, publish → browser
    say(`paced: ${PACED_RATE} msg/s (${PACED_RATE * 4} samples/s) for ${PACED_S} s`);
    const probes = devs.slice(0, 20);
    const sent = new Map<string, number[]>(); // device → publish time by seq
    const commit: number[] = [];
    let polling = true;
    const lastSeen = new Map<string, number>();
    const poller = (async () => {
      while (polling) {
        const rows = await sql<{ id: string; last_seq: number }[]>`SELECT id, last_seq FROM devices WHERE id = ANY(${probes.map((p) => p.id)}::text[])`;
        const now = performance.now();
        for (const r of rows) {
          const times = sent.get(r.id) ?? [];
          for (let s = (lastSeen.get(r.id) ?? 0) + 1; s <= r.last_seq; s++) if (times[s] !== undefined) commit.push(now - times[s]);
          lastSeen.set(r.id, Math.max(lastSeen.get(r.id) ?? 0, r.last_seq));
        }
        await sleep(10);
      }
    })();
    for (const p of probes) lastSeen.set(p.id, seq.get(p.id) ?? 0);
    live = [];
    liveFrom = Date.now();
    const total = PACED_RATE * PACED_S;
    const tp = performance.now();
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < total; i++) {
      const due = tp + (i * 1000) / PACED_RATE;
      if (due - performance.now() > 2) await sleep(due - performance.now());
      const d = devs[i % devs.length];
      const s = next(d);
      if (probes.includes(d)) {
        const arr = sent.get(d.id) ?? [];
        arr[s] = performance.now();
        sent.set(d.id, arr);
      }
      pending.push(pub.publishAsync(topicOf(d), JSON.stringify(telemetry(d, s, Date.now())), { qos: 1 }));
      if (pending.length > 5000) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    await sleep(1500);
    polling = false;
    await poller;
    const liveLat = live;
    live = null;
    const rssMb = peakRssMb(pid);
    // the rollups are recomputed on the worker's timers (every 60 s), concurrently with the phases above; what is
    // still marked at this point is recomputed here and timed, so the deferred work is not hidden
    t = performance.now();
    await refreshAll(sql, 100);
    const rollupMs = performance.now() - t;

    // 4. raw COPY of the same number of rows into the same partitioned table (other circuit ids), the ceiling
    const rows: TelemetryRow[] = Array.from({ length: MESSAGES }, (_, i) => {
      const d = devs[i % devs.length];
      return { mi: i, msg: telemetry(d, i + 1, Date.now() - 3_600_000 + Math.floor(i / devs.length)), circuits: d.circuitIds.map((id) => ({ id: -id })) as CircuitInfo[] };
    });
    // a plain loader's work: encode the parsed rows as COPY text and COPY them in one transaction
    const copyCpu0 = clusterCpuMs(pg.dataDir) + selfCpuMs();
    t = performance.now();
    await sql.begin((tx) => copyIn(tx, COPY_TEXT_SQL, copyText(rows)));
    const copyPerSec = (MESSAGES * 4) / ((performance.now() - t) / 1000);
    const copyCpuUs = ((clusterCpuMs(pg.dataDir) + selfCpuMs() - copyCpu0) * 1000) / (MESSAGES * 4);
    // for information: the same in the worker's own format (binary), yet other circuit ids
    for (const r of rows) r.circuits = r.circuits.map((c) => ({ id: c.id - 10_000_000 })) as CircuitInfo[];
    t = performance.now();
    await sql.begin((tx) => copyIn(tx, COPY_BINARY_SQL, copyBinary(rows)));
    const copyBinPerSec = (MESSAGES * 4) / ((performance.now() - t) / 1000);
    browser.close();

    const result = {
      bench: 'ingest',
      samplesPerSec: Math.round(samplesPerSec),
      // data points = measured values stored per sample in this load: ia, ir, ta, tn + ambient t, rh
      pointsPerSec: Math.round(samplesPerSec * 6),
      ratioToCopy: Number((samplesPerSec / copyPerSec).toFixed(3)),
      // the same against binary COPY (what the worker itself sends), so the stricter reading is printed too
      ratioToBinaryCopy: Number((samplesPerSec / copyBinPerSec).toFixed(3)),
      cpuRatioToCopy: Number((copyCpuUs / ingestCpuUs).toFixed(3)),
      p50CommitMs: Math.round(pct(commit, 50)),
      p99CommitMs: Math.round(pct(commit, 99)),
      p99LiveMs: Math.round(pct(liveLat, 99)),
      peakRssMb: Math.round(rssMb),
      rollupCatchUpMs: Math.round(rollupMs),
      workerCpuPct: Math.round(cpu.worker),
      pgCpuPct: Math.round(cpu.postgres),
      limit: limit.split(' (')[0],
      loadAvg1m: Number(load0.toFixed(2)),
    };
    const rowsOut: [string, string][] = [
      ['devices × channels', `${devs.length} × 4`],
      ['messages (full speed)', `${MESSAGES} (${MESSAGES * 4} samples) in ${fullS.toFixed(1)} s`],
      ['sustained circuit-samples/s', result.samplesPerSec.toLocaleString('en')],
      ['data points/s (6 per sample)', result.pointsPerSec.toLocaleString('en')],
      ['raw COPY samples/s (same rows)', `${Math.round(copyPerSec).toLocaleString('en')} (text; binary, the worker's format: ${Math.round(copyBinPerSec).toLocaleString('en')})`],
      ['ingest / raw COPY (text / binary)', `${(result.ratioToCopy * 100).toFixed(1)} % / ${(result.ratioToBinaryCopy * 100).toFixed(1)} %`],
      ['CPU per sample: ingest / raw COPY', `${ingestCpuUs.toFixed(1)} / ${copyCpuUs.toFixed(1)} µs (raw COPY does ${(result.cpuRatioToCopy * 100).toFixed(0)} % of ingest's CPU work)`],
      ['raw broker msg/s (QoS 1, no DB)', `${Math.round(rawBrokerMsgS).toLocaleString('en')} (= ${Math.round(rawBrokerMsgS * 4).toLocaleString('en')} samples/s)`],
      ['ingest / raw broker', `${((samplesPerSec / 4 / rawBrokerMsgS) * 100).toFixed(1)} %`],
      [`paced load`, `${PACED_RATE} msg/s = ${PACED_RATE * 4} samples/s for ${PACED_S} s`],
      ['publish → committed p50 / p99', `${result.p50CommitMs} / ${result.p99CommitMs} ms (${commit.length} probe samples)`],
      ['publish → browser p50 / p99', `${Math.round(pct(liveLat, 50))} / ${result.p99LiveMs} ms (${liveLat.length} samples, ${deltas} deltas)`],
      ['worker CPU at full speed', `${cpuPct.toFixed(0)} % of one core (${usPerMsg(cpu.worker).toFixed(0)} µs per message)`],
      ['PostgreSQL CPU at full speed', `${cpu.postgres.toFixed(0)} % of one core (${usPerMsg(cpu.postgres).toFixed(0)} µs per message)`],
      ['broker / publisher CPU', `${cpu.broker.toFixed(0)} % / ${cpu['publisher+bench'].toFixed(0)} % of one core`],
      ['full speed limited by', limit],
      ['load average (1 min) at start', `${load0.toFixed(2)} on ${cores} cores (machine ${machinePct.toFixed(0)} % busy at full speed)`],
      ['worker peak RSS', `${result.peakRssMb} MB`],
      ['rollups still due after paced, done in', `${result.rollupCatchUpMs} ms`],
    ];
    console.log('\nIngest benchmark (2-core machine; broker, database, worker and publisher share it)\n');
    for (const [k, v] of rowsOut) console.log(`  ${k.padEnd(34)} ${v}`);
    console.log(JSON.stringify(result));
  } finally {
    for (const f of cleanup) await Promise.resolve(f()).catch(() => {});
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
