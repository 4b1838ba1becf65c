import { describe, expect, it } from 'vitest';
import { Wheel } from '../../../workers/simulator/schedule.ts';
import { SimClock } from '../../../workers/simulator/clock.ts';
import { DeviceModel } from '../../../lib/physics/index.ts';
import { buildSpecs } from '../../../workers/simulator/fleet.ts';
import { registry } from './fixture.ts';

describe('timer wheel', () => {
  it('visits every (device, k) once, in time order, with k matching DeviceModel.indexAtOrAfter', () => {
    const specs = buildSpecs(registry(40), new Map(), { seed: 5, intervalS: 60, duplicatesRate: 0, dropoutRate: 0 });
    const models = specs.map((f) => new DeviceModel(f.spec));
    const start = 1_795_000_000_123;
    const w = new Wheel(
      models.map((m) => m.phaseMs),
      60_000,
      start,
    );
    const seen: { d: number; k: number; ts: number }[] = [];
    w.drain(start + 3 * 60_000 - 1, (d, k, ts) => seen.push({ d, k, ts }));
    expect(seen).toHaveLength(3 * models.length);
    for (let i = 1; i < seen.length; i++) expect(seen[i].ts).toBeGreaterThanOrEqual(seen[i - 1].ts);
    for (const s of seen) expect(models[s.d].timeOf(s.k)).toBe(s.ts);
    for (let d = 0; d < models.length; d++) {
      const ks = seen.filter((s) => s.d === d).map((s) => s.k);
      const k0 = models[d].indexAtOrAfter(start);
      expect(ks).toEqual([k0, k0 + 1, k0 + 2]);
    }
  });

  it('spreads the fleet evenly over the interval (no bursts)', () => {
    const specs = buildSpecs(registry(2000, 1), new Map(), { seed: 9, intervalS: 60, duplicatesRate: 0, dropoutRate: 0 });
    const phases = specs.map((f) => new DeviceModel(f.spec).phaseMs);
    const bins = new Array(60).fill(0);
    for (const p of phases) bins[Math.floor(p / 1000)]++;
    const mean = phases.length / 60;
    // Poisson-like spread: every second of the minute carries a share, none more than 2× the mean
    expect(Math.min(...bins)).toBeGreaterThan(mean * 0.4);
    expect(Math.max(...bins)).toBeLessThan(mean * 2);
  });

  it('respects a budget and resumes where it stopped', () => {
    const w = new Wheel([0, 10, 20, 30], 100, 0);
    const a: number[] = [];
    expect(w.drain(1000, (d) => a.push(d), 3)).toBe(3);
    expect(w.drain(1000, (d) => a.push(d), 3)).toBe(3);
    expect(a).toEqual([0, 1, 2, 3, 0, 1]);
    expect(w.nextDueMs()).toBe(120);
  });

  it('starts at the first slot at or after the start time', () => {
    const w = new Wheel([50, 10], 100, 1030);
    expect(w.nextDueMs()).toBe(1050);
    const w2 = new Wheel([50, 10], 100, 1060);
    expect(w2.nextDueMs()).toBe(1110);
  });
});

describe('simulated clock', () => {
  it('runs speed× wall time and re-bases on a speed change without a jump', () => {
    let wall = 1000;
    const c = new SimClock(5_000_000, 60, () => wall);
    wall += 1000;
    expect(c.now()).toBe(5_000_000 + 60_000);
    expect(c.wallDelayUntil(5_000_000 + 120_000)).toBeCloseTo(1000);
    c.setSpeed(1);
    expect(c.now()).toBe(5_060_000);
    wall += 500;
    expect(c.now()).toBe(5_060_500);
    expect(() => c.setSpeed(0)).toThrow();
  });
});
