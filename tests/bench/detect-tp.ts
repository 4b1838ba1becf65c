/**
 * Throughput of the detection core alone (circuit-samples/s), the same pass as throughput() in detect.ts but
 * with more repetitions and the spread printed: the machine is shared, so only medians mean anything.
 *   [SEED=11] node --import tsx tests/bench/detect-tp.ts [reps] [coreIndexPath…]
 * With several core paths (e.g. an old copy of the core under /tmp) the passes are interleaved for an A/B.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Telemetry } from '../../lib/protocol/v1.ts';
import { generateScenario } from '../../lib/physics/index.ts';
import type { Engine as EngineT } from '../../lib/detection/index.ts';

type EngineCtor = new (...a: ConstructorParameters<typeof EngineT>) => EngineT;
const reps = Number(process.argv[2] ?? 12);
const paths = process.argv.length > 3 ? process.argv.slice(3) : [resolve(import.meta.dirname, '../../lib/detection/index.ts')];
const engines: { path: string; Engine: EngineCtor; rates: number[]; cpuRates: number[] }[] = [];
for (const p of paths) engines.push({ path: p, Engine: ((await import(pathToFileURL(resolve(p)).href)) as { Engine: EngineCtor }).Engine, rates: [], cpuRates: [] });

const sc = generateScenario({ seed: Number(process.env.SEED ?? 11), circuits: 200, days: 2, startMs: Date.UTC(2025, 6, 1), intervalS: 120 });
const lines = [...sc.lines()];
const n = lines.reduce((s, l) => s + ((l.payload as Telemetry).channels?.length ?? 0), 0);

for (let rep = 0; rep <= reps; rep++) {
  for (const e of engines) {
    const engine = new e.Engine(sc.registry);
    const t0 = performance.now(), c0 = process.cpuUsage();
    for (let i = 0; i < lines.length; i++) engine.ingest(lines[i].topic, lines[i].payload);
    if (rep === 0) continue; // pass 0 warms up
    e.rates.push(n / ((performance.now() - t0) / 1000));
    // CPU time too: on a loaded machine it is steadier than the wall clock
    const c1 = process.cpuUsage(c0);
    e.cpuRates.push(n / ((c1.user + c1.system) / 1e6));
  }
}
const k = (x: number) => Math.round(x / 1000);
for (const e of engines) {
  const r = [...e.rates].sort((x, y) => x - y), cr = [...e.cpuRates].sort((x, y) => x - y);
  console.log(JSON.stringify({ core: e.path, samples: n, medianK: k(r[r.length >> 1]), minK: k(r[0]), maxK: k(r[r.length - 1]), cpuMedianK: k(cr[cr.length >> 1]) }));
}
