/**
 * Detection benchmark: labelled scenarios from the simulator physics (faults, nuisances, sensor faults,
 * dropouts; a winter month and a rainy-season month; all site types), streamed through the detection core
 * and a fixed-threshold baseline, scored event by event against the physics' ground truth.
 *
 *   npm run bench:detect -- [--circuits 1000] [--days 30] [--interval 120] [--seed 7] [--fault-scale 2] [--months 0,6]
 *   (env BENCH_CIRCUITS / BENCH_DAYS work too). Last stdout line: one JSON object.
 *   Faults are scored when their physics reached danger within the scenario (the simulator's rule); the
 *   others are counted apart.
 *   BENCH_CACHE=dir: record the simulated stream once and replay it on later runs (tuning; keyed on the
 *   options and the simulator's source, so a physics change re-simulates). BENCH_FAST=1: core only.
 */
import { parseArgs } from 'node:util';
import type { AlarmType, Channel, RegistryEntry, Telemetry } from '../../lib/protocol/v1.ts';
import { DEFAULT_FAULT_MIX, generateScenario, type GroundTruth, type Scenario } from '../../lib/physics/index.ts';
import { Engine } from '../../lib/detection/index.ts';
import { topicFor } from '../../lib/protocol/v1.ts';
import { cached, recording, replaying, type Line } from './detect-cache.ts';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const { values: a } = parseArgs({
  options: {
    circuits: { type: 'string', default: process.env.BENCH_CIRCUITS ?? '1000' },
    days: { type: 'string', default: process.env.BENCH_DAYS ?? '30' },
    interval: { type: 'string', default: '120' },
    seed: { type: 'string', default: '7' },
    'fault-scale': { type: 'string', default: '2' },
    // the two months simulated (0 = January … 11 = December): a winter and a rainy-season month by default
    months: { type: 'string', default: '0,6' },
  },
});
const CIRCUITS = Number(a.circuits), DAYS = Number(a.days), INTERVAL = Number(a.interval), SEED = Number(a.seed);
const SCALE = Number(a['fault-scale']);
const MONTHS = a.months.split(',').map(Number);
if (MONTHS.length !== 2 || MONTHS.some((m) => !Number.isInteger(m) || m < 0 || m > 11)) throw new Error('--months wants two months 0–11, e.g. 0,6');
const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const HOUR = 3_600_000;
const GRACE = 2 * HOUR; // an alarm shortly after the injection ended still belongs to it
const EPISODE_GAP = 6 * HOUR; // sensor_fault alarms closer than this on one circuit are one episode
// BENCH_DUMP=file: write false alarms and missed/late faults (diagnostics while tuning)
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
const DUMP = process.env.BENCH_DUMP;
if (DUMP) writeFileSync(DUMP, '');
let dumpWhich = '';
const dump = DUMP ? (what: string, c: unknown, o: unknown) => { if (dumpWhich === 'core') appendFileSync(DUMP, JSON.stringify({ what, c, o }) + '\n'); } : undefined;

interface Opened { type: AlarmType; at: number; sev: string; cleared: number | null; /** sample time it first reached alarm/critical */ gbAt: number | null }
type Sink = Map<string, Opened[]>; // `${device}/${ch ?? ''}` → alarms opened there

function record(sink: Sink, device: string, ch: number | undefined, type: AlarmType, openedAt: number, sev: string, cleared: number | null, now: number): void {
  const k = `${device}/${ch ?? ''}`;
  let l = sink.get(k);
  if (!l) sink.set(k, (l = []));
  const gb = sev === 'alarm' || sev === 'critical';
  const hit = l.find((o) => o.type === type && o.at === openedAt);
  // opened straight at 报警 (e.g. from the device's own arc_alarm event): that sample's time
  if (!hit) l.push({ type, at: openedAt, sev, cleared, gbAt: gb ? openedAt : null });
  else {
    hit.cleared = cleared;
    if (gb) { hit.sev = sev; hit.gbAt ??= now; }
  }
}

