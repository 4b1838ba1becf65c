import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
import { telemetrySchema } from '../../../lib/protocol/v1.ts';
import {
  DeviceModel,
  HOUR_MS,
  deviceMessagesBetween,
  generateScenario,
  isDangerous,
  simulateChannel,
  type Injection,
  type Scenario,
  type StreamLine,
} from '../../../lib/physics/index.ts';

const JAN = Date.UTC(2025, 0, 6);
const JUL = Date.UTC(2025, 6, 1);
const digest = (sc: Scenario, max = 20000) => {
  const h = createHash('sha256');
  let n = 0;
  for (const l of sc.lines()) {
    h.update(JSON.stringify(l));
    if (++n >= max) break;
  }
  return h.update(JSON.stringify(sc.truth)).digest('hex');
};

describe('scenario determinism', () => {
  it('same seed → identical registry, truth and lines; other seed → different', () => {
    const o = { seed: 5, circuits: 60, days: 2, startMs: JAN };
    expect(digest(generateScenario(o))).toBe(digest(generateScenario(o)));
    expect(digest(generateScenario({ ...o, seed: 6 }))).not.toBe(digest(generateScenario(o)));
  });
});

describe('faults: ground truth from the trajectory', () => {
  const sc = generateScenario({
    seed: 21,
    circuits: 240,
    days: 6,
    startMs: JAN,
    faultMix: {
      loose_connection: 0.05,
      insulation_degradation: 0.03,
      overload: 0.02,
      earth_fault: 0.02,
      series_arc: 0.02,
      neutral_fault: 0.02,
      harmonic_neutral: 0.02,
    },
    includeNuisances: false,
    includeSensorFaults: false,
    includeDropouts: false,
  });
  const faults = sc.truth.filter((t) => t.class === 'fault');
  it('every fault kind is present and becomes dangerous', () => {
    expect(new Set(faults.map((f) => f.kind)).size).toBe(7);
    for (const f of faults) expect(f.dangerMs, `${f.kind} ${f.device}/${f.ch}`).not.toBeNull();
  });
  it('dangerMs is the first sample where the simulated physics crosses the limit', () => {
    for (const f of faults) {
      const spec = sc.devices.find((d) => d.device === f.device)!;
      const inj = spec.injections!.find((i) => i.ch === f.ch && i.kind === f.kind) as Injection;
      const seen: boolean[] = [];
      let firstTs = -1;
      simulateChannel(spec, f.ch!, sc.startMs, f.onsetMs, (f.dangerMs as number) + 1, (ts, tr, c) => {
        const d = isDangerous(inj, tr, c);
        seen.push(d);
        if (d && firstTs < 0) firstTs = ts;
      });
      expect(firstTs).toBe(f.dangerMs);
      expect(seen.slice(0, -1).every((x) => !x)).toBe(true);
    }
  });
  it('slow faults give 12–72 h typical early-warning windows', () => {
    const slow = faults.filter((f) => f.kind === 'loose_connection' || f.kind === 'insulation_degradation');
    const hours = slow.map((f) => ((f.dangerMs as number) - f.onsetMs) / HOUR_MS).sort((a, b) => a - b);
    expect(hours[Math.floor(hours.length / 2)]).toBeGreaterThan(12);
    expect(hours[Math.floor(hours.length / 2)]).toBeLessThan(72);
    expect(hours[0]).toBeGreaterThan(4);
  });
  it('a loose terminal heats its own pole more than the others well before danger', () => {
    const loose = faults.filter((f) => f.kind === 'loose_connection');
    let ok = 0;
    for (const f of loose) {
      const spec = sc.devices.find((d) => d.device === f.device)!;
      const pi = { a: 0, b: 1, c: 2, n: 3 }[f.pole!];
      let best = 0;
      simulateChannel(spec, f.ch!, sc.startMs, (f.dangerMs as number) - 24 * HOUR_MS, (f.dangerMs as number) - HOUR_MS, (_ts, tr, c) => {
        const others = [0, 1, 2, 3].filter((k) => k !== pi && (c.p.phases === 3 || k === 0 || k === 3));
        best = Math.max(best, tr.tTerm[pi] - Math.max(...others.map((k) => tr.tTerm[k])));
      });
      if (best > 8) ok++;
    }
    expect(ok / loose.length).toBeGreaterThanOrEqual(0.9);
  });
  it('a series arc turns sustained at danger: one arc_alarm event ≤ 2 s later, ≥ 14 half-cycles/s after it, sub-threshold before', { timeout: 240_000 }, () => {
    const arcs = faults.filter((f) => f.kind === 'series_arc');
    expect(arcs.length).toBeGreaterThan(0);
    const byDev = new Map<string, StreamLine[]>(arcs.map((f) => [f.device, []]));
    let disorder = 0, lastTs = -Infinity;
    for (const l of sc.lines()) {
      if (l.payload.ts < lastTs) disorder++;
      lastTs = l.payload.ts;
      byDev.get(l.payload.device)?.push(l);
    }
    expect(disorder).toBe(0);
    for (const f of arcs) {
      const sus = Number(f.detail.sustainedMs);
      expect(sus).toBeLessThanOrEqual(f.dangerMs as number);
      const mine = byDev.get(f.device)!;
      const ev = mine.filter((l) => l.topic.endsWith('/event') && (l.payload as { ch?: number }).ch === f.ch);
      expect(ev.length, f.device).toBe(1);
      const e = ev[0].payload as { ts: number; code: string; ch: number; value: number; seq: number };
      expect([e.code, e.ch]).toEqual(['arc_alarm', f.ch]);
      expect(e.ts - sus).toBeGreaterThanOrEqual(0);
      expect(e.ts - sus).toBeLessThanOrEqual(2000);
      expect(e.value).toBeGreaterThanOrEqual(14);
      let prev = NaN;
      for (const l of mine) {
        if (!('channels' in l.payload)) continue;
        const t = l.payload.ts;
        const c = l.payload.channels.find((x) => x.ch === f.ch)!;
        if (prev === prev && t > sus + 1000 && t - prev < 200_000 && t < (f.endMs as number) && c.ia! > 0.6) {
          if (prev >= sus) expect(c.arc!, `${f.device} ${t}`).toBeGreaterThanOrEqual(14 * ((t - prev) / 1000));
        }
        if (t < sus - 1000 && prev === prev) expect(c.arc! / ((t - prev) / 1000)).toBeLessThan(14);
        prev = t;
      }
    }
  });
});

