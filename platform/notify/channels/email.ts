/** E-mail channel (SMTP via nodemailer). The Message-ID is derived from the idempotency key, so a repeat is recognisable. */
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { ClaimedRow } from '../outbox.ts';
import { absoluteUrl, DeliveryError, type DeliveryChannel } from './types.ts';

/** The SMTP transport and one send with a timeout; shared with the report mailer (server/reports/mailer.ts). */
export const smtpTransport = (smtpUrl: string): Transporter => nodemailer.createTransport(smtpUrl, {});
export async function sendSmtp(transport: Transporter, mail: SendMailOptions, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([transport.sendMail(mail), new Promise((_, rej) => (timer = setTimeout(() => rej(new Error('SMTP timeout')), timeoutMs)))]);
  } catch (e) {
    const code = (e as { responseCode?: number }).responseCode ?? 0;
    throw new DeliveryError(`smtp: ${(e as Error).message}`, code >= 550 && code < 560);
  } finally {
    clearTimeout(timer);
  }
}

export function emailChannel(o: { smtpUrl: string; from: string; publicUrl?: string; timeoutMs: number }): DeliveryChannel {
  const transport = smtpTransport(o.smtpUrl);
  return {
    name: 'email',
    async deliver(row: ClaimedRow) {
      const m = row.payload.message;
      const to = row.payload.recipient.email;
      if (!to) throw new DeliveryError('recipient has no e-mail address', true);
      const link = absoluteUrl(o.publicUrl, m.url);
      await sendSmtp(
        transport,
        {
          from: o.from,
          to,
          subject: m.title,
          text: `${m.body}\n\n查看详情 / Details: ${link}\n`,
          messageId: `<${row.idempotency_key}@esms.changdu>`,
          headers: { 'X-Idempotency-Key': row.idempotency_key, 'X-ESMS-Severity': m.severity },
        },
        o.timeoutMs,
      );
    },
    close: () => transport.close(),
  };
}
