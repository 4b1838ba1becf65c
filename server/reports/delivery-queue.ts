/**
 * The report_deliveries queue, a leased queue (platform/jobs/leased-queue.ts: its state machine): the report
 * scheduler claims due rows ('sending' until lease_until), delivers them and records each outcome ('delivered',
 * 'skipped', retry with backoff, 'failed'). Besides the queue's columns the owner sees `detail`: why a row was
 * skipped or given up; a portal delivery keeps the bell notification it wrote (notification_id).
 */
import type { Sql } from '../../platform/db.ts';
import { createLeasedQueue, type Claim, type ClaimOpts, type FailOpts, type FailOutcome } from '../../platform/jobs/leased-queue.ts';
import type { BackoffOpts } from '../../lib/domain/workflow/backoff.ts';

export type DeliveryChannel = 'portal' | 'email';
export interface ClaimedDelivery extends Claim {
  archiveId: number;
  scheduleId: number | null;
  userId: number;
  channel: DeliveryChannel;
  createdAt: Date;
}
export interface QueueOpts extends BackoffOpts, ClaimOpts {}

/** Wakes the scheduler process's delivery loop (LISTEN) after rows were written or put back. */
export const DELIVERY_CHANNEL = 'esms_report_delivery';

export const deliveryQueue = createLeasedQueue<ClaimedDelivery>({
  table: 'report_deliveries',
  channel: DELIVERY_CHANNEL,
  returning: { archiveId: 'archive_id', scheduleId: 'schedule_id', userId: 'user_id', channel: 'channel', createdAt: 'created_at' },
  done: { state: 'delivered', at: 'delivered_at' },
  onFail: (f) => ({ detail: f.gaveUp ? `发送失败（第 ${f.attempts} 次尝试后放弃）：${f.error}` : null }),
  // reads the row's error before this update's own change to last_error
  onLeaseGiveUp: (sql) => ({ detail: sql`coalesce(last_error, '发送中断') || '（最后一次尝试超时 / lease expired on the last attempt）'` }),
  onRequeue: { detail: null },
});

export function claimDeliveries(sql: Sql, limit: number, o: ClaimOpts): Promise<ClaimedDelivery[]> {
  return deliveryQueue.claim(sql, limit, o);
}

/** Delivered; returns false when this claim no longer owns the row. */
export function markDelivered(sql: Sql, r: Claim, notificationId: number | null = null): Promise<boolean> {
  return deliveryQueue.complete(sql, r, { notification_id: notificationId });
}

/** Never to be sent (recipient gone or out of the report's region): the reason is shown to the owner. */
export function markSkipped(sql: Sql, r: Claim, reason: string): Promise<boolean> {
  return deliveryQueue.skip(sql, r, { detail: reason });
}

/** A failed attempt: retry with backoff, or give up ('failed', error kept) after maxAttempts or a permanent error. */
export function markAttemptFailed(sql: Sql, r: Claim, error: string, o: FailOpts): Promise<FailOutcome> {
  return deliveryQueue.fail(sql, r, error, o);
}

/** A graceful stop hands back claimed deliveries it did not start. */
export function releaseDeliveries(sql: Sql, rows: readonly Claim[]): Promise<number> {
  return deliveryQueue.release(sql, rows);
}

/** The owner (or an admin) puts a schedule's given-up deliveries back in the queue; returns how many. */
export function requeueFailed(sql: Sql, scheduleId: number): Promise<number> {
  return deliveryQueue.requeue(sql, sql`schedule_id = ${scheduleId}`);
}
