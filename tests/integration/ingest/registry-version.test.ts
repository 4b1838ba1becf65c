/**
 * Migration 0009's registry version: it moves when what ingest's registry holds changes, and not on ingest's
 * own status writes, so the worker's once-a-minute check reloads only when there is something new.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSql } from '../../../platform/db.ts';
import { Registry } from '../../../workers/ingest/registry.ts';
import { createFixture, dropFixture } from './fixtures.ts';

const PREFIX = 'IT-REGV';
const sql = createSql(inject('dbUrl'), { max: 2, app: 'it-registry-version' });
const version = async () => (await sql<{ v: string }[]>`SELECT v::text AS v FROM registry_version`)[0].v;

beforeAll(async () => {
  await dropFixture(sql, PREFIX);
  await createFixture(sql, PREFIX, { sites: 1, devicesPerSite: 1, channels: 2 });
});
afterAll(async () => {
  await dropFixture(sql, PREFIX);
  await sql.end();
});

describe('registry version', () => {
  it('stays put on status writes and moves on registry changes', async () => {
    const reg = new Registry();
    await reg.load(sql);
    expect(await reg.stale(sql)).toBe(false);
    const dev = `${PREFIX}-S1-D1`;

    // what ingest writes all the time
    await sql`UPDATE devices SET last_seq = 7, online = true, last_seen_at = now() WHERE id = ${dev}`;
    await sql`UPDATE sites SET status = 'warning', last_seen_at = now() WHERE id = ${`${PREFIX}-S1`}`;
    expect(await reg.stale(sql)).toBe(false);

    // a newly commissioned circuit: stale, and a reload picks it up
    const v0 = await version();
    await sql`INSERT INTO circuits (device_id, ch, site_id, name_zh, name_en, phases, rated_current_a, cable_mm2, insulation, max_conductor_c, load_type)
              VALUES (${dev}, 3, ${`${PREFIX}-S1`}, '新回路', 'New circuit', 1, 16, 2.5, 'PVC', 70, 'lighting')`;
    expect(await version()).not.toBe(v0);
    expect(await reg.stale(sql)).toBe(true);
    expect(reg.device(dev)?.circuits.has(3)).toBe(false);
    await reg.load(sql);
    expect(reg.device(dev)?.circuits.get(3)?.nameZh).toBe('新回路');
    expect(await reg.stale(sql)).toBe(false);

    // a site renamed, a device's interval changed: both move it
    for (const change of [
      () => sql`UPDATE sites SET name_zh = '测试单位（改）' WHERE id = ${`${PREFIX}-S1`}`,
      () => sql`UPDATE devices SET report_interval_s = 30 WHERE id = ${dev}`,
    ]) {
      await change();
      expect(await reg.stale(sql)).toBe(true);
      await reg.load(sql);
    }
    expect(reg.sites.get(`${PREFIX}-S1`)?.nameZh).toBe('测试单位（改）');
    expect(reg.device(dev)?.reportIntervalS).toBe(30);
  });
});
