/** E-mail channel (SMTP via nodemailer). The Message-ID is derived from the idempotency key, so a repeat is recognisable. */
import nodemailer from 'nodemailer';
import type { ClaimedRow } from '../../../server/workflow/notify/outbox.ts';
import { absoluteUrl, DeliveryError, type DeliveryChannel } from './types.ts';

export function emailChannel(o: { smtpUrl: string; from: string; publicUrl?: string; timeoutMs: number }): DeliveryChannel {
  const transport = nodemailer.createTransport(o.smtpUrl, {});
  return {
    name: 'email',
    async deliver(row: ClaimedRow) {
      const m = row.payload.message;
      const to = row.payload.recipient.email;
      if (!to) throw new DeliveryError('recipient has no e-mail address', true);
      const link = absoluteUrl(o.publicUrl, m.url);
      try {
        await Promise.race([
          transport.sendMail({
            from: o.from,
            to,
            subject: m.title,
            text: `${m.body}\n\n查看详情 / Details: ${link}\n`,
            messageId: `<${row.idempotency_key}@esms.changdu>`,
            headers: { 'X-Idempotency-Key': row.idempotency_key, 'X-ESMS-Severity': m.severity },
          }),
          new Promise((_, rej) => setTimeout(() => rej(new Error('SMTP timeout')), o.timeoutMs)),
        ]);
      } catch (e) {
        const code = (e as { responseCode?: number }).responseCode ?? 0;
        throw new DeliveryError(`smtp: ${(e as Error).message}`, code >= 550 && code < 560);
      }
    },
    close: () => transport.close(),
  };
}
