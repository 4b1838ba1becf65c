/**
 * Detection benchmark over several scenario families (tests/bench/detect-families.ts): the project's own
 * simulator, on which the detectors were developed, and the plateau family written apart from them from
 * first principles — Changdu winter and rainy season, 60 s and 120 s report intervals. Every stream goes
 * through the detection core; figures are printed per family and per alarm type, so a detector that fits one
 * simulator only shows up as such.
 *
 *   npm run bench:detect -- [--families tuned,plateau-town,plateau-rural] [--days 14] [--devices 80]
 *                           [--circuits 500] [--seed 7] [--fault-scale 2]
 *   Last stdout line: one JSON object — the worst family's figures at the top level, every family's figures
 *   (with per-type counts) under `byFamily`.
 *   BENCH_CACHE=dir: record each stream once, replay it later (keyed on the options and lib/physics sources).
 *   BENCH_FAST=1: no throughput pass. BENCH_DUMP=file: false alarms and missed/late faults as NDJSON.
 *   BENCH_CORE=…/lib/detection/index.ts: run another copy of the detection core (before/after comparisons).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Engine as CurrentEngine } from '../../lib/detection/index.ts';
import { generateScenario } from '../../lib/physics/index.ts';
import type { FamilyScenario } from '../../lib/physics/families/types.ts';
import type { Telemetry } from '../../lib/protocol/v1.ts';
import { cached, recording, replaying, type Line } from './detect-cache.ts';
import { FAMILIES, runsOf, scenarioOf, type FamilyName, type FamilyOptions, type RunSpec } from './detect-families.ts';
import { figures, GOALS, median, record, score, type Run, type Sink } from './detect-score.ts';

const { values: a } = parseArgs({
  options: {
    families: { type: 'string', default: FAMILIES.join(',') },
    days: { type: 'string', default: process.env.BENCH_DAYS ?? '14' },
    devices: { type: 'string', default: '80' },
    circuits: { type: 'string', default: process.env.BENCH_CIRCUITS ?? '500' },
    seed: { type: 'string', default: '7' },
    'fault-scale': { type: 'string', default: '2' },
  },
});
const families = a.families.split(',') as FamilyName[];
for (const f of families) if (!FAMILIES.includes(f)) throw new Error(`unknown family ${f} (${FAMILIES.join(', ')})`);
const opts: FamilyOptions = { seed: Number(a.seed), days: Number(a.days), circuits: Number(a.circuits), devices: Number(a.devices), faultScale: Number(a['fault-scale']) };
const CACHE = process.env.BENCH_CACHE, FAST = process.env.BENCH_FAST === '1', DUMP = process.env.BENCH_DUMP;
// BENCH_CORE=path/to/lib/detection/index.ts: score another copy of the core (an A/B against an older version)
const Engine: typeof CurrentEngine = process.env.BENCH_CORE
  ? ((await import(pathToFileURL(process.env.BENCH_CORE).href)) as { Engine: typeof CurrentEngine }).Engine
  : CurrentEngine;
if (DUMP) writeFileSync(DUMP, '');

function physicsHash(): string {
  const h = createHash('sha1');
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.ts')) h.update(p).update(readFileSync(p));
    }
  };
  walk(join(import.meta.dirname, '../../lib/physics'));
  return h.digest('hex').slice(0, 10);
}

/** The run's scenario and stream, from the cache when it has them (labels stored beside the stream). */
function load(r: RunSpec): { sc: FamilyScenario; lines: Iterable<Line> } {
  if (!CACHE) { const sc = scenarioOf(r, opts); return { sc, lines: sc.lines() }; }
  mkdirSync(CACHE, { recursive: true });
  const base = join(CACHE, `${r.family}-${r.label}-${opts.seed}-${opts.days}-${opts.devices}-${opts.circuits}-${opts.faultScale}-${physicsHash()}`);
  if (cached(`${base}.bin`) && cached(`${base}.json`)) {
    const sc = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as FamilyScenario;
    return { sc, lines: replaying(`${base}.bin`, sc.topics) };
  }
  const sc = scenarioOf(r, opts);
  const { lines: _l, ...data } = sc as FamilyScenario & { telemetryLines?: unknown; devices?: unknown };
  delete (data as { telemetryLines?: unknown }).telemetryLines;
  delete (data as { devices?: unknown }).devices;
  writeFileSync(`${base}.json`, JSON.stringify(data));
  return { sc, lines: recording(`${base}.bin`, sc.topics, sc.lines()) };
}

