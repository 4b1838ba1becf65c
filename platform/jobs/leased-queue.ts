/**
 * One leased job queue over a table, shared by the notification outbox (platform/notify/outbox.ts) and the
 * report deliveries (server/reports/delivery-queue.ts). Every queue follows this state machine:
 *
 *   pending ──claim (attempts+1, claim_seq+1, lease_until = now + lease)──▶ sending
 *   sending ──complete──▶ done state ('sent' | 'delivered')
 *   sending ──skip──▶ 'skipped'                       (queues that know "never to be sent")
 *   sending ──fail, attempts left──▶ pending, next_attempt_at = now + backoff, last_error kept
 *   sending ──fail, last attempt or permanent error──▶ failed, last_error kept
 *   sending, lease ran out ──▶ claimed again, or failed when that was the last allowed attempt
 *   sending ──release (graceful stop, not started)──▶ pending, the attempt not counted
 *   failed ──requeue (admin or owner)──▶ pending, attempts 0; pg_notify(channel) wakes the consumer
 *
 * Claims use FOR UPDATE SKIP LOCKED, so concurrent claimers never get the same row. An outcome (or a release) is
 * written only by the claim that owns the row: id, claim_seq and state 'sending' must all match. claim_seq grows
 * on every claim and is never reset, so a claimer whose lease ran out writes nothing once the row was claimed
 * again, given up, or requeued and claimed anew (attempts alone would repeat after a requeue).
 *
 * The table needs: id, state, attempts, claim_seq, next_attempt_at, lease_until, last_error. Table and column
 * names come from a fixed spec in code (sql(identifier)), never from input; per-queue columns (sent_at, detail,
 * notification_id …) are written through the spec's hooks or a caller's extra columns.
 */
import type postgres from 'postgres';
import type { Sql } from '../db.ts';
import { backoffMs, type BackoffOpts } from '../../lib/domain/workflow/backoff.ts';

/** Column → value for an UPDATE's SET list; a value may be an sql`` fragment (an expression). */
export type Sets = Record<string, unknown>;
type Fragment = postgres.Fragment;

/** What identifies a claim; every claimed row carries it. */
export interface Claim {
  id: number;
  attempts: number;
  claimSeq: number;
}
export interface ClaimOpts {
  leaseS: number;
  maxAttempts: number;
}
export interface FailOpts extends BackoffOpts {
  maxAttempts: number;
  permanent?: boolean;
}
/** 'lost': this claim no longer owns the row, nothing was written. */
export type FailOutcome = 'retry' | 'failed' | 'lost';

export interface LeasedQueueSpec<Row extends object> {
  table: string;
  /** pg_notify channel the consumer LISTENs on */
  channel: string;
  /** claim's result: property → column, besides id, attempts and claimSeq */
  returning: { [K in Exclude<keyof Row, keyof Claim>]: string };
  /** the success state ('sent', 'delivered') and the column stamped with its time */
  done: { state: string; at?: string };
  /** extra columns when an attempt failed (gaveUp: the row becomes 'failed') */
  onFail?: (f: { error: string; attempts: number; gaveUp: boolean }) => Sets;
  /** extra columns when a lease ran out on the last attempt (an expression may read the old row) */
  onLeaseGiveUp?: (sql: Sql) => Sets;
  /** extra columns when failed rows are requeued */
  onRequeue?: Sets;
}

const LEASE_NOTE = '[lease expired on the last attempt]';

/** After a failed attempt (pure): give up, or retry after a backoff delay. */
export function afterFailure(attempts: number, o: FailOpts, rand: number = Math.random()): { gaveUp: boolean; delayMs: number } {
  const gaveUp = !!o.permanent || attempts >= o.maxAttempts;
  return { gaveUp, delayMs: gaveUp ? 0 : backoffMs(attempts, o, rand) };
}

