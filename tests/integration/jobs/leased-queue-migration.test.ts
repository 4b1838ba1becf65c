/**
 * Migration 0010_leased_queue on a database holding the previous version's data: a scratch database on the
 * run's server is migrated up to 0009, given rows claimed and finished under the old rules, then migrated to
 * 0010. The old rows stay valid and the one leased queue takes them over.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createSql, type Sql } from '../../../platform/db.ts';
import { MIGRATIONS_DIR } from '../../../db/migrate.ts';
import { deliveryQueue } from '../../../server/reports/delivery-queue.ts';
import { outboxQueue } from '../../../platform/notify/outbox.ts';

const DB = 'esms_it_leased_queue_migration';
let admin: Sql;
let db: Sql;
let url: string;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'esms-lq-mig-'));

/** A copy of db/migrations whose journal ends at `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const dir = path.join(tmp, lastTag);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const file = path.join(dir, 'meta', '_journal.json');
  const j = JSON.parse(readFileSync(file, 'utf8')) as { entries: { tag: string }[] };
  j.entries = j.entries.filter((e) => e.tag <= lastTag);
  writeFileSync(file, JSON.stringify(j));
  return dir;
}
async function migrateTo(lastTag: string) {
  const m = createSql(url, { max: 1, app: 'esms-lq-migrate' }); // drizzle swaps this pool's (de)serializers
  try {
    await migrate(drizzle(m), { migrationsFolder: migrationsUpTo(lastTag), migrationsSchema: 'public', migrationsTable: '__migrations' });
  } finally {
    await m.end();
  }
}

beforeAll(async () => {
  const u = new URL(inject('dbUrl'));
  u.pathname = '/postgres';
  admin = createSql(u.toString(), { max: 1, app: 'esms-lq-admin' });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${DB}`);
  u.pathname = `/${DB}`;
  url = u.toString();
  await migrateTo('0009_registry_version');
  db = createSql(url, { max: 3, app: 'esms-lq-test' });
});
afterAll(async () => {
  await db?.end();
  await admin.unsafe(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin.end();
  rmSync(tmp, { recursive: true, force: true });
});

describe('0010_leased_queue', () => {
  it('keeps rows claimed under the old rules valid, and the leased queue takes them over', async () => {
    await db`INSERT INTO roles (id, name_zh, name_en) VALUES ('admin', '管理员', 'Administrator')`;
    const [u] = await db<{ id: number }[]>`INSERT INTO users (username, password_hash, display_name, role) VALUES ('lq-mig', 'x', '迁移', 'admin') RETURNING id`;
    const archive = async () =>
      (await db<{ id: number }[]>`
        INSERT INTO report_archive (kind, title, period_start, period_end, region, region_label, params, issued_by_name)
        VALUES ('monthly', '月报', now() - interval '30 days', now(), '{}', '全市', '{}', '迁移') RETURNING id`)[0].id;
    // report deliveries as the old queue left them: claimed (still 'pending', leased), waiting, finished, given up
    const rd = async (state: string, attempts: number, lease: string | null) =>
      (await db<{ id: number }[]>`
        INSERT INTO report_deliveries (archive_id, user_id, channel, state, attempts, lease_until)
        VALUES (${await archive()}, ${u.id}, 'email', ${state}, ${attempts}, ${lease === null ? null : db`now() + ${lease}::interval`})
        RETURNING id`)[0].id;
    const inFlight = await rd('pending', 1, '-1 minute'); // claimed, then its worker died; the lease ran out
    const lastInFlight = await rd('pending', 3, '-1 minute'); // the same on its last attempt
    const live = await rd('pending', 1, '5 minutes'); // claimed, still being sent
    const waiting = await rd('pending', 0, null);
    const delivered = await rd('delivered', 1, null);
    const failed = await rd('failed', 3, null);
    // an outbox row left 'sending' by a crashed worker
    const [ev] = await db<{ id: number }[]>`INSERT INTO notify_events (kind, change) VALUES ('digest', 'daily') RETURNING id`;
    const [ob] = await db<{ id: number }[]>`
      INSERT INTO notification_outbox (event_id, user_id, channel, state, attempts, lease_until, idempotency_key, payload)
      VALUES (${ev.id}, ${u.id}, 'webhook', 'sending', 1, now() - interval '1 minute', 'lq-mig-1', '{}') RETURNING id`;

    await migrateTo('0010_leased_queue');

    const states = await db<{ id: number; state: string; attempts: number; claim_seq: number }[]>`
      SELECT id, state, attempts, claim_seq FROM report_deliveries ORDER BY id`;
    const st = (id: number) => states.find((r) => r.id === id);
    expect(st(inFlight)).toMatchObject({ state: 'sending', attempts: 1, claim_seq: 0 });
    expect(st(lastInFlight)).toMatchObject({ state: 'sending', attempts: 3 });
    expect(st(live)).toMatchObject({ state: 'sending', attempts: 1 });
    expect(st(waiting)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(st(delivered)!.state).toBe('delivered');
    expect(st(failed)!.state).toBe('failed');

    // the queue: the expired claim is claimed again, the last attempt's given up, the live lease left alone
    const claimed = await deliveryQueue.claim(db, 10, { leaseS: 60, maxAttempts: 3 });
    expect(claimed.map((c) => [c.id, c.attempts, c.claimSeq]).sort((x, y) => x[0] - y[0])).toEqual([
      [inFlight, 2, 1],
      [waiting, 1, 1],
    ]);
    const [given] = await db<{ state: string; detail: string }[]>`SELECT state, detail FROM report_deliveries WHERE id = ${lastInFlight}`;
    expect(given).toMatchObject({ state: 'failed', detail: expect.stringContaining('lease expired on the last attempt') });
    for (const c of claimed) expect(await deliveryQueue.complete(db, c)).toBe(true);
    expect(await deliveryQueue.requeue(db, db`true`)).toBe(2);

    const [o] = await outboxQueue.claim(db, 10, { leaseS: 60, maxAttempts: 8 });
    expect(o).toMatchObject({ id: ob.id, attempts: 2, claimSeq: 1 });
    expect(await outboxQueue.complete(db, o)).toBe(true);
  });
});