describe('nuisances, sensors, transport, payloads', () => {
  const sc = generateScenario({ seed: 33, circuits: 200, days: 4, startMs: JUL, faultMix: {}, nuisanceFraction: 0.4, sensorFraction: 0.1 });
  const reg = new Map(sc.registry.map((e) => [`${e.device}/${e.ch}`, e]));
  const sensor = new Set(sc.truth.filter((t) => t.class === 'sensor').map((t) => `${t.device}/${t.ch}`));
  const inrush = new Set(sc.truth.filter((t) => t.kind === 'inrush').map((t) => `${t.device}/${t.ch}`));
  const lines = [...sc.telemetryLines()];
  it('payloads validate against the v1 schema and single-phase omits b/c fields', () => {
    for (const l of lines.filter((_, i) => i % 7 === 0)) {
      expect(telemetrySchema.safeParse(l.payload).success).toBe(true);
      for (const c of l.payload.channels) {
        if (reg.get(`${l.payload.device}/${c.ch}`)!.phases === 1) {
          expect(c.ib ?? c.ic ?? c.tb ?? c.tc).toBeUndefined();
        }
      }
    }
  });
  it('fault-free circuits (incl. all nuisances) stay below the alarm limits', () => {
    expect(sc.circuits.every((c) => c.faultFree)).toBe(true);
    expect(new Set(sc.truth.filter((t) => t.class === 'nuisance').map((t) => t.kind)).size).toBe(8);
    const bad: string[] = [];
    for (const l of lines) {
      for (const c of l.payload.channels) {
        const k = `${l.payload.device}/${c.ch}`;
        if (sensor.has(k)) continue;
        const e = reg.get(k)!;
        const temps = [c.ta, c.tb, c.tc, c.tn].filter((x) => x !== undefined) as number[];
        if (Math.max(...temps) >= e.maxConductorC - 5) bad.push(`${k} T=${Math.max(...temps)}`);
        if ((c.ir ?? 0) >= 260) bad.push(`${k} ir=${c.ir}`);
        const imax = Math.max(c.ia ?? 0, c.ib ?? 0, c.ic ?? 0);
        if (!inrush.has(k) && imax >= e.ratedCurrentA) bad.push(`${k} I=${imax}`);
        if ((c.arc ?? 0) >= 60) bad.push(`${k} arc=${c.arc}`);
        for (const u of [c.ua, c.ub, c.uc]) if (u !== undefined && Math.abs(u - 220) / 220 >= 0.08) bad.push(`${k} U=${u}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
  it('seq gaps match recorded dropouts/offline, duplicates match recorded redeliveries', () => {
    const lost = new Map<string, number>();
    const dups = new Map<string, number>();
    for (const t of sc.truth.filter((x) => x.class === 'transport')) {
      const m = t.kind === 'duplicate' ? dups : lost;
      m.set(t.device, (m.get(t.device) ?? 0) + Number(t.detail.messages));
    }
    const last = new Map<string, number>();
    const gap = new Map<string, number>();
    const dup = new Map<string, number>();
    for (const l of lines) {
      const { device, seq } = l.payload;
      const prev = last.get(device);
      if (prev === seq) dup.set(device, (dup.get(device) ?? 0) + 1);
      else if (prev !== undefined) gap.set(device, (gap.get(device) ?? 0) + ((seq - prev + 2 ** 32) % 2 ** 32) - 1);
      last.set(device, seq);
    }
    expect(lost.size + dups.size).toBeGreaterThan(0);
    for (const d of new Set([...lost.keys(), ...gap.keys()])) expect(gap.get(d) ?? 0, d).toBe(lost.get(d) ?? 0);
    for (const d of new Set([...dups.keys(), ...dup.keys()])) expect(dup.get(d) ?? 0, d).toBe(dups.get(d) ?? 0);
  });
  it('lines are time-ordered across devices', () => {
    let disorder = 0;
    for (let i = 1; i < lines.length; i++) if (lines[i].payload.ts < lines[i - 1].payload.ts) disorder++;
    expect(disorder).toBe(0);
    // without device events the full stream is the telemetry stream
    expect([...sc.lines()].length).toBe(lines.length);
  });
  it('backfill reproduces the live stream of a device', () => {
    const spec = sc.devices[3];
    const from = sc.startMs + 30 * HOUR_MS;
    const to = from + 2 * HOUR_MS;
    const live = lines.filter((l) => l.payload.device === spec.device && l.payload.ts >= from && l.payload.ts < to);
    const back = [...deviceMessagesBetween(spec, from, to)];
    expect(back.length).toBe(live.length);
    for (let i = 0; i < back.length; i++) {
      const a = back[i].payload;
      const b = live[i].payload;
      expect([a.seq, a.ts]).toEqual([b.seq, b.ts]);
      a.channels.forEach((c, j) => {
        for (const [k, v] of Object.entries(c))
          expect(Math.abs((v as number) - ((b.channels[j] as Record<string, number>)[k] ?? NaN))).toBeLessThanOrEqual(0.11);
      });
    }
  });
  it('seq wraps at 2^32', () => {
    const m = new DeviceModel({ ...sc.devices[0], injections: [], seqBase: 2 ** 32 - 2 });
    const k = m.indexAtOrAfter(0);
    expect([m.seqOf(k), m.seqOf(k + 1), m.seqOf(k + 2)]).toEqual([2 ** 32 - 2, 2 ** 32 - 1, 0]);
  });
  it('sensor faults are labelled and expect sensor_fault', () => {
    const s = sc.truth.filter((t) => t.class === 'sensor');
    expect(new Set(s.map((t) => t.kind)).size).toBe(5);
    for (const t of s) expect([t.expectedAlarm, t.dangerMs, typeof t.field]).toEqual(['sensor_fault', null, 'string']);
  });
});
