/**
 * The replay CLI (`npm run detect`) as outside tools run it: a recorded stream in, alarm records out, conforming to
 * docs/telemetry-v1.md — every line a valid alarm record, and a 报警/危急 hazard that recovers carries recoveredAt
 * and no clearedAt (nobody resets in a replay).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alarmRecordSchema } from '../../../lib/protocol/v1.ts';
import { latches } from '../../../lib/domain/alarm-latching.ts';

const FIX = join(import.meta.dirname, '../../fixtures/detection');
const tmp = mkdtempSync(join(tmpdir(), 'esms-replay-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function detect(fixture: string) {
  const out = join(tmp, `${fixture}.ndjson`);
  execFileSync(process.execPath, ['--import', 'tsx', 'workers/detection/cli.ts', '--registry', join(FIX, fixture, 'registry.json'), '--input', join(FIX, fixture, 'input.ndjson'), '--output', out], { stdio: 'pipe' });
  return readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

describe('replay CLI', () => {
  it('writes spec alarm records; a latched hazard that recovers gains recoveredAt, never clearedAt', () => {
    const recs = detect('overload-escalates-and-clears');
    expect(recs.length).toBeGreaterThan(0);
    for (const r of recs) expect(alarmRecordSchema.safeParse(r).success).toBe(true);
    const last = new Map<string, (typeof recs)[number]>();
    for (const r of recs) last.set(`${r.device}/${r.ch}/${r.type}/${r.openedAt}`, r);
    const latched = [...last.values()].filter((r) => latches(r.type, r.severity));
    expect(latched.length).toBeGreaterThan(0);
    for (const r of latched) expect(r.clearedAt).toBeNull();
    expect(latched.some((r) => typeof r.recoveredAt === 'number')).toBe(true);
  }, 60_000);
});
