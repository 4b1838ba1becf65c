/**
 * The report mailer: the notifications' SMTP transport and send (platform/notify/channels/email.ts: same NOTIFY_SMTP_URL,
 * NOTIFY_MAIL_FROM, timeout and error classification), for messages with attachments.
 */
import type { SendMailOptions } from 'nodemailer';
import { sendSmtp, smtpTransport } from '../../platform/notify/channels/email.ts';

export interface ReportMailer {
  send(mail: Omit<SendMailOptions, 'from'> & { to: string }): Promise<void>;
  close(): void;
}

export function reportMailer(o: { smtpUrl: string; from: string; timeoutMs: number }): ReportMailer {
  const transport = smtpTransport(o.smtpUrl);
  return {
    send: (mail) => sendSmtp(transport, { ...mail, from: o.from }, o.timeoutMs),
    close: () => transport.close(),
  };
}