export function createLeasedQueue<Row extends object>(spec: LeasedQueueSpec<Row>) {
  const t = spec.table;
  const owns = (sql: Sql, c: Claim): Fragment => sql`id = ${c.id} AND claim_seq = ${c.claimSeq} AND state = 'sending'`;
  const wake = async (sql: Sql, payload = ''): Promise<void> => {
    await sql`SELECT pg_notify(${spec.channel}, ${payload})`;
  };
  const set = async (sql: Sql, sets: Sets, where: Fragment): Promise<number> =>
    (await sql`UPDATE ${sql(t)} SET ${sql(sets)} WHERE ${where} RETURNING id`).length;

  return {
    spec,

    /** Gives up rows whose lease ran out on their last attempt, then claims up to `limit` due rows. */
    async claim(sql: Sql, limit: number, o: ClaimOpts): Promise<(Row & Claim)[]> {
      await set(
        sql,
        { state: 'failed', lease_until: null, last_error: sql`concat_ws(' ', last_error, ${LEASE_NOTE}::text)`, ...spec.onLeaseGiveUp?.(sql) },
        sql`state = 'sending' AND lease_until < now() AND attempts >= ${o.maxAttempts}`,
      );
      const cols: Record<string, unknown> = { id: sql('id'), attempts: sql('attempts'), claimSeq: sql('claim_seq') };
      for (const [k, c] of Object.entries(spec.returning)) cols[k] = sql(c as string);
      const claimed: Sets = { state: 'sending', attempts: sql`attempts + 1`, claim_seq: sql`claim_seq + 1`, lease_until: sql`now() + make_interval(secs => ${o.leaseS})` };
      // an expired lease is claimed again only while attempts are left (the give-up above ran in another statement)
      return sql<(Row & Claim)[]>`
        WITH due AS (
          SELECT id AS due_id FROM ${sql(t)}
          WHERE (state = 'pending' AND next_attempt_at <= now())
             OR (state = 'sending' AND lease_until < now() AND attempts < ${o.maxAttempts})
          ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        UPDATE ${sql(t)} SET ${sql(claimed)}
        FROM due WHERE id = due.due_id
        RETURNING ${sql(cols)}`;
    },

    /** Done; false when this claim no longer owns the row. */
    async complete(sql: Sql, c: Claim, extra: Sets = {}): Promise<boolean> {
      const at = spec.done.at ? { [spec.done.at]: sql`now()` } : {};
      return (await set(sql, { state: spec.done.state, lease_until: null, last_error: null, ...at, ...extra }, owns(sql, c))) === 1;
    },

    /** Never to be sent ('skipped', e.g. the recipient is gone); false when this claim no longer owns the row. */
    async skip(sql: Sql, c: Claim, extra: Sets = {}): Promise<boolean> {
      return (await set(sql, { state: 'skipped', lease_until: null, ...extra }, owns(sql, c))) === 1;
    },

    /** A failed attempt: back to 'pending' after a backoff, or 'failed' (last attempt, permanent error). */
    async fail(sql: Sql, c: Claim, error: string, o: FailOpts): Promise<FailOutcome> {
      const msg = error.slice(0, 1000);
      const { gaveUp, delayMs } = afterFailure(c.attempts, o);
      const n = await set(
        sql,
        {
          state: gaveUp ? 'failed' : 'pending',
          lease_until: null,
          last_error: msg,
          next_attempt_at: sql`now() + make_interval(secs => ${delayMs / 1000})`,
          ...spec.onFail?.({ error: msg, attempts: c.attempts, gaveUp }),
        },
        owns(sql, c),
      );
      return n === 0 ? 'lost' : gaveUp ? 'failed' : 'retry';
    },

    /** A graceful stop hands back claims it did not start: due again at once, the attempt not counted. */
    async release(sql: Sql, claims: readonly Claim[]): Promise<number> {
      if (!claims.length) return 0;
      const ids = claims.map((c) => c.id);
      const seqs = claims.map((c) => c.claimSeq);
      const n = await set(
        sql,
        { state: 'pending', attempts: sql`greatest(attempts - 1, 0)`, lease_until: null },
        sql`state = 'sending' AND (id, claim_seq) IN (SELECT * FROM unnest(${ids}::bigint[], ${seqs}::int[]))`,
      );
      if (n) await wake(sql, 'release');
      return n;
    },

    /** Puts given-up rows matching `where` (a fragment built in code) back in the queue; returns how many. */
    async requeue(sql: Sql, where: Fragment): Promise<number> {
      const n = await set(
        sql,
        { state: 'pending', attempts: 0, next_attempt_at: sql`now()`, lease_until: null, ...spec.onRequeue },
        sql`state = 'failed' AND ${where}`,
      );
      if (n) await wake(sql, 'retry');
      return n;
    },

    /** Wakes the consumer (LISTEN on the spec's channel) after rows were written or put back. */
    wake,
  };
}

export type LeasedQueue<Row extends object> = ReturnType<typeof createLeasedQueue<Row>>;