/** Fixed thresholds, as many installed systems do: I > In, T > insulation limit, ir > 300 mA, any arc, U outside ±15 %. */
class Baseline {
  private readonly reg = new Map<string, RegistryEntry>();
  private readonly open = new Set<string>();
  constructor(registry: RegistryEntry[], private readonly sink: Sink) { for (const e of registry) this.reg.set(`${e.device}/${e.ch}`, e); }
  ingest(p: Telemetry): void {
    for (const c of p.channels) {
      const e = this.reg.get(`${p.device}/${c.ch}`);
      if (!e) continue;
      this.judge(p, c, 'overload', Math.max(c.ia ?? 0, c.ib ?? 0, c.ic ?? 0) > e.ratedCurrentA);
      this.judge(p, c, 'overtemperature', Math.max(c.ta ?? -99, c.tb ?? -99, c.tc ?? -99, c.tn ?? -99) > e.maxConductorC);
      this.judge(p, c, 'residual_current', (c.ir ?? 0) > 300);
      this.judge(p, c, 'arc_fault', (c.arc ?? 0) > 0);
      const us = [c.ua, c.ub, c.uc].filter((u): u is number => u !== undefined && u > 50);
      this.judge(p, c, 'voltage_abnormal', us.some((u) => u < 187 || u > 253));
    }
  }
  private judge(p: Telemetry, c: Channel, type: AlarmType, on: boolean): void {
    const k = `${p.device}/${c.ch}/${type}`;
    if (on && !this.open.has(k)) { this.open.add(k); record(this.sink, p.device, c.ch, type, p.ts, 'alarm', null, p.ts); }
    else if (!on) this.open.delete(k);
  }
}

const CACHE = process.env.BENCH_CACHE;
// BENCH_FAST=1 (tuning): the detection core only — no fixed-threshold baseline, no throughput pass
const FAST = process.env.BENCH_FAST === '1';
function simHash(): string {
  const dir = join(import.meta.dirname, '../../lib/physics');
  const h = createHash('sha1');
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.ts')) h.update(f).update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 10);
}

/** Scenario data without its stream functions, as cached next to the stream. */
type ScenarioData = Omit<Scenario, 'lines' | 'telemetryLines'>;

/**
 * The scenario and its publish stream. With BENCH_CACHE both come from the cache when it has them (the
 * stream is recorded while the first run consumes it; the scenario's labels are stored beside it).
 */
function scenarioOf(name: string, startMs: number, circuits: number): { sc: ScenarioData; lines: Iterable<Line> } {
  const faultMix = Object.fromEntries(Object.entries(DEFAULT_FAULT_MIX).map(([k, v]) => [k, v * SCALE]));
  const make = () => generateScenario({ seed: SEED + startMs / 1e9, circuits, days: DAYS, startMs, intervalS: INTERVAL, faultMix });
  if (!CACHE) { const sc = make(); return { sc, lines: sc.lines() }; }
  mkdirSync(CACHE, { recursive: true });
  const base = join(CACHE, `${name}-${SEED}-${startMs}-${circuits}-${DAYS}-${INTERVAL}-${SCALE}-${simHash()}`);
  const topicsOf = (sc: ScenarioData) => sc.devices.flatMap((d) => [topicFor(d.site, d.device, 'telemetry'), topicFor(d.site, d.device, 'event')]);
  if (cached(`${base}.bin`)) {
    let sc: ScenarioData;
    if (cached(`${base}.json`)) sc = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as ScenarioData;
    else {
      const { lines: _l, telemetryLines: _t, ...data } = make();
      writeFileSync(`${base}.json`, JSON.stringify((sc = data)));
    }
    return { sc, lines: replaying(`${base}.bin`, topicsOf(sc), (i) => sc.devices[i >> 1].device) };
  }
  const sc = make();
  const { lines: _l, telemetryLines: _t, ...data } = sc;
  writeFileSync(`${base}.json`, JSON.stringify(data));
  return { sc, lines: recording(`${base}.bin`, topicsOf(sc), sc.lines()) };
}

interface Run { sc: ScenarioData; core: Sink; base: Sink; coreMs: number; totalMs: number; samples: number }

function runScenario(name: string, startMs: number, circuits: number): Run {
  const t0 = performance.now();
  const { sc, lines } = scenarioOf(name.split(' ')[0], startMs, circuits);
  const engine = new Engine(sc.registry);
  const core: Sink = new Map(), base: Sink = new Map();
  const baseline = new Baseline(sc.registry, base);
  let coreMs = 0, samples = 0;
  for (const l of lines) {
    const c0 = performance.now();
    const recs = engine.ingest(l.topic, l.payload);
    coreMs += performance.now() - c0;
    for (const r of recs) record(core, r.device, r.ch, r.type, r.openedAt, r.severity, r.clearedAt, engine.clock);
    if (l.topic.endsWith('/telemetry')) { if (!FAST) baseline.ingest(l.payload as Telemetry); samples += (l.payload as Telemetry).channels.length; }
  }
  const totalMs = performance.now() - t0;
  process.stderr.write(`bench: ${name}: ${sc.registry.length} circuits × ${DAYS} d, ${samples} circuit-samples, ${sc.truth.length} labels, ${(totalMs / 1000).toFixed(1)} s\n`);
  return { sc, core, base, coreMs, totalMs, samples };
}

