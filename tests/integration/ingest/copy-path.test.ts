/**
 * The batch writer's COPY fast path against the real database: new rows go in by binary COPY (counters and rollup
 * marks as with ON CONFLICT, values exactly as sent); a batch with rows stored before is refused as a whole
 * (CopyRefused, nothing half-written) and the same batch written with ON CONFLICT stores only the new ones; a
 * connection that dies after the COPY's data was sent (the case postgres.js reports to nobody) fails the
 * transaction with a connection error instead of hanging or crashing the process.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSql } from '../../../platform/db.ts';
import { AlarmBook } from '../../../workers/ingest/alarms.ts';
import { CopyRefused } from '../../../workers/ingest/copy.ts';
import type { PreparedItem } from '../../../workers/ingest/prepare.ts';
import { Registry } from '../../../workers/ingest/registry.ts';
import { isConnectionError } from '../../../workers/ingest/tx.ts';
import { writeBatch, type WriterCtx } from '../../../workers/ingest/writer.ts';
import { testSql } from '../helpers/db.ts';
import { createFixture, dropFixture, telemetry, topicOf, type FixtureDevice } from './fixtures.ts';
import { sleep, waitFor } from './harness.ts';

const sql = testSql();
const prefix = 'IT-COPY';
const DAY = '2001-03-04';
const T0 = Date.parse(`${DAY}T10:00:00Z`);
let dev: FixtureDevice;
let ctx: WriterCtx;

beforeAll(async () => {
  await dropFixture(sql, prefix);
  const fx = await createFixture(sql, prefix, { sites: 1, devicesPerSite: 1, channels: 4 });
  dev = fx.devices[0];
  await sql`SELECT esms_ensure_partitions(${DAY}::date, ${DAY}::date + 1)`;
  const registry = new Registry();
  await registry.load(sql);
  ctx = { registry, book: new AlarmBook(), lastSeq: new Map() };
});
afterAll(async () => {
  await sql`DELETE FROM readings_1m_dirty WHERE bucket >= ${DAY}::date AND bucket < ${DAY}::date + 1`;
  await dropFixture(sql, prefix);
  await sql.end();
});

/** Batch of telemetry messages seq from..to (one per minute), as prepareBatch would hand it to the writer. */
function batch(from: number, to: number): PreparedItem[] {
  const device = ctx.registry.device(dev.id)!;
  const out: PreparedItem[] = [];
  for (let s = from; s <= to; s++) {
    const msg = telemetry(dev, s, T0 + s * 60_000);
    out.push({
      raw: { topic: topicOf(dev), payload: Buffer.from(JSON.stringify(msg)), receivedAt: Date.now() },
      verdict: { kind: 'telemetry', topic: topicOf(dev), device, msg, circuits: msg.channels.map((c) => device.circuits.get(c.ch)!) },
      duplicate: false, keepRaw: false, records: [],
    });
  }
  return out;
}
const all = (items: unknown[]) => items.map((_, i) => i);
const state = async () => {
  const [r] = await sql<{ rows: number; received: number; dup: number; lost: number; marks: number }[]>`
    SELECT (SELECT count(*)::int FROM readings WHERE circuit_id = ANY(${dev.circuitIds}::int[])) AS rows,
      d.messages_received AS received, d.messages_duplicate AS dup, d.messages_lost AS lost,
      (SELECT count(*)::int FROM readings_1m_dirty WHERE bucket >= ${DAY}::date AND bucket < ${DAY}::date + 1) AS marks
    FROM devices d WHERE d.id = ${dev.id}`;
  return r;
};
const commit = (res: Awaited<ReturnType<typeof writeBatch>>) => {
  for (const [id, d] of res.seq) ctx.lastSeq.set(id, d.lastSeq);
};

