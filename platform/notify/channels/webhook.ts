/**
 * Webhook channel for SMS / WeCom / DingTalk gateways: one signed JSON POST per (event, user). Headers carry
 * the timestamp, HMAC-SHA256 signature over `${timestamp}.${body}` and the idempotency key receivers dedupe on.
 */
import { IDEMPOTENCY_HEADER, SIG_HEADER, TS_HEADER, signBody } from '../signature.ts';
import type { ClaimedRow } from '../outbox.ts';
import { absoluteUrl, DeliveryError, type DeliveryChannel } from './types.ts';

export interface WebhookBody {
  v: 1;
  id: string;
  kind: string;
  change: string;
  severity: string;
  title: string;
  text: string;
  url: string;
  to: { userId: number; name: string; phone: string | null; email: string | null };
  alarmId: number | null;
  hazardId: number | null;
  siteId: string | null;
  siteName: string | null;
  eventAt: number;
  attempt: number;
}

export function webhookChannel(o: { url: string; secret: string; publicUrl?: string; timeoutMs: number }): DeliveryChannel {
  return {
    name: 'webhook',
    async deliver(row: ClaimedRow) {
      const m = row.payload.message;
      const r = row.payload.recipient;
      const body: WebhookBody = {
        v: 1,
        id: row.idempotency_key,
        kind: m.kind,
        change: m.change,
        severity: m.severity,
        title: m.title,
        text: m.body,
        url: absoluteUrl(o.publicUrl, m.url),
        to: { userId: r.userId, name: r.displayName, phone: r.phone, email: r.email },
        alarmId: m.alarmId,
        hazardId: m.hazardId,
        siteId: m.siteId,
        siteName: m.siteName,
        eventAt: m.eventAt,
        attempt: row.attempts,
      };
      const text = JSON.stringify(body);
      const ts = Date.now();
      let res: Response;
      try {
        res = await fetch(o.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            [TS_HEADER]: String(ts),
            [SIG_HEADER]: signBody(o.secret, ts, text),
            [IDEMPOTENCY_HEADER]: row.idempotency_key,
            'user-agent': 'esms-notify/1',
          },
          body: text,
          signal: AbortSignal.timeout(o.timeoutMs),
        });
      } catch (e) {
        throw new DeliveryError(`webhook unreachable: ${(e as Error).message}`);
      }
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return;
      // 4xx other than timeout/rate-limit means the gateway refuses this message: retrying will not help
      const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
      throw new DeliveryError(`webhook HTTP ${res.status}`, permanent);
    },
  };
}