/** Core alone: pre-generate a chunk into memory, then time a fresh engine over it. */
function throughput(): number {
  const sc = generateScenario({ seed: SEED, circuits: 200, days: 2, startMs: Date.UTC(2025, 6, 1), intervalS: INTERVAL });
  const lines = [...sc.lines()];
  const n = lines.reduce((s, l) => s + ((l.payload as Telemetry).channels?.length ?? 0), 0);
  // the machine is shared: report the median of 9 timed passes (after one warm-up pass)
  const rates: number[] = [];
  for (let rep = 0; rep < 10; rep++) {
    const engine = new Engine(sc.registry);
    const t0 = performance.now();
    for (let i = 0; i < lines.length; i++) engine.ingest(lines[i].topic, lines[i].payload);
    if (rep > 0) rates.push(n / ((performance.now() - t0) / 1000));
  }
  rates.sort((x, y) => x - y);
  return rates[rates.length >> 1];
}

interface Score { n: number; hit: number; before: number; leads: number[]; ttd: number[]; gbDelay: number[] }

function match(sink: Sink, g: GroundTruth, end: number): Opened | undefined {
  const l = sink.get(`${g.device}/${g.ch ?? ''}`) ?? [];
  const until = (g.endMs ?? end) + GRACE;
  return l
    .filter((o) => g.acceptAlarms.includes(o.type) && o.at <= until && (o.at >= g.onsetMs || o.cleared === null || o.cleared > g.onsetMs))
    .sort((x, y) => x.at - y.at)[0];
}

