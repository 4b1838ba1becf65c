import { expect, it } from 'vitest';
import { CircuitModel, generateScenario, type Env } from '../../../lib/physics/index.ts';

// Smoke check only: prints rates, asserts nothing about time (CI machines vary).
it('throughput smoke', () => {
  const entry = {
    device: 'B-D1',
    ch: 1,
    site: 'B',
    siteCategory: 'mall',
    phases: 3 as const,
    ratedCurrentA: 63,
    cableMm2: 16,
    insulation: 'PVC' as const,
    maxConductorC: 70,
    loadType: 'mixed' as const,
    reportIntervalS: 60,
  };
  const env: Env = { ambientC: 10, rh: 40, ua: 225, ub: 225, uc: 225, condensation: 0 };
  const cs = Array.from({ length: 1000 }, (_, i) => new CircuitModel({ ...entry, ch: (i % 16) + 1, device: `B-D${i}` }, { seed: 1 }));
  const t0 = Date.UTC(2025, 0, 6);
  let n = 0;
  const a = performance.now();
  for (let k = 0; k < 200; k++)
    for (const c of cs) {
      c.sample(t0 + k * 60000, env);
      n++;
    }
  const circuitRate = n / ((performance.now() - a) / 1000);
  const sc = generateScenario({ seed: 1, circuits: 200, days: 2, startMs: t0 });
  const b = performance.now();
  let m = 0;
  for (const l of sc.telemetryLines()) m += l.payload.channels.length;
  const streamRate = m / ((performance.now() - b) / 1000);
  console.log(
    `[simulator] CircuitModel.sample: ${Math.round(circuitRate).toLocaleString()} circuit-samples/s; scenario stream (payloads, weather, heap): ${Math.round(streamRate).toLocaleString()} circuit-samples/s`,
  );
  expect(m).toBeGreaterThan(0);
}, 120_000);
