import { describe, expect, it } from 'vitest';
import type { RegistryEntry } from '../../../lib/protocol/v1.ts';
import { CircuitModel, DAY_MS, HOUR_MS, Rng, bjtHour, loadFactor, weather, type Env } from '../../../lib/physics/index.ts';

const entry = (o: Partial<RegistryEntry> = {}): RegistryEntry => ({
  device: 'T-D1',
  ch: 1,
  site: 'T',
  siteCategory: 'hospital',
  phases: 1,
  ratedCurrentA: 32,
  cableMm2: 6,
  insulation: 'PVC',
  maxConductorC: 70,
  loadType: 'sockets',
  reportIntervalS: 60,
  ...o,
});
const env = (t = 20, rh = 40): Env => ({ ambientC: t, rh, ua: 225, ub: 225, uc: 225, condensation: 0 });

describe('seeded randomness', () => {
  it('is reproducible and roughly standard normal', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 20000 }, () => a.gauss());
    expect(Array.from({ length: 20000 }, () => b.gauss())).toEqual(xs);
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});

describe('Chamdo weather', () => {
  const month = (y: number, m: number) => {
    const ts: number[] = [];
    for (let t = Date.UTC(y, m, 1); t < Date.UTC(y, m + 1, 1); t += HOUR_MS) ts.push(t);
    const w = ts.map((t) => weather(3, t));
    const mean = w.reduce((s, x) => s + x.t, 0) / w.length;
    const days: number[] = [];
    for (let d = 0; d + 24 <= w.length; d += 24) {
      const day = w.slice(d, d + 24).map((x) => x.t);
      days.push(Math.max(...day) - Math.min(...day));
    }
    return {
      mean,
      swing: days.reduce((s, x) => s + x, 0) / days.length,
      rh: w.reduce((s, x) => s + x.rh, 0) / w.length,
      rain: w.filter((x) => x.raining).length / w.length,
    };
  };
  it('has cold dry winters with big swings and a rainy summer', () => {
    const jan = [2024, 2025, 2026].map((y) => month(y, 0));
    const jul = [2024, 2025, 2026].map((y) => month(y, 6));
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(avg(jan.map((x) => x.mean))).toBeGreaterThan(-5);
    expect(avg(jan.map((x) => x.mean))).toBeLessThan(0);
    expect(avg(jul.map((x) => x.mean))).toBeGreaterThan(13.5);
    expect(avg(jul.map((x) => x.mean))).toBeLessThan(18.5);
    expect(avg(jan.map((x) => x.swing))).toBeGreaterThan(12);
    expect(avg(jul.map((x) => x.swing))).toBeLessThan(avg(jan.map((x) => x.swing)));
    expect(avg(jul.map((x) => x.rh))).toBeGreaterThan(avg(jan.map((x) => x.rh)) + 15);
    expect(avg(jul.map((x) => x.rain))).toBeGreaterThan(3 * avg(jan.map((x) => x.rain)));
  });
  it('is random access (same value however reached)', () => {
    const t = Date.UTC(2025, 6, 3, 5, 17);
    expect(weather(9, t)).toEqual(weather(9, t));
  });
});

