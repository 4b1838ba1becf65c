/**
 * Table-driven detection fixtures: tests/fixtures/detection/<case>/{registry.json,input.ndjson,expected.ndjson}.
 * Each case replays through the Engine and must equal the recorded alarms. `UPDATE=1` rewrites the
 * fixtures from the builders; the semantic checks (must / never / clears) run either way.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alarmRecordSchema } from '../../../lib/protocol/v1.ts';
import { Engine, type DetectionRecord } from '../../../lib/detection/index.ts';
import { CASES as BASE_CASES } from './cases.ts';
import { FIELD_CASES } from './cases-field.ts';

const CASES = [...BASE_CASES, ...FIELD_CASES];

const ROOT = join(import.meta.dirname, '../../fixtures/detection');
const UPDATE = process.env.UPDATE === '1';
const SEV = { warning: 1, alarm: 2, critical: 3 } as const;

function replay(registryJson: string, inputNdjson: string): DetectionRecord[] {
  const engine = new Engine(JSON.parse(registryJson));
  const out: DetectionRecord[] = [];
  for (const line of inputNdjson.split('\n')) {
    if (!line) continue;
    const { topic, payload } = JSON.parse(line);
    out.push(...engine.ingest(topic, payload));
  }
  return out;
}

const ndjson = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';

describe('detection fixtures', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const dir = join(ROOT, c.name);
      if (UPDATE) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'registry.json'), JSON.stringify(c.registry, null, 2) + '\n');
        writeFileSync(join(dir, 'input.ndjson'), ndjson(c.lines));
      }
      const registry = readFileSync(join(dir, 'registry.json'), 'utf8');
      const input = readFileSync(join(dir, 'input.ndjson'), 'utf8');
      expect(input, 'fixture input is stale: regenerate with UPDATE=1').toBe(ndjson(c.lines));
      const got = replay(registry, input);
      if (UPDATE) writeFileSync(join(dir, 'expected.ndjson'), got.length ? ndjson(got) : '');
      const expected = readFileSync(join(dir, 'expected.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      expect(got).toEqual(expected);

      for (const r of got) {
        expect(alarmRecordSchema.safeParse(r).success).toBe(true);
        expect(r.reasonZh.length).toBeGreaterThan(0);
        // every record explains itself: what was measured, against which limits, over which window and rule
        expect(r.evidence).toEqual({ values: expect.any(Object), thresholds: expect.any(Object), windowS: expect.any(Number), persistence: expect.stringMatching(/^\d+\/\d+$/) });
      }
      if (c.never === '*') expect(got.map((r) => `${r.type}:${r.severity}`)).toEqual([]);
      else for (const t of c.never) expect(got.filter((r) => r.type === t).map((r) => r.reason)).toEqual([]);
      for (const m of c.must) {
        const hits = got.filter((r) => r.type === m.type);
        expect(hits.length, `${m.type} expected`).toBeGreaterThan(0);
        if (m.severity) expect(Math.max(...hits.map((r) => SEV[r.severity]))).toBe(SEV[m.severity]);
      }
      for (const t of c.keeps ?? []) {
        expect(got.some((r) => r.type === t), `${t} expected`).toBe(true);
        expect(got.filter((r) => r.type === t && r.clearedAt !== null).map((r) => r.reason), `${t} must not clear`).toEqual([]);
      }
      if (c.clears) {
        const open = new Map<string, number | null>();
        for (const r of got) open.set(`${r.device}/${r.ch}/${r.type}/${r.openedAt}`, r.clearedAt);
        expect([...open.values()].every((v) => v !== null)).toBe(true);
      }
    });
  }
});
