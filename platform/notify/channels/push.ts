/** Browser Web Push (VAPID). Subscriptions the push service reports gone (404/410) are deleted. */
import webpush from 'web-push';
import type { Sql } from '../../db.ts';
import type { ClaimedRow } from '../outbox.ts';
import type { VapidKeys } from '../vapid.ts';
import { DeliveryError, type DeliveryChannel } from './types.ts';

export function pushChannel(sql: Sql, o: { vapid: VapidKeys; subject: string; timeoutMs: number }): DeliveryChannel {
  return {
    name: 'push',
    async deliver(row: ClaimedRow) {
      const subs = await sql<{ id: number; endpoint: string; p256dh: string; auth: string }[]>`
        SELECT id, endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = ${row.user_id}`;
      const m = row.payload.message;
      const payload = JSON.stringify({ title: m.title, body: m.body, url: m.url, severity: m.severity, tag: row.idempotency_key });
      const errors: string[] = [];
      for (const s of subs) {
        try {
          await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
            vapidDetails: { subject: o.subject, publicKey: o.vapid.publicKey, privateKey: o.vapid.privateKey },
            TTL: 24 * 3600,
            urgency: m.severity === 'critical' ? 'high' : 'normal',
            timeout: o.timeoutMs,
          });
        } catch (e) {
          const status = (e as { statusCode?: number }).statusCode;
          if (status === 404 || status === 410) await sql`DELETE FROM push_subscriptions WHERE id = ${s.id}`;
          else errors.push(`${status ?? ''} ${(e as Error).message}`.trim());
        }
      }
      if (errors.length) throw new DeliveryError(`push: ${errors.join('; ').slice(0, 500)}`);
    },
  };
}
