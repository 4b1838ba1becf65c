/**
 * A changed profile reaches live detection within seconds, without losing state: a circuit leaking 250 mA does not
 * alarm under the 300 mA default and does once an authorised user lowers its set point to 200 mA — first through
 * the detect stage in-process (real LISTEN/NOTIFY, state compared before and after), then through the real ingest
 * worker process over MQTT into the alarms table. Overrides that no longer fit a circuit are left out, not fatal.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Principal } from '../../../platform/scope.ts';
import { loadPrincipalForUser } from '../../../platform/principal.ts';
import { siteCircuits } from '../../../server/profiles/circuits.ts';
import { setOverride } from '../../../server/profiles/write.ts';
import type { Engine, DetectionRecord, Overrides } from '../../../lib/detection/index.ts';
import { EngineStage } from '../../../workers/ingest/detect-stage.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import { createFixture, dropFixture, telemetry, topicOf, type FixtureDevice } from '../ingest/fixtures.ts';
import { connectPublisher, killSpawned, publishAll, spawnIngest, waitFor } from '../ingest/harness.ts';

const sql = testSql();
let admin: Principal;

const sample = (d: FixtureDevice, seq: number, ts: number) => {
  const m = telemetry(d, seq, ts);
  m.channels[0].ir = 250; // ch 1 leaks a steady 250 mA; ch 2 stays near 20 mA
  return m;
};

beforeAll(async () => {
  await ensureSeeded(sql); // users and roles
  const [{ id }] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'admin'`;
  admin = (await loadPrincipalForUser(sql, id))!;
});
afterAll(async () => {
  killSpawned();
  await dropFixture(sql, 'IT-PROFA');
  await dropFixture(sql, 'IT-PROFB');
  await sql.end();
});

describe('detect stage follows the overrides (in-process, real database)', () => {
  it('250 mA: silent at 300, alarms after lowering to 200 — state carried over; unfit rows left out', async () => {
    await dropFixture(sql, 'IT-PROFA');
    const fx = await createFixture(sql, 'IT-PROFA', { sites: 1, devicesPerSite: 1, channels: 2 });
    const [d] = fx.devices;
    const entries = (await siteCircuits(sql, d.site)).map((c) => c.entry);
    const stage = new EngineStage(entries);
    await stage.followOverrides(sql, (fn) => fn());
    const engine = () => (stage as unknown as { engine: Engine }).engine;
    const t0 = Date.now() - 3600_000;
    let seq = 0;
    const feed = (n: number) => {
      const out: DetectionRecord[] = [];
      for (let i = 0; i < n; i++, seq++) out.push(...stage.ingest(topicOf(d), sample(d, seq, t0 + seq * 60_000)));
      return out.filter((r) => r.type === 'residual_current');
    };
    try {
      expect(feed(8)).toEqual([]);

      const before = engine().snapshot();
      const t = Date.now();
      const res = await setOverride(sql, admin, d.site, { circuitId: d.circuitIds[0], override: { residualSetMa: 200 }, reason: '集成测试：收紧设定值' }, null);
      expect(res.changed).toBe(true);
      await waitFor(async () => stage.profileStats.applied >= 1, 10_000, 20);
      const latency = Date.now() - t;
      console.log(`[profiles] override committed → applied in the detect stage: ${latency} ms`);
      expect(latency).toBeLessThan(3000); // the notification path: the fallback poll is 10 s
      const after = engine().snapshot();
      expect(after.circuits).toEqual(before.circuits);
      expect(after.clock).toBe(before.clock);

      const recs = feed(3);
      expect(recs.length).toBeGreaterThan(0);
      expect(recs[0]).toMatchObject({ device: d.id, ch: 1, type: 'residual_current', severity: 'alarm', threshold: 200, clearedAt: null });

      // a row written by hand around the portal: a site layer above this PVC site's 70 °C limit, and one out of range
      await sql`INSERT INTO profile_overrides (site_id, override, reason) VALUES (${d.site}, ${sql.json({ tempSetC: 140 })}, 'by hand')`;
      await waitFor(async () => stage.profileStats.applied >= 2, 10_000, 20);
      expect(stage.profileStats.dropped).toBe(1);
      await sql`UPDATE profile_overrides SET override = ${sql.json({ residualSetMa: 5000 })} WHERE site_id = ${d.site} AND circuit_id IS NULL`;
      await waitFor(async () => stage.profileStats.applied >= 3, 10_000, 20);
      expect(stage.profileStats.dropped).toBe(0); // the bad row is skipped at load; the circuit layer still applies
      expect(feed(1).every((r) => r.threshold === 200)).toBe(true);

      // back to the default: the alarm clears after its calm samples
      await sql`DELETE FROM profile_overrides WHERE site_id = ${d.site} AND circuit_id IS NULL`;
      await setOverride(sql, admin, d.site, { circuitId: d.circuitIds[0], override: null, reason: '恢复默认' }, null);
      const layers = () => (stage as unknown as { overrides: Overrides }).overrides;
      await waitFor(async () => Object.keys(layers().sites ?? {}).length + Object.keys(layers().circuits ?? {}).length === 0, 10_000, 20);
      const cleared = feed(8);
      expect(cleared.some((r) => r.clearedAt !== null)).toBe(true);
    } finally {
      await stage.close();
    }
  });
});

describe('the running ingest worker', () => {
  it('applies a lowered set point within seconds and raises the alarm into the database', async () => {
    await dropFixture(sql, 'IT-PROFB');
    const fx = await createFixture(sql, 'IT-PROFB', { sites: 1, devicesPerSite: 1, channels: 2 });
    const [d] = fx.devices;
    const w = spawnIngest({ DATABASE_URL: inject('dbUrl'), MQTT_URL: inject('mosquittoUrl'), INGEST_CLIENT_ID: `it-prof-${Date.now()}` });
    await w.ready;
    const pub = await connectPublisher(inject('mosquittoUrl'));
    try {
      const t0 = Date.now() - 30 * 60_000;
      const msgs = [{ topic: topicOf(d, 'status'), payload: JSON.stringify({ v: 1, online: true, ts: t0 }) }];
      for (let s = 1; s <= 8; s++) msgs.push({ topic: topicOf(d), payload: JSON.stringify(sample(d, s, t0 + s * 60_000)) });
      await publishAll(pub, msgs, 1);
      await waitFor(async () => (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM readings WHERE circuit_id = ${d.circuitIds[0]}`)[0].n === 8);
      const residual = () => sql<{ severity: string; threshold: number }[]>`
        SELECT severity, threshold FROM alarms WHERE device_id = ${d.id} AND ch = 1 AND type = 'residual_current'`;
      expect(await residual()).toEqual([]);

      const t = Date.now();
      await setOverride(sql, admin, d.site, { circuitId: d.circuitIds[0], override: { residualSetMa: 200 }, reason: '集成测试：在线收紧' }, null);
      const line = await waitFor(async () => w.logs.find((l) => l.includes('profile overrides applied')), 20_000, 20);
      const applied = Date.now() - t;
      // the Engine rebuild (snapshot → new Engine → restore) is CPU time proportional to the fleet (~12k circuits
      // of the seeded database here); the rest is the notification path, far below the 10 s fallback poll
      const { rebuildMs } = JSON.parse(line) as { rebuildMs: number };
      console.log(`[profiles] override committed → applied by the ingest worker: ${applied} ms (Engine rebuild ${rebuildMs} ms)`);
      expect(applied - rebuildMs).toBeLessThan(3000);

      const more = [];
      for (let s = 9; s <= 11; s++) more.push({ topic: topicOf(d), payload: JSON.stringify(sample(d, s, t0 + s * 60_000)) });
      await publishAll(pub, more, 1);
      const rows = await waitFor(async () => {
        const r = await residual();
        return r.length ? r : null;
      }, 15_000);
      expect(rows[0]).toMatchObject({ severity: 'alarm', threshold: 200 });
      expect(await sql`SELECT 1 FROM alarms WHERE device_id = ${d.id} AND ch = 2 AND type = 'residual_current'`).toHaveLength(0);
    } finally {
      await pub.endAsync();
      expect(await w.stop()).toBe(0);
    }
  });
});