describe('COPY fast path', () => {
  it('stores new rows by COPY, with counters and minute marks', async () => {
    const items = batch(1, 10);
    const res = await writeBatch(sql, ctx, items, all(items), true);
    commit(res);
    expect(res.stored.size).toBe(10);
    expect(await state()).toEqual({ rows: 40, received: 10, dup: 0, lost: 0, marks: 10 });
  });

  it('refuses a batch with a stored row as a whole; ON CONFLICT then stores just the new ones', async () => {
    const items = batch(6, 15);
    await expect(writeBatch(sql, ctx, items, all(items), true)).rejects.toBeInstanceOf(CopyRefused);
    expect(await state()).toEqual({ rows: 40, received: 10, dup: 0, lost: 0, marks: 10 });
    const res = await writeBatch(sql, ctx, items, all(items), false);
    commit(res);
    expect([...res.stored].sort((a, b) => a - b)).toEqual([5, 6, 7, 8, 9]);
    expect(res.duplicates).toBe(5);
    expect(await state()).toEqual({ rows: 60, received: 15, dup: 5, lost: 0, marks: 15 });
    // the pool's connections are all usable after the refused COPY
    const n = await Promise.all([1, 2, 3, 4, 5].map(() => sql<{ one: number }[]>`SELECT 1 AS one`));
    expect(n.map((r) => r[0].one)).toEqual([1, 1, 1, 1, 1]);
  });

  it('a connection lost after the COPY data was sent fails the transaction; nothing is stored', async () => {
    const own = createSql(inject('dbUrl'), { max: 1, app: 'it-copy-victim' });
    const locker = await sql.reserve();
    try {
      // hold the day's partition: the COPY's first row waits for it, with all data and CopyDone already sent
      await locker`BEGIN`;
      await locker.unsafe(`LOCK TABLE readings_${DAY.replace(/-/g, '')} IN ACCESS EXCLUSIVE MODE`);
      const items = batch(16, 20);
      const write = writeBatch(own, ctx, items, all(items), true).then(() => null, (e: unknown) => e);
      const pid = await waitFor(async () => {
        const r = await sql<{ pid: number }[]>`
          SELECT pid FROM pg_stat_activity WHERE application_name = 'it-copy-victim' AND wait_event_type = 'Lock'`;
        return r[0]?.pid;
      }, 15_000, 50);
      await sql`SELECT pg_terminate_backend(${pid})`;
      const err = await write;
      expect(err).toBeInstanceOf(Error);
      expect(isConnectionError(err)).toBe(true);
    } finally {
      await locker`ROLLBACK`;
      locker.release();
      await own.end({ timeout: 1 });
    }
    await sleep(200); // anything the dead connection still had to say would surface as an unhandled error now
    expect(await state()).toEqual({ rows: 60, received: 15, dup: 5, lost: 0, marks: 15 });
    // and the next batch goes through by COPY on a healthy pool
    const items = batch(16, 20);
    commit(await writeBatch(sql, ctx, items, all(items), true));
    expect(await state()).toEqual({ rows: 80, received: 20, dup: 5, lost: 0, marks: 20 });
  });
  it('stores the values exactly as sent (binary COPY: float4 as PostgreSQL prints it, µs timestamps, int8 seq, NULLs)', async () => {
    const device = ctx.registry.device(dev.id)!;
    const ts = Date.parse(`${DAY}T23:59:59.987Z`);
    const msg = { v: 1 as const, device: dev.id, seq: 2 ** 32 - 1, ts, channels: [{ ch: 1, ia: 1.5, ta: -12.25, ua: 229.9, arc: 3 }, { ch: 2, ir: 0.1 }], ambient: { t: -3.5 } };
    const item: PreparedItem = {
      raw: { topic: topicOf(dev), payload: Buffer.from(JSON.stringify(msg)), receivedAt: Date.now() },
      verdict: { kind: 'telemetry', topic: topicOf(dev), device, msg, circuits: msg.channels.map((c) => device.circuits.get(c.ch)!) },
      duplicate: false, keepRaw: false, records: [],
    };
    const own: WriterCtx = { ...ctx, lastSeq: new Map() };
    await writeBatch(sql, own, [item], [0], true);
    const rows = await sql<Record<string, unknown>[]>`
      SELECT circuit_id, (extract(epoch FROM ts) * 1000)::bigint AS ms, seq, ia, ib, ir, ta, ua, arc, amb_t, amb_rh
      FROM readings WHERE circuit_id = ANY(${dev.circuitIds.slice(0, 2)}::int[]) AND ts = ${new Date(ts)} ORDER BY circuit_id`;
    expect(rows).toEqual([
      { circuit_id: dev.circuitIds[0], ms: ts, seq: 2 ** 32 - 1, ia: 1.5, ib: null, ir: null, ta: -12.25, ua: 229.9, arc: 3, amb_t: -3.5, amb_rh: null },
      { circuit_id: dev.circuitIds[1], ms: ts, seq: 2 ** 32 - 1, ia: null, ib: null, ir: 0.1, ta: null, ua: null, arc: null, amb_t: -3.5, amb_rh: null },
    ]);
  });
});
