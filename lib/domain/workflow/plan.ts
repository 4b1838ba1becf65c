/**
 * Fan-out plan (pure): event × recipients × channel preferences → outbox rows. The portal inbox always
 * receives; external channels follow each user's choice, minimum severity and quiet hours, except that
 * critical alarms ignore minimum severity and quiet hours (they are never silenced).
 */
import { atLeast } from '../vocabulary/index.ts';
import { holdUntil } from './quiet-hours.ts';

export const CHANNELS = ['portal', 'webhook', 'email', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_INFO: Record<Channel, { zh: string; en: string }> = {
  portal: { zh: '平台消息', en: 'Portal' },
  webhook: { zh: '短信/企业微信/钉钉网关', en: 'Webhook (SMS / WeCom / DingTalk)' },
  email: { zh: '电子邮件', en: 'E-mail' },
  push: { zh: '浏览器推送', en: 'Web Push' },
};

export interface Recipient {
  userId: number;
  channels: string[];
  minSeverity: string;
  quietStart: string | null;
  quietEnd: string | null;
  email: string | null;
  hasPush: boolean;
}
export interface PlannedEvent {
  id: number;
  kind: string;
  change: string;
  severity: string;
}
export interface PlannedRow {
  userId: number;
  channel: Channel;
  nextAttemptAt: Date;
  idempotencyKey: string;
}

export const idempotencyKey = (eventId: number, userId: number, channel: Channel) => `esms-${eventId}-${userId}-${channel}`;

export function planDeliveries(ev: PlannedEvent, recipients: Recipient[], available: Record<Channel, boolean>, now: Date): PlannedRow[] {
  const rows: PlannedRow[] = [];
  const seen = new Set<number>();
  // a cleared alarm is good news: the inbox records it, nobody is woken for it
  const externalAllowed = !(ev.kind === 'alarm' && ev.change === 'cleared');
  for (const r of recipients) {
    if (seen.has(r.userId)) continue;
    seen.add(r.userId);
    for (const channel of CHANNELS) {
      if (channel !== 'portal') {
        if (!externalAllowed || !available[channel] || !r.channels.includes(channel)) continue;
        if (ev.severity !== 'critical' && !atLeast(ev.severity, r.minSeverity)) continue;
        if (channel === 'email' && !r.email) continue;
        if (channel === 'push' && !r.hasPush) continue;
      }
      const hold = holdUntil(now, ev.severity, channel, { start: r.quietStart, end: r.quietEnd });
      rows.push({ userId: r.userId, channel, nextAttemptAt: hold ?? now, idempotencyKey: idempotencyKey(ev.id, r.userId, channel) });
    }
  }
  return rows;
}
