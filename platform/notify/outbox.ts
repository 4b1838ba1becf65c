/**
 * Outbox deliveries: claim with FOR UPDATE SKIP LOCKED and a lease ('sending' until lease_until), then record
 * the outcome. A worker that dies mid-delivery leaves its rows 'sending'; when the lease expires another (or the
 * restarted) worker claims them again, and the idempotency key lets receivers drop a repeat.
 */
import type { Sql } from '../db.ts';
import { backoffMs, type BackoffOpts } from '../../lib/domain/workflow/backoff.ts';
import type { Channel } from '../../lib/domain/workflow/plan.ts';
import type { NotificationMessage } from '../../lib/domain/workflow/message.ts';

/** What one delivery carries: the rendered message and its recipient (written by the notify worker's fan-out). */
export interface OutboxPayload {
  message: NotificationMessage;
  recipient: { userId: number; username: string; displayName: string; phone: string | null; email: string | null };
}

export interface ClaimedRow {
  id: number;
  event_id: number;
  user_id: number;
  channel: Channel;
  attempts: number;
  idempotency_key: string;
  payload: OutboxPayload;
  created_at: Date;
}

export async function claimDue(sql: Sql, limit: number, leaseS: number, maxAttempts: number): Promise<ClaimedRow[]> {
  // rows whose lease ran out after their last allowed attempt are given up, not retried forever
  await sql`UPDATE notification_outbox SET state = 'failed', lease_until = NULL,
              last_error = coalesce(last_error, '') || ' [lease expired on the last attempt]'
            WHERE state = 'sending' AND lease_until < now() AND attempts >= ${maxAttempts}`;
  return sql<ClaimedRow[]>`
    WITH due AS (
      SELECT id FROM notification_outbox
      WHERE (state = 'pending' AND next_attempt_at <= now()) OR (state = 'sending' AND lease_until < now())
      ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    UPDATE notification_outbox o
       SET state = 'sending', attempts = o.attempts + 1, lease_until = now() + make_interval(secs => ${leaseS})
      FROM due WHERE o.id = due.id
    RETURNING o.id, o.event_id, o.user_id, o.channel, o.attempts, o.idempotency_key, o.payload, o.created_at`;
}

export async function markSent(sql: Sql, id: number) {
  await sql`UPDATE notification_outbox SET state = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
            WHERE id = ${id} AND state = 'sending'`;
}

/** A failed attempt: retry with backoff, or give up after maxAttempts (last error kept). */
export async function markFailed(sql: Sql, row: Pick<ClaimedRow, 'id' | 'attempts'>, error: string, o: BackoffOpts & { maxAttempts: number; permanent?: boolean }) {
  const give = o.permanent || row.attempts >= o.maxAttempts;
  const delay = backoffMs(row.attempts, o);
  await sql`UPDATE notification_outbox
               SET state = ${give ? 'failed' : 'pending'}, lease_until = NULL, last_error = ${error.slice(0, 1000)},
                   next_attempt_at = now() + make_interval(secs => ${delay / 1000})
             WHERE id = ${row.id} AND state = 'sending'`;
  return give ? 'failed' : 'retry';
}

/** A graceful stop hands back rows it claimed but did not start (their attempt is not counted). */
export async function release(sql: Sql, ids: number[]) {
  if (!ids.length) return;
  await sql`UPDATE notification_outbox SET state = 'pending', attempts = greatest(attempts - 1, 0), lease_until = NULL
            WHERE id = ANY(${ids}::bigint[]) AND state = 'sending'`;
}

/** Admin retry of given-up deliveries. */
export async function retryFailed(sql: Sql, ids: number[] | 'all'): Promise<number> {
  const rows =
    ids === 'all'
      ? await sql`UPDATE notification_outbox SET state = 'pending', attempts = 0, next_attempt_at = now() WHERE state = 'failed' RETURNING id`
      : await sql`UPDATE notification_outbox SET state = 'pending', attempts = 0, next_attempt_at = now()
                  WHERE state = 'failed' AND id = ANY(${ids}::bigint[]) RETURNING id`;
  await sql`SELECT pg_notify('esms_outbox', 'retry')`;
  return rows.length;
}