function runOne(r: RunSpec): Run & { coreMs: number } {
  const t0 = performance.now();
  const { sc, lines } = load(r);
  const engine = new Engine(sc.registry);
  const sink: Sink = new Map();
  let coreMs = 0, samples = 0;
  for (const l of lines) {
    const c0 = performance.now();
    const recs = engine.ingest(l.topic, l.payload);
    coreMs += performance.now() - c0;
    for (const x of recs) record(sink, x.device, x.ch, x.type, x.openedAt, x.severity, x.clearedAt, engine.clock);
    const ch = (l.payload as Telemetry).channels;
    if (ch) samples += ch.length;
  }
  process.stderr.write(`bench: ${r.family} ${r.label}: ${sc.registry.length} circuits × ${opts.days} d, ${samples} circuit-samples, ${sc.truth.filter((g) => g.class === 'fault').length} faults, ${((performance.now() - t0) / 1000).toFixed(1)} s (core ${(coreMs / 1000).toFixed(1)} s)\n`);
  return { label: r.label, sc, sink, samples, coreMs };
}

/** Core alone on the project simulator's in-memory chunk (as before, for comparable throughput figures). */
function throughput(): number {
  const sc = generateScenario({ seed: opts.seed, circuits: 200, days: 2, startMs: Date.UTC(2025, 6, 1), intervalS: 120 });
  const lines = [...sc.lines()];
  const n = lines.reduce((s, l) => s + ((l.payload as Telemetry).channels?.length ?? 0), 0);
  const rates: number[] = [];
  for (let rep = 0; rep < 10; rep++) {
    const engine = new Engine(sc.registry);
    const t0 = performance.now();
    for (let i = 0; i < lines.length; i++) engine.ingest(lines[i].topic, lines[i].payload);
    if (rep > 0) rates.push(n / ((performance.now() - t0) / 1000));
  }
  return median(rates);
}

const f2 = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : x.toFixed(2));
// throughput first, on a fresh heap (the scenario runs keep every alarm and label alive)
const tp = FAST ? NaN : throughput();
const byFamily: Record<string, ReturnType<typeof figures> & { runs: string[] }> = {};
for (const fam of families) {
  const runs = runsOf(fam).map(runOne);
  const s = score(runs);
  const fig = figures(s);
  byFamily[fam] = { ...fig, runs: runs.map((r) => r.label) };
  console.log(`\n${fam} (${runs.map((r) => r.label).join(', ')})`);
  console.log('fault kind               n  detected  early  median lead h');
  for (const [k, v] of Object.entries(fig.byType)) console.log(`${k.padEnd(22)} ${String(v.n).padStart(3)}  ${String(v.detected).padStart(8)}  ${String(v.early).padStart(5)}  ${f2(v.medianLeadH).padStart(13)}`);
  console.log(`recall before danger ${f2(fig.recallBeforeDanger)}, any time ${f2(fig.recallAny)}; false alarms ${fig.falseAlarms} over ${fig.faultFreeCircuitDays} circuit-days = ${f2(fig.falseAlarmsPer1000CircuitDays)} per 1,000 ${JSON.stringify(fig.falseAlarmsByType)}`);
  console.log(`slow-fault median lead ${f2(fig.slowMedianLeadH)} h; sensor-fault recall ${f2(fig.sensorRecall)}; heat alarms cleared while the sensor was blind ${fig.heatClearedWhileSensorBlind}; offline recall ${f2(fig.offlineRecall)}, device_offline on dropouts ${fig.offlineOnDropouts}; not dangerous in time ${fig.notDangerous.n} (detected ${fig.notDangerous.detected})`);
  if (DUMP) {
    for (const x of s.faList) appendFileSync(DUMP, JSON.stringify({ what: 'FA', family: fam, ...x }) + '\n');
    for (const x of s.missList) appendFileSync(DUMP, JSON.stringify({ what: x.at === null ? 'MISS' : 'LATE', family: fam, run: x.run, kind: x.g.kind, device: x.g.device, ch: x.g.ch, onsetMs: x.g.onsetMs, dangerMs: x.g.dangerMs, at: x.at, detail: x.g.detail }) + '\n');
  }
}
const fams = Object.values(byFamily);
const worst = (k: 'recallBeforeDanger' | 'recallAny' | 'slowMedianLeadH' | 'sensorRecall') => Math.min(...fams.map((x) => x[k] ?? -Infinity));
console.log(`\nthroughput: core alone ${Number.isFinite(tp) ? Math.round(tp).toLocaleString('en') : '—'} circuit-samples/s (in-memory chunk, one core); goals ${JSON.stringify(GOALS)}`);
console.log(JSON.stringify({
  bench: 'detect',
  recallBeforeDanger: worst('recallBeforeDanger'), recallAny: worst('recallAny'),
  falseAlarmsPer1000CircuitDays: Math.max(...fams.map((x) => x.falseAlarmsPer1000CircuitDays ?? Infinity)),
  slowMedianLeadH: worst('slowMedianLeadH'), sensorRecall: worst('sensorRecall'), samplesPerSec: Number.isFinite(tp) ? Math.round(tp) : null,
  heatClearedWhileSensorBlind: fams.reduce((s, x) => s + x.heatClearedWhileSensorBlind, 0), goalsMet: fams.every((x) => x.goalsMet),
  byFamily, seed: opts.seed, days: opts.days,
}));
