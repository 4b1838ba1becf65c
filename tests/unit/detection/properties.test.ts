/**
 * Properties of the core: healthy steady circuits never alarm; the same input gives the same output;
 * a snapshot taken mid-stream (through JSON, as a restarted worker would) continues identically.
 */
import { describe, expect, it } from 'vitest';
import { Engine, resolveProfile } from '../../../lib/detection/index.ts';
import { CASES } from './cases.ts';
import { ambientAt, entry, healthy1, healthy3, stream } from './builders.ts';

function run(engine: Engine, lines: { topic: string; payload: unknown }[]) {
  return lines.flatMap((l) => engine.ingest(l.topic, l.payload));
}

describe('detection core properties', () => {
  it('healthy steady circuits never alarm (all site categories and load types)', () => {
    const cats = ['relic', 'temple', 'school', 'welfare', 'hospital', 'mall', 'entertainment', 'gas', 'mine', 'hazchem'];
    const loads = ['lighting', 'sockets', 'heating', 'motor', 'mixed'] as const;
    cats.forEach((cat, i) => {
      const e = entry({ device: `H-${i}`, siteCategory: cat, loadType: loads[i % 5], phases: i % 2 ? 3 : 1, ratedCurrentA: 32, cableMm2: 6 });
      const lines = stream({ e, samples: 1440, seed: 10 + i, channel: (t) => (e.phases === 3 ? healthy3 : healthy1)(e, t, ambientAt(t)) });
      expect(run(new Engine([e]), lines).map((r) => r.type)).toEqual([]);
    });
  }, 120_000);

  it('is deterministic: same input, same output', () => {
    for (const c of CASES) {
      expect(JSON.stringify(run(new Engine(c.registry), c.lines))).toBe(JSON.stringify(run(new Engine(c.registry), c.lines)));
    }
  }, 120_000);

  it('snapshot/restore mid-stream gives the same alarms as an uninterrupted run', () => {
    for (const c of CASES) {
      const whole = run(new Engine(c.registry), c.lines);
      for (const cut of [Math.floor(c.lines.length / 3), Math.floor((2 * c.lines.length) / 3)]) {
        const a = new Engine(c.registry);
        const first = run(a, c.lines.slice(0, cut));
        const b = new Engine(c.registry);
        b.restore(JSON.parse(JSON.stringify(a.snapshot())));
        const rest = run(b, c.lines.slice(cut));
        expect([...first, ...rest], `${c.name} cut at ${cut}`).toEqual(whole);
      }
    }
  }, 120_000);

  it('a snapshot from an older state layout restores those circuits fresh instead of crashing', () => {
    const c = CASES.find((x) => x.name === 'overload-escalates-and-clears')!;
    const cut = Math.floor(c.lines.length / 2);
    const a = new Engine(c.registry);
    run(a, c.lines.slice(0, cut));
    const snap = JSON.parse(JSON.stringify(a.snapshot()));
    const key = Object.keys(snap.circuits)[0];
    // the layout before the tag existed: 297 numbers; and a same-length array with a foreign tag
    for (const old of [snap.circuits[key].slice(0, 297), [...snap.circuits[key].slice(0, -1), 1]]) {
      const b = new Engine(c.registry);
      b.restore({ ...snap, circuits: { [key]: old } });
      expect(b.stats.freshOnRestore).toBe(1);
      const fresh = new Engine(c.registry);
      fresh.restore({ ...snap, circuits: {} });
      expect(run(b, c.lines.slice(cut))).toEqual(run(fresh, c.lines.slice(cut)));
    }
  });

  it('profiles: wood sites are stricter, GB ranges are enforced, circuit overrides win', () => {
    const relic = resolveProfile(entry({ siteCategory: 'relic' }));
    const mall = resolveProfile(entry({ siteCategory: 'mall' }));
    expect(relic.tempSetC).toBeLessThan(mall.tempSetC);
    expect(relic.heatWarnK).toBeLessThan(mall.heatWarnK);
    expect(resolveProfile(entry(), { sites: { 'SITE-1': { residualSetMa: 500 } }, circuits: { 'DEV-1/1': { residualSetMa: 400 } } }).residualSetMa).toBe(400);
    expect(() => resolveProfile(entry(), { circuits: { 'DEV-1/1': { residualSetMa: 1500 } } })).toThrow();
    expect(() => resolveProfile(entry(), { circuits: { 'DEV-1/1': { residualSetMa: 10 } } })).toThrow();
    expect(() => resolveProfile(entry(), { circuits: { 'DEV-1/1': { arcPerS: 20 } } })).toThrow();
    expect(() => resolveProfile(entry({ maxConductorC: 70 }), { circuits: { 'DEV-1/1': { tempSetC: 90 } } })).toThrow();
  });

  it('offline records carry no channel; unknown devices and channels are counted, not fatal', () => {
    const e = entry();
    const eng = new Engine([e]);
    eng.ingest('esms/v1/SITE-1/DEV-1/telemetry', { v: 1, device: 'DEV-1', seq: 1, ts: 1000, channels: [{ ch: 1, ia: 1 }, { ch: 9, ia: 1 }] });
    eng.ingest('esms/v1/SITE-1/OTHER/telemetry', { v: 1, device: 'OTHER', seq: 1, ts: 2000, channels: [{ ch: 1, ia: 1 }] });
    const recs = eng.advance(1000 + 4 * 60_000);
    expect(recs).toHaveLength(1);
    expect(recs[0]).not.toHaveProperty('ch');
    expect(eng.stats.unknownChannel).toBe(1);
    expect(eng.stats.unknownDevice).toBe(1);
  });
});
