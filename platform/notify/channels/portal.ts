/**
 * The portal inbox: an idempotent insert into `notifications` (unique outbox_id), then a live 'notification'
 * event to the user's socket room. The insert is the delivery; the socket event is best effort (the bell
 * reloads its count on connect).
 */
import type { Sql } from '../../db.ts';
import type { ClaimedRow } from '../outbox.ts';
import type { NotificationPayload } from '../../../lib/events/realtime.ts';
import type { DeliveryChannel } from './types.ts';

export function portalChannel(sql: Sql, publish: (userId: number, n: NotificationPayload) => void): DeliveryChannel {
  return {
    name: 'portal',
    async deliver(row: ClaimedRow) {
      const m = row.payload.message;
      const [ins] = await sql<{ id: number; created_at: Date }[]>`
        INSERT INTO notifications (user_id, outbox_id, kind, severity, title, body, url, alarm_id, hazard_id)
        VALUES (${row.user_id}, ${row.id}, ${m.kind}, ${m.severity}, ${m.title}, ${m.body}, ${m.url}, ${m.alarmId}, ${m.hazardId})
        ON CONFLICT (outbox_id) DO NOTHING RETURNING id, created_at`;
      if (!ins) return; // already delivered by an earlier attempt
      publish(row.user_id, {
        id: ins.id,
        kind: m.kind,
        change: m.change,
        severity: m.severity,
        title: m.title,
        body: m.body,
        url: m.url,
        alarmId: m.alarmId,
        hazardId: m.hazardId,
        siteId: m.siteId,
        siteName: m.siteName,
        createdAt: ins.created_at.getTime(),
        eventAt: m.eventAt,
      });
    },
  };
}