function score(runs: Run[], which: 'core' | 'base') {
  dumpWhich = which;
  const byKind = new Map<string, Score>();
  let fa = 0, ffDays = 0, sensTP = 0, sensN = 0, sensAlarms = 0, sensEpTrue = 0, sensHazard = 0, offN = 0, offHit = 0, offFalse = 0;
  const faTypes = new Map<string, number>();
  // faults whose physics never reached danger within the scenario (the simulator's README: score only faults
  // with dangerMs < endMs); reported apart: detecting them is fine, missing them misses no danger
  const undangerous = { n: 0, detected: 0 };
  for (const r of runs) {
    const sink = r[which], end = r.sc.endMs;
    ffDays += r.sc.faultFreeCircuitDays;
    for (const g of r.sc.truth) {
      if (g.class === 'fault' && (g.dangerMs === null || g.dangerMs >= end)) {
        undangerous.n++;
        if (match(sink, g, end)) undangerous.detected++;
      } else if (g.class === 'fault') {
        const s = byKind.get(g.kind) ?? { n: 0, hit: 0, before: 0, leads: [], ttd: [], gbDelay: [] };
        byKind.set(g.kind, s);
        s.n++;
        const m = match(sink, g, end);
        if (!m || (g.dangerMs !== null && Math.max(m.at, g.onsetMs) > g.dangerMs)) dump?.('MISS', g, m ?? null);
        if (!m) continue;
        dump?.('HIT', { kind: g.kind, device: g.device, ch: g.ch, onsetMs: g.onsetMs, dangerMs: g.dangerMs }, m);
        const at = Math.max(m.at, g.onsetMs);
        s.hit++;
        s.ttd.push((at - g.onsetMs) / HOUR);
        if (g.dangerMs === null || at <= g.dangerMs) s.before++;
        if (g.dangerMs !== null) s.leads.push((g.dangerMs - at) / HOUR);
        if (g.kind === 'series_arc' && g.dangerMs !== null) {
          // GB 14287.4 timing: from the moment sustained ≥ 14/s arcing began (physics) to the 报警
          const from = Number(g.detail.sustainedMs ?? g.dangerMs);
          const gb = (sink.get(`${g.device}/${g.ch}`) ?? []).filter((o) => o.type === 'arc_fault' && o.gbAt !== null && o.gbAt >= g.onsetMs).sort((x, y) => x.gbAt! - y.gbAt!)[0];
          s.gbDelay.push(gb ? (gb.gbAt! - from) / 1000 : Infinity);
        }
      } else if (g.class === 'sensor') {
        sensN++;
        if (match(sink, g, end)) sensTP++;
      } else if (g.kind === 'offline') {
        offN++;
        if (match(sink, g, end)) offHit++;
      }
    }
    const sensorCircuits = new Set(r.sc.truth.filter((g) => g.class === 'sensor').map((g) => `${g.device}/${g.ch}`));
    const offlineDevices = new Set(r.sc.truth.filter((g) => g.kind === 'offline').map((g) => `${g.device}/`));
    // sensor_fault precision per episode: alarms on one circuit less than EPISODE_GAP apart are one episode;
    // an episode is true when it overlaps that circuit's sensor-fault window (+ grace)
    const sensorWin = new Map<string, GroundTruth[]>();
    for (const g of r.sc.truth) if (g.class === 'sensor') { const k = `${g.device}/${g.ch}`; sensorWin.set(k, [...(sensorWin.get(k) ?? []), g]); }
    for (const [k, l] of sink) {
      const ss = l.filter((o) => o.type === 'sensor_fault').sort((x, y) => x.at - y.at);
      let epEnd = -Infinity, epTrue = false, open = false;
      let first: Opened | undefined;
      const close = () => { if (open) { sensAlarms++; if (epTrue) sensEpTrue++; else dump?.('FSENS', { key: k, label: r.sc.circuits.find((c) => `${c.device}/${c.ch}` === k) }, first); } };
      for (const o of ss) {
        if (o.at > epEnd + EPISODE_GAP) { close(); open = true; epTrue = false; first = o; }
        const end = o.cleared ?? r.sc.endMs;
        epEnd = Math.max(epEnd, end);
        if ((sensorWin.get(k) ?? []).some((g) => o.at <= (g.endMs ?? r.sc.endMs) + GRACE && end >= g.onsetMs)) epTrue = true;
      }
      close();
    }
    for (const c of r.sc.circuits) {
      if (!c.faultFree) continue;
      const k = `${c.device}/${c.ch}`;
      for (const o of sink.get(k) ?? []) {
        if (o.type === 'sensor_fault') { if (!sensorCircuits.has(k)) { fa++; faTypes.set('sensor_fault', (faTypes.get('sensor_fault') ?? 0) + 1); dump?.('FA', c, o); } continue; }
        dump?.('FA', c, o);
        if (sensorCircuits.has(k)) sensHazard++;
        fa++;
        faTypes.set(`${o.type}${c.kind ? `(${c.kind})` : ''}`, (faTypes.get(`${o.type}${c.kind ? `(${c.kind})` : ''}`) ?? 0) + 1);
      }
    }
    // device_offline is device-level and mandated by the spec (3 silent intervals): a dropout burst of ≥ 3 lost
    // messages meets it, so those are reported on their own line, not mixed into circuit false alarms
    for (const [k, l] of sink) if (k.endsWith('/') && !offlineDevices.has(k)) offFalse += l.length;
  }
  return { byKind, undangerous, fa, ffDays, faPer1000: (fa / ffDays) * 1000, faTypes, sensRecall: sensN ? sensTP / sensN : 1, sensPrecision: sensAlarms ? sensEpTrue / sensAlarms : 1, sensEpisodes: sensAlarms, sensHazard, offRecall: offN ? offHit / offN : 1, offFalse };
}

const q = (xs: number[], p: number) => { if (!xs.length) return NaN; const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]; };
const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');

