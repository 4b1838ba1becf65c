/**
 * The leased job queue (platform/jobs/leased-queue.ts) against real PostgreSQL, once per queue spec that uses it
 * (notification outbox, report deliveries). Each runs on a scratch copy of its table (LIKE … INCLUDING ALL: the
 * same columns, defaults and CHECKs), so other tests' rows are never claimed. Time is moved by writing
 * lease_until / next_attempt_at into the past.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { testSql } from '../helpers/db.ts';
import { createLeasedQueue, type Claim } from '../../../platform/jobs/leased-queue.ts';
import { outboxQueue } from '../../../platform/notify/outbox.ts';
import { deliveryQueue } from '../../../server/reports/delivery-queue.ts';

let sql: Sql;
let other: Sql;
const OPTS = { leaseS: 60, maxAttempts: 3 };
const FAIL = { baseMs: 1000, maxMs: 4000, maxAttempts: 3 };

const cases = [
  {
    name: 'notification outbox',
    source: 'notification_outbox',
    queue: createLeasedQueue({ ...outboxQueue.spec, table: 'lq_test_outbox', channel: 'lq_test_outbox' }),
    insert: (n: number) => sql`
      INSERT INTO lq_test_outbox (event_id, user_id, channel, idempotency_key, payload)
      SELECT g, 1, 'webhook', 'lq-' || g || '-' || gen_random_uuid(), '{}'::jsonb FROM generate_series(1, ${n}::int) g`,
  },
  {
    name: 'report deliveries',
    source: 'report_deliveries',
    queue: createLeasedQueue({ ...deliveryQueue.spec, table: 'lq_test_delivery', channel: 'lq_test_delivery' }),
    insert: (n: number) => sql`
      INSERT INTO lq_test_delivery (archive_id, user_id, channel)
      SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint * 1000 + g, 1, 'email' FROM generate_series(1, ${n}::int) g`,
  },
];

beforeAll(async () => {
  sql = testSql(6);
  other = testSql(2);
  for (const c of cases) {
    await sql`DROP TABLE IF EXISTS ${sql(c.queue.spec.table)}`;
    await sql`CREATE TABLE ${sql(c.queue.spec.table)} (LIKE ${sql(c.source)} INCLUDING ALL)`;
  }
});
afterAll(async () => {
  for (const c of cases) await sql`DROP TABLE IF EXISTS ${sql(c.queue.spec.table)}`;
  await other.end();
  await sql.end();
});

describe.each(cases)('leased queue: $name', ({ queue, insert }) => {
  const t = queue.spec.table;
  const row = async (id: number) =>
    (await sql<{ state: string; attempts: number; claim_seq: number; lease_until: Date | null; next_attempt_at: Date; last_error: string | null }[]>`
      SELECT * FROM ${sql(t)} WHERE id = ${id}`)[0];
  const expire = (ids: number[]) => sql`UPDATE ${sql(t)} SET lease_until = now() - interval '1 second' WHERE id = ANY(${ids}::bigint[])`;
  const makeDue = (ids: number[]) => sql`UPDATE ${sql(t)} SET next_attempt_at = now() - interval '1 second' WHERE id = ANY(${ids}::bigint[])`;
  const ids = (cs: readonly Claim[]) => cs.map((c) => c.id).sort((a, b) => a - b);

  beforeEach(async () => {
    await sql`DELETE FROM ${sql(t)}`;
  });

  it('claims with SKIP LOCKED: a claimer is not held up by another one mid-claim, and no row goes to both', async () => {
    await insert(20);
    await sql.begin(async (tx) => {
      const a = await queue.claim(tx as unknown as Sql, 5, OPTS);
      // inside A's open transaction its 5 rows are locked: B must skip them, not wait for them
      const b = await Promise.race([queue.claim(other, 100, OPTS), new Promise<never>((_, rej) => setTimeout(() => rej(new Error('claim blocked')), 5000))]);
      expect(a).toHaveLength(5);
      expect(b).toHaveLength(15);
      expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    });
    expect(await queue.claim(sql, 100, OPTS)).toEqual([]); // all leased now

    // many claimers at once, small batches: every row is handed out exactly once
    await sql`DELETE FROM ${sql(t)}`;
    await insert(60);
    const got: number[] = [];
    const claimer = async (db: Sql) => {
      for (;;) {
        const rows = await queue.claim(db, 3, OPTS);
        if (!rows.length) return;
        got.push(...rows.map((r) => r.id));
      }
    };
    await Promise.all([claimer(sql), claimer(sql), claimer(sql), claimer(other), claimer(other)]);
    expect(got).toHaveLength(60);
    expect(new Set(got).size).toBe(60);
    const states = await sql<{ state: string; attempts: number; claim_seq: number }[]>`SELECT DISTINCT state, attempts, claim_seq FROM ${sql(t)}`;
    expect(states).toEqual([{ state: 'sending', attempts: 1, claim_seq: 1 }]);
  });

  it('a claim returns the spec columns and the claim identity, and leases the row', async () => {
    await insert(1);
    const [c] = await queue.claim(sql, 10, { ...OPTS, leaseS: 30 });
    expect(c).toMatchObject({ id: expect.any(Number), attempts: 1, claimSeq: 1 });
    for (const k of Object.keys(queue.spec.returning)) expect(c).toHaveProperty(k);
    const r = await row(c.id);
    expect(r.state).toBe('sending');
    expect(r.lease_until!.getTime() - Date.now()).toBeGreaterThan(20_000);
    expect(await queue.complete(sql, c)).toBe(true);
    expect(await row(c.id)).toMatchObject({ state: queue.spec.done.state, lease_until: null, last_error: null });
    if (queue.spec.done.at) expect((await sql`SELECT ${sql(queue.spec.done.at)} AS at FROM ${sql(t)} WHERE id = ${c.id}`)[0].at).toBeInstanceOf(Date);
  });

  it('a stale claimer (lease expired, row claimed again) records no outcome; the owner does', async () => {
    await insert(1);
    const [stale] = await queue.claim(sql, 10, OPTS);
    await expire([stale.id]);
    const [owner] = await queue.claim(other, 10, OPTS);
    expect(owner).toMatchObject({ id: stale.id, attempts: 2, claimSeq: 2 });
    expect(await queue.complete(sql, stale)).toBe(false);
    expect(await queue.fail(sql, stale, 'late error', FAIL)).toBe('lost');
    expect(await queue.skip(sql, stale)).toBe(false);
    expect(await queue.release(sql, [stale])).toBe(0);
    expect(await row(stale.id)).toMatchObject({ state: 'sending', attempts: 2, last_error: null });
    expect(await queue.complete(other, owner)).toBe(true);
    expect(await queue.fail(sql, owner, 'after the outcome', FAIL)).toBe('lost'); // an outcome is recorded once
    expect((await row(stale.id)).state).toBe(queue.spec.done.state);
  });

  it('a stale claimer stays out even after give-up and requeue reset attempts to the same count', async () => {
    await insert(1);
    const [stale] = await queue.claim(sql, 10, { ...OPTS, maxAttempts: 1 });
    await expire([stale.id]);
    expect(await queue.claim(sql, 10, { ...OPTS, maxAttempts: 1 })).toEqual([]); // given up: it was the last attempt
    expect(await queue.requeue(sql, sql`true`)).toBe(1);
    const [fresh] = await queue.claim(sql, 10, { ...OPTS, maxAttempts: 1 });
    expect(fresh).toMatchObject({ id: stale.id, attempts: stale.attempts }); // same attempts count …
    expect(fresh.claimSeq).toBeGreaterThan(stale.claimSeq); // … but another claim
    expect(await queue.complete(sql, stale)).toBe(false);
    expect(await queue.complete(sql, fresh)).toBe(true);
  });

  it('a failed attempt backs off (not claimable until due), and the last one gives up keeping the error', async () => {
    await insert(1);
    let [c] = await queue.claim(sql, 10, OPTS);
    for (let attempt = 1; attempt < 3; attempt++) {
      const t0 = Date.now();
      expect(await queue.fail(sql, c, `boom ${attempt}`, FAIL)).toBe('retry');
      const r = await row(c.id);
      expect(r).toMatchObject({ state: 'pending', attempts: attempt, lease_until: null, last_error: `boom ${attempt}` });
      // backoff of attempt n: between half and all of base·2^(n-1)
      const delay = r.next_attempt_at.getTime() - t0;
      expect(delay).toBeGreaterThan(1000 * 2 ** (attempt - 1) * 0.5 - 500);
      expect(delay).toBeLessThan(1000 * 2 ** (attempt - 1) + 500);
      expect(await queue.claim(sql, 10, OPTS)).toEqual([]); // not yet due
      await makeDue([c.id]);
      [c] = await queue.claim(sql, 10, OPTS);
      expect(c.attempts).toBe(attempt + 1);
    }
    expect(await queue.fail(sql, c, 'boom 3', FAIL)).toBe('failed');
    expect(await row(c.id)).toMatchObject({ state: 'failed', attempts: 3, lease_until: null, last_error: 'boom 3' });
    await makeDue([c.id]);
    expect(await queue.claim(sql, 10, OPTS)).toEqual([]);
  });

  it('a permanent error gives up at once', async () => {
    await insert(1);
    const [c] = await queue.claim(sql, 10, OPTS);
    expect(await queue.fail(sql, c, 'no such address', { ...FAIL, permanent: true })).toBe('failed');
    expect(await row(c.id)).toMatchObject({ state: 'failed', attempts: 1, last_error: 'no such address' });
  });

  it('a lease that runs out returns the row while attempts are left, and gives it up on the last one', async () => {
    await insert(1);
    const [c1] = await queue.claim(sql, 10, { ...OPTS, maxAttempts: 2 });
    expect(await queue.fail(sql, c1, 'smtp 451', FAIL)).toBe('retry');
    await makeDue([c1.id]);
    const [c2] = await queue.claim(sql, 10, { ...OPTS, maxAttempts: 2 });
    expect(c2.attempts).toBe(2);
    expect(await queue.claim(sql, 10, { ...OPTS, maxAttempts: 2 })).toEqual([]); // leased: not handed out again
    await expire([c2.id]);
    expect(await queue.claim(sql, 10, { ...OPTS, maxAttempts: 2 })).toEqual([]);
    const r = await row(c2.id);
    expect(r).toMatchObject({ state: 'failed', attempts: 2, lease_until: null });
    expect(r.last_error).toBe('smtp 451 [lease expired on the last attempt]');
    expect(await queue.complete(sql, c2)).toBe(false); // the crashed attempt, had it survived, records nothing
  });

  it('release puts unstarted rows back at once without counting the attempt', async () => {
    await insert(3);
    const claimed = await queue.claim(sql, 10, OPTS);
    const [keep, ...back] = claimed;
    expect(await queue.release(sql, back)).toBe(2);
    for (const c of back) expect(await row(c.id)).toMatchObject({ state: 'pending', attempts: 0, lease_until: null });
    expect((await row(keep.id)).state).toBe('sending');
    const again = await queue.claim(sql, 10, OPTS);
    expect(ids(again)).toEqual(ids(back));
    expect(again.every((c) => c.attempts === 1)).toBe(true);
  });

  it('requeue resets only the failed rows it is given and wakes the consumer', async () => {
    await insert(3);
    const [a, b, c] = await queue.claim(sql, 10, OPTS);
    await queue.fail(sql, a, 'gone', { ...FAIL, permanent: true });
    await queue.fail(sql, b, 'gone', { ...FAIL, permanent: true });
    let wake!: (payload: string) => void;
    const woke = new Promise<string>((resolve) => (wake = resolve));
    const listener = await sql.listen(queue.spec.channel, (payload) => wake(payload));
    expect(await queue.requeue(sql, sql`id = ANY(${[a.id, c.id]}::bigint[])`)).toBe(1); // c is not failed
    expect(await Promise.race([woke, new Promise((r) => setTimeout(() => r('no wake-up'), 3000))])).toBe('retry');
    await listener.unlisten();
    expect(await row(a.id)).toMatchObject({ state: 'pending', attempts: 0, lease_until: null, last_error: 'gone' });
    expect((await row(b.id)).state).toBe('failed');
    expect((await row(c.id)).state).toBe('sending');
    expect(await queue.requeue(sql, sql`true`)).toBe(1);
    expect(ids(await queue.claim(sql, 10, OPTS))).toEqual(ids([a, b]));
  });
});

describe('leased queue: report deliveries keep their own columns', () => {
  const queue = cases[1].queue;
  const detail = async (id: number) =>
    (await sql<{ state: string; detail: string | null; notification_id: number | null; delivered_at: Date | null }[]>`
      SELECT state, detail, notification_id, delivered_at FROM lq_test_delivery WHERE id = ${id}`)[0];
  beforeEach(async () => {
    await sql`DELETE FROM lq_test_delivery`;
  });

  it('delivered with its notification, skipped with the reason, given up with the attempts and error', async () => {
    await cases[1].insert(4);
    const [d, s, f, l] = await queue.claim(sql, 10, OPTS);
    expect(await queue.complete(sql, d, { notification_id: 42 })).toBe(true);
    expect(await detail(d.id)).toMatchObject({ state: 'delivered', notification_id: 42, delivered_at: expect.any(Date) });
    expect(await queue.skip(sql, s, { detail: '接收人账号已停用' })).toBe(true);
    expect(await detail(s.id)).toMatchObject({ state: 'skipped', detail: '接收人账号已停用' });
    expect(await queue.fail(sql, f, 'mailbox busy', FAIL)).toBe('retry');
    expect((await detail(f.id)).detail).toBeNull();
    expect(await queue.fail(sql, f, 'mailbox busy', { ...FAIL, permanent: true })).toBe('lost'); // that claim is over
    await sql`UPDATE lq_test_delivery SET next_attempt_at = now() WHERE id = ${f.id}`;
    const [f2] = await queue.claim(sql, 10, OPTS);
    expect(await queue.fail(sql, f2, 'mailbox busy', { ...FAIL, permanent: true })).toBe('failed');
    expect((await detail(f.id)).detail).toBe('发送失败（第 2 次尝试后放弃）：mailbox busy');
    // the lease of a last attempt runs out: the owner reads why
    await sql`UPDATE lq_test_delivery SET attempts = 3, last_error = 'smtp timeout', lease_until = now() - interval '1 second' WHERE id = ${l.id}`;
    expect(await queue.claim(sql, 10, OPTS)).toEqual([]);
    expect((await detail(l.id)).detail).toBe('smtp timeout（最后一次尝试超时 / lease expired on the last attempt）');
    // requeue clears the reason shown for the given-up rows
    expect(await queue.requeue(sql, sql`true`)).toBe(2);
    for (const id of [f.id, l.id]) expect(await detail(id)).toMatchObject({ state: 'pending', detail: null });
  });
});
