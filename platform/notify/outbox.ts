/**
 * The notification outbox (notification_outbox), a leased queue (platform/jobs/leased-queue.ts: its state
 * machine): the notify worker's dispatcher claims rows ('sending' until lease_until), delivers them and records
 * each outcome ('sent', retry with backoff, 'failed'). A worker that dies mid-delivery leaves its rows 'sending';
 * when the lease runs out another (or the restarted) worker claims them again, and the idempotency key lets
 * receivers drop a repeat.
 */
import type { Sql } from '../db.ts';
import type { Channel } from '../../lib/domain/workflow/plan.ts';
import type { NotificationMessage } from '../../lib/domain/workflow/message.ts';
import { createLeasedQueue, type Claim, type FailOpts, type FailOutcome } from '../jobs/leased-queue.ts';

/** What one delivery carries: the rendered message and its recipient (written by the notify worker's fan-out). */
export interface OutboxPayload {
  message: NotificationMessage;
  recipient: { userId: number; username: string; displayName: string; phone: string | null; email: string | null };
}

export interface ClaimedRow extends Claim {
  event_id: number;
  user_id: number;
  channel: Channel;
  idempotency_key: string;
  payload: OutboxPayload;
  created_at: Date;
}

/** The notify worker LISTENs here: new outbox rows (fan-out) and rows put back (retry, release). */
export const OUTBOX_CHANNEL = 'esms_outbox';

export const outboxQueue = createLeasedQueue<ClaimedRow>({
  table: 'notification_outbox',
  channel: OUTBOX_CHANNEL,
  returning: { event_id: 'event_id', user_id: 'user_id', channel: 'channel', idempotency_key: 'idempotency_key', payload: 'payload', created_at: 'created_at' },
  done: { state: 'sent', at: 'sent_at' },
});

export function claimDue(sql: Sql, limit: number, leaseS: number, maxAttempts: number): Promise<ClaimedRow[]> {
  return outboxQueue.claim(sql, limit, { leaseS, maxAttempts });
}

/** Sent; false when this claim no longer owns the row (its lease ran out and it was claimed again). */
export function markSent(sql: Sql, row: Claim): Promise<boolean> {
  return outboxQueue.complete(sql, row);
}

/** A failed attempt: retry with backoff, or give up after maxAttempts or a permanent error (last error kept). */
export function markFailed(sql: Sql, row: Claim, error: string, o: FailOpts): Promise<FailOutcome> {
  return outboxQueue.fail(sql, row, error, o);
}

/** A graceful stop hands back rows it claimed but did not start (their attempt is not counted). */
export function release(sql: Sql, rows: readonly Claim[]): Promise<number> {
  return outboxQueue.release(sql, rows);
}

/** Admin retry of given-up deliveries. */
export function retryFailed(sql: Sql, ids: number[] | 'all'): Promise<number> {
  return outboxQueue.requeue(sql, ids === 'all' ? sql`true` : sql`id = ANY(${ids}::bigint[])`);
}