function table(title: string, s: ReturnType<typeof score>): void {
  console.log(`\n${title}`);
  console.log('fault kind              n  recall  before-danger  lead med h  lead P10 h  detect med h');
  for (const [k, v] of [...s.byKind].sort()) {
    console.log(`${k.padEnd(22)} ${String(v.n).padStart(3)}  ${f(v.hit / v.n).padStart(6)}  ${f(v.before / v.n).padStart(13)}  ${f(q(v.leads, 0.5), 1).padStart(10)}  ${f(q(v.leads, 0.1), 1).padStart(10)}  ${f(q(v.ttd, 0.5), 2).padStart(12)}`);
  }
  console.log(`(faults that never became dangerous within the scenario, not scored: ${s.undangerous.n}, of them detected ${s.undangerous.detected})`);
  const arc = s.byKind.get('series_arc');
  if (arc?.gbDelay.length) console.log(`series_arc: GB 报警 (arc_fault at alarm/critical) after sustained ≥ 14/s arcing began: median ${f(q(arc.gbDelay, 0.5), 0)} s, max ${f(Math.max(...arc.gbDelay), 0)} s, within 30 s ${arc.gbDelay.filter((x) => x <= 30).length}/${arc.gbDelay.length}`);
  console.log(`false alarms: ${s.fa} over ${s.ffDays.toFixed(0)} fault-free circuit-days = ${f(s.faPer1000)} per 1,000 circuit-days ${JSON.stringify(Object.fromEntries(s.faTypes))}`);
  console.log(`sensor faults: recall ${f(s.sensRecall)}, precision ${f(s.sensPrecision)} per episode (${s.sensEpisodes} episodes), hazard alarms on faulty-sensor circuits ${s.sensHazard}; offline recall ${f(s.offRecall)}; device_offline on devices without an offline label (dropout bursts ≥ 3 messages) ${s.offFalse}`);
}

// throughput first, on a fresh heap: the scenario runs below keep every alarm and label alive, and their garbage
// collections would be charged to the core (the ingest worker runs the core in its own heap)
const tp = FAST ? NaN : throughput();
const circuitsEach = Math.ceil(CIRCUITS / 2);
const runs = [
  ...MONTHS.map((m) => runScenario(`${m === 0 ? 'winter' : m === 6 ? 'rainy' : `m${m + 1}`} (${MONTH_EN[m]})`, Date.UTC(2025, m, 1) - 8 * HOUR, circuitsEach)),
];
const core = score(runs, 'core'), base = score(runs, 'base');
const samples = runs.reduce((s, r) => s + r.samples, 0);
const coreMs = runs.reduce((s, r) => s + r.coreMs, 0), totalMs = runs.reduce((s, r) => s + r.totalMs, 0);
table('DETECTION CORE', core);
if (!FAST) table('BASELINE (fixed thresholds: I>In, T>limit, ir>300 mA, arc>0, U±15 %)', base);
console.log(`\nthroughput: core alone ${Math.round(tp).toLocaleString('en')} circuit-samples/s (in-memory chunk, one core); in the streaming run the core took ${(coreMs / 1000).toFixed(1)} s of ${(totalMs / 1000).toFixed(1)} s for ${samples.toLocaleString('en')} circuit-samples (the rest is simulation)`);

const kinds = [...core.byKind.values()];
const rec = kinds.map((v) => v.hit / v.n), bef = kinds.map((v) => v.before / v.n);
const slow = ['loose_connection', 'insulation_degradation'].map((k) => q(core.byKind.get(k)?.leads ?? [], 0.5));
const r3 = (x: number) => Math.round(x * 1000) / 1000;
console.log(JSON.stringify({
  bench: 'detect',
  recall: r3(Math.min(...rec)), recallBeforeDanger: r3(Math.min(...bef)),
  recallMean: r3(rec.reduce((s, x) => s + x, 0) / rec.length), recallBeforeDangerMean: r3(bef.reduce((s, x) => s + x, 0) / bef.length),
  falseAlarmsPer1000CircuitDays: r3(core.faPer1000), slowMedianLeadH: r3(Math.min(...slow)), sensorRecall: r3(core.sensRecall),
  sensorPrecision: r3(core.sensPrecision), samplesPerSec: Math.round(tp), offlineOnDropouts: core.offFalse,
  arcAlarmMaxS: r3(Math.max(...(core.byKind.get('series_arc')?.gbDelay ?? [NaN]))), arcAlarmMedianS: r3(q(core.byKind.get('series_arc')?.gbDelay ?? [], 0.5)),
  seed: SEED,
  baseline: { recall: r3(Math.min(...[...base.byKind.values()].map((v) => v.hit / v.n))), recallBeforeDanger: r3(Math.min(...[...base.byKind.values()].map((v) => v.before / v.n))), falseAlarmsPer1000CircuitDays: r3(base.faPer1000), slowMedianLeadH: r3(Math.min(...['loose_connection', 'insulation_degradation'].map((k) => q(base.byKind.get(k)?.leads ?? [], 0.5)))), arcAlarmMaxS: r3(Math.max(...(base.byKind.get('series_arc')?.gbDelay ?? [NaN]))) },
  circuits: runs.reduce((s, r) => s + r.sc.registry.length, 0), days: DAYS, intervalS: INTERVAL, months: MONTHS,
}));
