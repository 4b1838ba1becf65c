/**
 * The compiled telemetry predicate (workers/ingest/fast-check.ts) against zod itself: on the hostile corpus and on
 * thousands of seeded random mutations of valid messages it accepts exactly what zod accepts, and what it accepts
 * zod returns unchanged, so using the parsed JSON directly is the same as using zod's output.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { telemetrySchema } from '../../../lib/protocol/v1.ts';
import { fastCheck } from '../../../workers/ingest/fast-check.ts';
import { hostileCorpus } from '../../fixtures/hostile/corpus.ts';

const ok = fastCheck(telemetrySchema)!;

/** null when the predicate and zod agree (and zod's output equals the input), else what differs */
function disagreement(value: unknown) {
  const r = telemetrySchema.safeParse(value);
  const fast = ok(value);
  if (fast !== r.success) return { value, fast, zod: r.success };
  if (r.success && !isDeepStrictEqual(r.data, value)) return { value, zodOutput: r.data };
  return null;
}

// xorshift: the same cases every run
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const ODD: unknown[] = [0, -0, 1, -1, 0.5, 16, 17, 6300, 6300.0001, -40, -40.01, 300, 300.5, 30000, 30001, 500, 2 ** 32 - 1, 2 ** 32,
  Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 1e-9, '5', '', 'x', null, true, false, [], [1], {}, { a: 1 }];
const KEYS = ['ch', 'ia', 'ib', 'ic', 'ir', 'ta', 'tb', 'tc', 'tn', 'ua', 'ub', 'uc', 'arc'];

function mutate(r: () => number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const channel = (ch: number): Record<string, unknown> => {
    const c: Record<string, unknown> = { ch };
    for (const k of KEYS.slice(1)) if (r() < 0.5) c[k] = Math.round(r() * 100 * 10) / 10;
    if (r() < 0.3) c[pick(KEYS)] = pick(ODD);
    if (r() < 0.05) delete c.ch;
    if (r() < 0.05) c[pick(['x', 'IA', '__proto__', 'constructor', 'toString'])] = 1;
    return c;
  };
  const n = r() < 0.1 ? pick([0, 16, 17]) : 1 + Math.floor(r() * 4);
  const msg: Record<string, unknown> = {
    v: 1, device: 'DEV-1', seq: Math.floor(r() * 1000), ts: 1_700_000_000_000 + Math.floor(r() * 1e6),
    channels: Array.from({ length: n }, (_, i) => channel((i % 16) + 1)),
  };
  if (r() < 0.5) msg.ambient = r() < 0.8 ? { t: Math.round(r() * 1000) / 10 - 30, rh: Math.round(r() * 1000) / 10 } : { t: pick(ODD), w: 1 };
  if (r() < 0.25) msg[pick(['v', 'device', 'seq', 'ts', 'channels', 'ambient'])] = pick([...ODD, 'BAD ID', 'a'.repeat(65), 'ok_id-2']);
  if (r() < 0.05) delete msg[pick(['v', 'device', 'seq', 'ts', 'channels'])];
  if (r() < 0.05) msg[pick(['extra', '__proto__', 'valueOf'])] = 0;
  if (r() < 0.02) return pick(ODD);
  // what arrives is JSON: round-trip it (a key named __proto__ becomes an own property, -0 stays a number)
  return JSON.parse(JSON.stringify(msg).replace('"x":1', '"__proto__":1'));
}

describe('fastCheck(telemetrySchema)', () => {
  it('compiles the telemetry schema', () => {
    expect(ok).toBeTypeOf('function');
  });

  it('agrees with zod on the hostile corpus', () => {
    const corpus = hostileCorpus({ now: 1_700_000_000_000, site: 'S1', device: 'DEV-1', otherSite: 'S2', otherDevice: 'DEV-2' });
    const bad: unknown[] = [];
    let parsed = 0;
    for (const c of corpus) {
      let json: unknown;
      try {
        json = JSON.parse(c.payload.toString('utf8'));
      } catch {
        continue;
      }
      parsed++;
      const d = disagreement(json);
      if (d) bad.push(d);
    }
    expect(bad).toEqual([]);
    expect(parsed).toBeGreaterThan(20);
  });

  it('agrees with zod on 6000 seeded mutations, accepting and refusing both in numbers', () => {
    const r = rng(42);
    const bad: unknown[] = [];
    let accepted = 0;
    for (let i = 0; i < 6000; i++) {
      const m = mutate(r);
      const d = disagreement(m);
      if (d && bad.length < 5) bad.push(d);
      if (ok(m)) accepted++;
    }
    expect(bad).toEqual([]);
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(5700);
  }, 60_000);

  it('leaves to zod what it does not compile', () => {
    expect(fastCheck(z.object({ a: z.number().default(1) }))).toBeNull();
    expect(fastCheck(z.object({ a: z.string().transform((s) => s.length) }))).toBeNull();
    expect(fastCheck(z.object({ a: z.number().refine((n) => n > 1) }))).toBeNull();
    expect(fastCheck(z.object({ a: z.number() }).catchall(z.string()))).toBeNull();
  });
});