describe('load profiles (Beijing time)', () => {
  const at = (y: number, mo: number, d: number, h: number) => Date.UTC(y, mo, d, h - 8, 0); // local h → UTC
  it('follows the site category calendars', () => {
    expect(bjtHour(at(2025, 0, 8, 6))).toBeCloseTo(6);
    // temple prayer peak at dawn vs mid-morning
    expect(loadFactor('temple', 'sockets', at(2025, 3, 8, 6))).toBeGreaterThan(loadFactor('temple', 'sockets', at(2025, 3, 8, 11)) + 0.2);
    // dormitory heaters: winter term night ≫ summer night; vacation (late Jan) low
    const decNight = loadFactor('school', 'heating', at(2025, 10, 20, 2));
    expect(decNight).toBeGreaterThan(0.7);
    expect(loadFactor('school', 'heating', at(2025, 6, 2, 2))).toBeLessThan(0.4);
    expect(loadFactor('school', 'heating', at(2025, 0, 25, 2))).toBeLessThan(0.2);
    // mall 10–22, KTV 19–03
    expect(loadFactor('mall', 'sockets', at(2025, 4, 14, 15))).toBeGreaterThan(3 * loadFactor('mall', 'sockets', at(2025, 4, 14, 4)));
    expect(loadFactor('entertainment', 'lighting', at(2025, 4, 14, 23))).toBeGreaterThan(
      loadFactor('entertainment', 'lighting', at(2025, 4, 14, 12)) + 0.3,
    );
    // hospitals never go dark
    expect(loadFactor('hospital', 'mixed', at(2025, 4, 14, 3))).toBeGreaterThan(0.3);
    // Losar 2025-02-28 lifts temples
    expect(loadFactor('temple', 'sockets', at(2025, 1, 28, 19))).toBeGreaterThan(loadFactor('temple', 'sockets', at(2025, 1, 14, 19)));
  });
  it('switches motors with an rng and is deterministic', () => {
    const r1 = new Rng(5);
    const r2 = new Rng(5);
    const a = Array.from({ length: 50 }, (_, i) => loadFactor('gas', 'motor', at(2025, 4, 14, 10) + i * 60000, r1));
    expect(Array.from({ length: 50 }, (_, i) => loadFactor('gas', 'motor', at(2025, 4, 14, 10) + i * 60000, r2))).toEqual(a);
    expect(new Set(a.map((x) => x > 0.5)).size).toBe(2);
  });
});

describe('thermal model', () => {
  it('approaches the I² steady state with the cable time constant', () => {
    const t0 = Date.UTC(2025, 0, 6);
    const I = 30;
    const c = new CircuitModel(entry(), { seed: 1, loadA: (t) => (t < t0 + HOUR_MS ? 0 : I) });
    const tau = c.p.tauCab;
    const rise: number[] = [];
    for (let t = t0; t <= t0 + 6 * HOUR_MS; t += 10_000) {
      c.step(t, env());
      if (t >= t0 + HOUR_MS) rise.push(c.truth.tCable[0] - 20);
    }
    const ss = c.p.dTref * (I / c.p.Iz) ** 2;
    expect(rise[rise.length - 1]).toBeCloseTo(ss, 1);
    const k = Math.round(tau / 10); // samples after the step
    expect(rise[k] / ss).toBeGreaterThan(0.6);
    expect(rise[k] / ss).toBeLessThan(0.66);
    expect(tau).toBeGreaterThan(500);
    expect(tau).toBeLessThan(1600);
    // the terminal sits above the conductor by the breaker/contact rise, settling in minutes
    expect(c.truth.tTerm[0] - c.truth.tCable[0]).toBeCloseTo(
      c.p.kBrk[0] * (I / 32) ** 2 + c.p.kTh * I * I * c.p.r0[0] * (1 + 0.004 * (c.truth.tTerm[0] - 20)),
      2,
    );
  });
  it('doubling the current quadruples the rise', () => {
    const rise = (I: number) => {
      const c = new CircuitModel(entry(), { seed: 2, loadA: () => I });
      c.step(0, env());
      return c.truth.tCable[0] - 20;
    };
    expect(rise(24) / rise(12)).toBeCloseTo(4, 5);
  });
  it('single-phase payloads carry ia/ta/tn and never ib/ic/tb/tc', () => {
    const c = new CircuitModel(entry(), { seed: 3 });
    const ch = c.sample(Date.UTC(2025, 0, 6, 4), env());
    expect(Object.keys(ch).sort()).toEqual(['arc', 'ch', 'ia', 'ir', 'ta', 'tn', 'ua'].sort());
    const c3 = new CircuitModel(entry({ phases: 3, ratedCurrentA: 63, cableMm2: 16, loadType: 'mixed' }), {
      seed: 3,
      voltage: false,
      arc: false,
    });
    const ch3 = c3.sample(Date.UTC(2025, 0, 6, 4), env());
    expect(Object.keys(ch3).sort()).toEqual(['ch', 'ia', 'ib', 'ic', 'ir', 'ta', 'tb', 'tc', 'tn'].sort());
  });
  it('residual current rises with humidity', () => {
    const ir = (rh: number) => {
      const c = new CircuitModel(entry(), { seed: 4, loadA: () => 10 });
      c.step(DAY_MS, env(15, rh));
      return c.truth.ir;
    };
    expect(ir(95)).toBeGreaterThan(ir(40) * 1.4);
    expect(ir(40)).toBeGreaterThan(1);
    expect(ir(40)).toBeLessThan(60);
  });
});
