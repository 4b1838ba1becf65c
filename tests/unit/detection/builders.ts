/**
 * Builders for detection fixtures: registry entries and replay streams from small functions of
 * time, with a seeded PRNG so regenerated fixtures are byte-identical. No hand-copied literals.
 */
import type { Channel, RegistryEntry } from '../../../lib/protocol/v1.ts';

export const T0 = Date.UTC(2025, 0, 15, 0, 0, 0); // a winter day, 08:00 Beijing time
export const MIN = 60_000;
export const HOUR = 3_600_000;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function entry(o: Partial<RegistryEntry> = {}): RegistryEntry {
  return {
    device: 'DEV-1', ch: 1, site: 'SITE-1', siteCategory: 'school', phases: 1, ratedCurrentA: 16, cableMm2: 2.5,
    insulation: 'PVC', maxConductorC: 70, loadType: 'sockets', reportIntervalS: 60, ...o,
  };
}

export interface ReplayLine { topic: string; payload: Record<string, unknown> }

/** Everything a sample function may need: sample index, time, hour of day (UTC+8), PRNG noise. */
export interface Tick { k: number; ts: number; hour: number; noise: (sd: number) => number }
export type ChannelFn = (t: Tick) => Omit<Channel, 'ch'> | null;

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Round every numeric field to 0.1 (devices report one decimal; keeps fixtures small). */
function tidy(o: Record<string, number | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = k === 'arc' || k === 'ch' ? v : r1(v);
  return out;
}

export interface StreamSpec {
  e: RegistryEntry;
  samples: number;
  start?: number;
  seed?: number;
  /** seq of the first message (default 0) */
  seqStart?: number;
  /** per-sample channel reading; null = no message this sample (dropout) */
  channel: ChannelFn;
  ambient?: (t: Tick) => { t?: number; rh?: number };
}

export function stream(spec: StreamSpec): ReplayLine[] {
  const rnd = mulberry32(spec.seed ?? 1);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const out: ReplayLine[] = [];
  const start = spec.start ?? T0;
  let seq = spec.seqStart ?? 0;
  for (let k = 0; k < spec.samples; k++) {
    const ts = start + k * spec.e.reportIntervalS * 1000;
    const tick: Tick = { k, ts, hour: ((ts / HOUR + 8) % 24 + 24) % 24, noise: (sd) => sd * gauss() };
    const ch = spec.channel(tick);
    if (ch === null) continue;
    const payload: Record<string, unknown> = { v: 1, device: spec.e.device, seq: seq++, ts, channels: [tidy({ ch: spec.e.ch, ...ch })] };
    const amb = spec.ambient?.(tick) ?? { t: 15 + 3 * Math.sin(((tick.hour - 9) / 24) * 2 * Math.PI), rh: 40 };
    payload.ambient = tidy(amb);
    out.push({ topic: `esms/v1/${spec.e.site}/${spec.e.device}/telemetry`, payload });
  }
  return out;
}

/** Merge streams of several devices in time order (stable). */
export function merge(...streams: ReplayLine[][]): ReplayLine[] {
  return streams.flat().map((l, i) => ({ l, i })).sort((a, b) => (a.l.payload.ts as number) - (b.l.payload.ts as number) || a.i - b.i).map((x) => x.l);
}

/** Daily load shape 0.2–0.7 of In with a morning and an evening peak. */
export function dailyLoad(hour: number): number {
  return 0.2 + 0.3 * Math.exp(-(((hour - 9) / 2) ** 2)) + 0.5 * Math.exp(-(((hour - 19.5) / 2.5) ** 2));
}

/** A healthy single-phase reading: terminals ≈ ambient + 10 K·(I/In)², leakage ≈ 15 mA. */
export function healthy1(e: RegistryEntry, t: Tick, amb: number, load = dailyLoad(t.hour)): Omit<Channel, 'ch'> {
  const i = Math.max(0, e.ratedCurrentA * load * (1 + t.noise(0.03)));
  const rise = 10 * (i / e.ratedCurrentA) ** 2;
  return { ia: i, ir: 15 + 0.3 * i + t.noise(0.8), ta: amb + rise + t.noise(0.15), tn: amb + rise * 0.9 + t.noise(0.15), ua: 224 + t.noise(1.5), arc: 0 };
}

/** A healthy three-phase reading with ±5 % shares. */
export function healthy3(e: RegistryEntry, t: Tick, amb: number, load = dailyLoad(t.hour)): Omit<Channel, 'ch'> {
  const I = e.ratedCurrentA * load;
  const ia = I * (1.05 + t.noise(0.02)), ib = I * (0.97 + t.noise(0.02)), ic = I * (0.98 + t.noise(0.02));
  const T = (i: number) => amb + 10 * (i / e.ratedCurrentA) ** 2 + t.noise(0.15);
  return { ia, ib, ic, ir: 25 + 0.2 * I + t.noise(1), ta: T(ia), tb: T(ib), tc: T(ic), tn: T(Math.abs(ia - (ib + ic) / 2)), ua: 223 + t.noise(1.5), ub: 225 + t.noise(1.5), uc: 222 + t.noise(1.5), arc: 0 };
}

/**
 * The conductor's own rise for a stream (first-order, τ = 420 + 75·√S s, (limit − 30 K)·(I/Iz)² at steady
 * state with Iz from the PVC table): terminals sit on the conductor, so an overload shows on them too.
 * Returns a stateful function of (tick, current); call it once per sample, in order.
 */
export function conductorRise(e: RegistryEntry): (t: Tick, i: number) => number {
  const iz = 24 * (e.cableMm2 / 2.5) ** 0.625 * (e.phases === 3 ? 0.89 : 1);
  const tau = 420 + 75 * Math.sqrt(e.cableMm2);
  let theta = NaN, last = NaN;
  return (t, i) => {
    const ss = (e.maxConductorC - 30) * (i / iz) ** 2;
    theta = theta !== theta ? ss : theta + (ss - theta) * (1 - Math.exp(-(t.ts - last) / 1000 / tau));
    last = t.ts;
    return theta;
  };
}

export const ambientAt = (t: Tick) => 15 + 3 * Math.sin(((t.hour - 9) / 24) * 2 * Math.PI);
