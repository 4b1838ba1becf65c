/** Admin view of notification health: per-channel outcomes over 24 h, the worker's last beat, given-up deliveries. */
import type { Sql } from '../../platform/db.ts';

export interface ChannelHealth {
  channel: string;
  sent: number;
  pending: number;
  retrying: number;
  sending: number;
  failed: number;
  lastSentAt: Date | null;
  lastError: string | null;
}

export async function notifyStatus(sql: Sql) {
  const channels = await sql<ChannelHealth[]>`
    SELECT channel,
           count(*) FILTER (WHERE state = 'sent')::int AS sent,
           count(*) FILTER (WHERE state = 'pending' AND attempts = 0)::int AS pending,
           count(*) FILTER (WHERE state = 'pending' AND attempts > 0)::int AS retrying,
           count(*) FILTER (WHERE state = 'sending')::int AS sending,
           count(*) FILTER (WHERE state = 'failed')::int AS failed,
           max(sent_at) AS "lastSentAt",
           (array_agg(last_error ORDER BY id DESC) FILTER (WHERE last_error IS NOT NULL))[1] AS "lastError"
    FROM notification_outbox WHERE created_at > now() - interval '24 hours' OR state IN ('pending', 'sending', 'failed')
    GROUP BY channel ORDER BY channel`;
  const [w] = await sql<{ value: Record<string, unknown> }[]>`SELECT value FROM meta WHERE key = 'notify.worker'`;
  const failed = await sql<{ id: number; channel: string; attempts: number; lastError: string | null; createdAt: Date; username: string; title: string }[]>`
    SELECT o.id, o.channel, o.attempts, o.last_error AS "lastError", o.created_at AS "createdAt", u.username, o.payload->'message'->>'title' AS title
    FROM notification_outbox o JOIN users u ON u.id = o.user_id
    WHERE o.state = 'failed' ORDER BY o.created_at DESC LIMIT 200`;
  const [lag] = await sql<{ events: number; oldest: Date | null }[]>`
    SELECT count(*)::int AS events, min(created_at) AS oldest FROM notify_events WHERE fanned_out_at IS NULL`;
  return { channels, worker: w?.value ?? null, failed, backlog: lag };
}
