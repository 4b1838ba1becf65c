/**
 * Rollups recomputed for marked buckets (workers/ingest/rollups.ts): minutes from readings (and their hour
 * marked), hours from readings_1m with weighted averages and NULL handling as the old per-batch merge had them;
 * idempotent; a mark re-set by a batch that is still open while the recompute runs survives it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshHours, refreshMinutes } from '../../../workers/ingest/rollups.ts';
import { testSql } from '../helpers/db.ts';
import { createFixture, dropFixture } from './fixtures.ts';
import { sleep } from './harness.ts';

const sql = testSql();
const prefix = 'IT-ROLL1H';
const H = new Date('2001-02-03T04:00:00Z');
let ids: number[] = [];

beforeAll(async () => {
  await dropFixture(sql, prefix);
  const fx = await createFixture(sql, prefix, { sites: 1, devicesPerSite: 1, channels: 2 });
  ids = fx.devices[0].circuitIds;
});
afterAll(async () => {
  await sql`DELETE FROM readings_1h_dirty WHERE bucket = ${H}`;
  await dropFixture(sql, prefix);
  await sql.end();
});

const minute = (m: number) => new Date(H.getTime() + m * 60_000);

describe('refreshMinutes', () => {
  it('recomputes a marked minute from readings and marks its hour', async () => {
    const [a, b] = ids;
    const M = new Date('2001-02-03T05:07:00Z');
    const at = (s: number) => new Date(M.getTime() + s * 1000);
    await sql`SELECT esms_ensure_partitions('2001-02-03', '2001-02-04')`;
    await sql`
      INSERT INTO readings (circuit_id, ts, seq, ia, ib, ic, ir, ta, tb, tc, tn, arc) VALUES
        (${a}, ${at(0)}, 1, 1, 4, 2, 0.5, 30, 20, 20, 20, 1),
        (${a}, ${at(30)}, 2, 2, 1, 1, NULL, 40, 20, 20, 20, NULL),
        (${a}, ${at(60)}, 3, 9, 9, 9, 9, 99, 99, 99, 99, 9),
        (${b}, ${at(59)}, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`;
    await sql`INSERT INTO readings_1m (circuit_id, bucket, n) VALUES (${a}, ${M}, 999)`; // stale: replaced
    await sql`INSERT INTO readings_1m_dirty (bucket) VALUES (${M})`;
    await refreshMinutes(sql);
    const rows = await sql`
      SELECT circuit_id, n, i_avg, i_max, ir_avg, ir_max, t_avg, t_max, arc_sum FROM readings_1m
      WHERE circuit_id = ANY(${ids}::int[]) AND bucket = ${M} ORDER BY circuit_id`;
    expect(rows).toEqual([
      { circuit_id: a, n: 2, i_avg: 3, i_max: 4, ir_avg: 0.5, ir_max: 0.5, t_avg: 35, t_max: 40, arc_sum: 1 },
      { circuit_id: b, n: 1, i_avg: null, i_max: null, ir_avg: null, ir_max: null, t_avg: null, t_max: null, arc_sum: null },
    ]);
    expect((await sql`SELECT 1 FROM readings_1m_dirty WHERE bucket = ${M}`).length).toBe(0);
    expect((await sql`SELECT 1 FROM readings_1h_dirty WHERE bucket = '2001-02-03T05:00:00Z'`).length).toBe(1);
    await refreshHours(sql);
    const [h] = await sql<{ n: number }[]>`SELECT n FROM readings_1h WHERE circuit_id = ${a} AND bucket = '2001-02-03T05:00:00Z'`;
    expect(h.n).toBe(2);
    await sql`DELETE FROM readings WHERE circuit_id = ANY(${ids}::int[])`;
    await sql`DELETE FROM readings_1m WHERE circuit_id = ANY(${ids}::int[])`;
    await sql`DELETE FROM readings_1h WHERE circuit_id = ANY(${ids}::int[])`;
  });
});

describe('refreshHours', () => {
  it('recomputes a marked hour from readings_1m, replacing what was there', async () => {
    const [a, b] = ids;
    await sql`
      INSERT INTO readings_1m (circuit_id, bucket, n, i_avg, i_max, ir_avg, ir_max, t_avg, t_max, arc_sum) VALUES
        (${a}, ${minute(0)}, 10, 2, 5, NULL, NULL, 30, 40, NULL),
        (${a}, ${minute(59)}, 30, 6, 9, 0.5, 0.7, 50, 60, 2),
        (${b}, ${minute(1)}, 5, 1, 1, NULL, NULL, NULL, NULL, NULL)`;
    await sql`INSERT INTO readings_1h (circuit_id, bucket, n) VALUES (${a}, ${H}, 999)`; // stale: replaced
    await sql`INSERT INTO readings_1h_dirty (bucket) VALUES (${H})`;
    expect(await refreshHours(sql)).toBeGreaterThanOrEqual(1);
    const rows = await sql<{ circuit_id: number; n: number; i_avg: number; i_max: number; ir_avg: number | null; t_avg: number | null; arc_sum: number | null }[]>`
      SELECT circuit_id, n, i_avg, i_max, ir_avg, t_avg, arc_sum FROM readings_1h WHERE circuit_id = ANY(${ids}::int[]) AND bucket = ${H} ORDER BY circuit_id`;
    expect(rows).toEqual([
      { circuit_id: a, n: 40, i_avg: 5, i_max: 9, ir_avg: 0.5, t_avg: 45, arc_sum: 2 },
      { circuit_id: b, n: 5, i_avg: 1, i_max: 1, ir_avg: null, t_avg: null, arc_sum: null },
    ]);
    expect((await sql`SELECT 1 FROM readings_1h_dirty WHERE bucket = ${H}`).length).toBe(0);
    // again: nothing marked, nothing changes; marked again: same result
    await sql`INSERT INTO readings_1h_dirty (bucket) VALUES (${H})`;
    await refreshHours(sql);
    const again = await sql<{ n: number }[]>`SELECT n FROM readings_1h WHERE circuit_id = ANY(${ids}::int[]) AND bucket = ${H} ORDER BY circuit_id`;
    expect(again.map((r) => r.n)).toEqual([40, 5]);
  });

  it('keeps a mark that an open batch re-set during the recompute', async () => {
    const [a] = ids;
    await sql`INSERT INTO readings_1h_dirty (bucket) VALUES (${H})`;
    const conn = await sql.reserve();
    try {
      // a batch: adds a minute and re-marks the hour, not yet committed
      await conn`BEGIN`;
      await conn`INSERT INTO readings_1m (circuit_id, bucket, n, i_avg, i_max) VALUES (${a}, ${minute(30)}, 10, 1, 1)`;
      await conn`INSERT INTO readings_1h_dirty AS d (bucket) VALUES (${H}) ON CONFLICT (bucket) DO UPDATE SET ver = d.ver + 1`;
      const refresh = refreshHours(sql); // reads ver 1, recomputes without the open minute, DELETE waits on the lock
      await sleep(300);
      await conn`COMMIT`;
      await refresh;
    } finally {
      conn.release();
    }
    const mark = await sql<{ ver: string }[]>`SELECT ver::text AS ver FROM readings_1h_dirty WHERE bucket = ${H}`;
    expect(mark).toEqual([{ ver: '2' }]);
    await refreshHours(sql);
    const [r] = await sql<{ n: number }[]>`SELECT n FROM readings_1h WHERE circuit_id = ${a} AND bucket = ${H}`;
    expect(r.n).toBe(50);
    expect((await sql`SELECT 1 FROM readings_1h_dirty WHERE bucket = ${H}`).length).toBe(0);
  });
});
