/**
 * The report_deliveries queue: claim due rows with FOR UPDATE SKIP LOCKED and a lease (lease_until; the row stays
 * 'pending'), then record the outcome. An outcome is written only by the claim that made it (same attempts
 * count), so a delivery whose lease ran out and was claimed again is recorded once. Rows whose lease ran out
 * after their last allowed attempt are given up, not retried forever (as the notification outbox does).
 */
import type { Sql } from '../../platform/db.ts';
import { backoffMs, type BackoffOpts } from '../../lib/domain/workflow/backoff.ts';

export type DeliveryChannel = 'portal' | 'email';
export interface ClaimedDelivery {
  id: number;
  archiveId: number;
  scheduleId: number | null;
  userId: number;
  channel: DeliveryChannel;
  attempts: number;
  createdAt: Date;
}
export interface QueueOpts extends BackoffOpts {
  leaseS: number;
  maxAttempts: number;
}

/** Wakes the scheduler process's delivery loop (LISTEN) after rows were written or put back. */
export const DELIVERY_CHANNEL = 'esms_report_delivery';

export async function claimDeliveries(sql: Sql, limit: number, o: QueueOpts): Promise<ClaimedDelivery[]> {
  await sql`
    UPDATE report_deliveries SET state = 'failed', lease_until = NULL,
           detail = coalesce(last_error, '发送中断') || '（最后一次尝试超时 / lease expired on the last attempt）'
    WHERE state = 'pending' AND lease_until < now() AND attempts >= ${o.maxAttempts}`;
  return sql<ClaimedDelivery[]>`
    WITH due AS (
      SELECT id FROM report_deliveries
      WHERE state = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
      ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    UPDATE report_deliveries d SET attempts = d.attempts + 1, lease_until = now() + make_interval(secs => ${o.leaseS})
      FROM due WHERE d.id = due.id
    RETURNING d.id, d.archive_id AS "archiveId", d.schedule_id AS "scheduleId", d.user_id AS "userId", d.channel, d.attempts,
              d.created_at AS "createdAt"`;
}

const mine = (sql: Sql, r: ClaimedDelivery) => sql`id = ${r.id} AND attempts = ${r.attempts} AND state = 'pending'`;

/** Delivered; returns false when this claim no longer owns the row. */
export async function markDelivered(sql: Sql, r: ClaimedDelivery, notificationId: number | null = null): Promise<boolean> {
  const rows = await sql`
    UPDATE report_deliveries SET state = 'delivered', delivered_at = now(), lease_until = NULL, last_error = NULL, notification_id = ${notificationId}
    WHERE ${mine(sql, r)} RETURNING id`;
  return rows.length === 1;
}

/** Never to be sent (recipient gone or out of the report's region): the reason is shown to the owner. */
export async function markSkipped(sql: Sql, r: ClaimedDelivery, reason: string) {
  await sql`UPDATE report_deliveries SET state = 'skipped', lease_until = NULL, detail = ${reason} WHERE ${mine(sql, r)}`;
}

/** A failed attempt: retry with backoff, or give up ('failed', error kept) after maxAttempts or a permanent error. */
export async function markAttemptFailed(sql: Sql, r: ClaimedDelivery, error: string, o: QueueOpts & { permanent?: boolean }): Promise<'retry' | 'failed'> {
  const give = !!o.permanent || r.attempts >= o.maxAttempts;
  const msg = error.slice(0, 1000);
  await sql`
    UPDATE report_deliveries
       SET state = ${give ? 'failed' : 'pending'}, lease_until = NULL, last_error = ${msg},
           detail = ${give ? `发送失败（第 ${r.attempts} 次尝试后放弃）：${msg}` : null},
           next_attempt_at = now() + make_interval(secs => ${backoffMs(r.attempts, o) / 1000})
     WHERE ${mine(sql, r)}`;
  return give ? 'failed' : 'retry';
}

/** The owner (or an admin) puts a schedule's given-up deliveries back in the queue; returns how many. */
export async function requeueFailed(sql: Sql, scheduleId: number): Promise<number> {
  const rows = await sql`
    UPDATE report_deliveries SET state = 'pending', attempts = 0, next_attempt_at = now(), detail = NULL
    WHERE schedule_id = ${scheduleId} AND state = 'failed' RETURNING id`;
  if (rows.length) await sql`SELECT pg_notify(${DELIVERY_CHANNEL}, 'retry')`;
  return rows.length;
}
