/** Local stand-ins for the external channels: a webhook receiver (signature-checked, switchable failure, slowness) and an SMTP sink. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { IDEMPOTENCY_HEADER, SIG_HEADER, TS_HEADER, verifySignature } from '../../../platform/notify/signature.ts';

export interface Hook {
  at: number;
  key: string;
  body: { id: string; title: string; to: { userId: number; name: string }; alarmId: number | null; eventAt: number; kind: string; change: string };
  validSig: boolean;
}

export async function startWebhookReceiver(secret: string) {
  const hooks: Hook[] = [];
  const ctl = { failWith: 0, delayMs: 0, requests: 0 };
  const server = http.createServer((req, res) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', async () => {
      ctl.requests++;
      if (ctl.delayMs) await new Promise((r) => setTimeout(r, ctl.delayMs));
      if (ctl.failWith) {
        res.writeHead(ctl.failWith).end('down');
        return;
      }
      const ts = Number(req.headers[TS_HEADER]);
      hooks.push({ at: Date.now(), key: String(req.headers[IDEMPOTENCY_HEADER]), body: JSON.parse(s), validSig: verifySignature(secret, ts, s, String(req.headers[SIG_HEADER])) });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, hooks, ctl, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

export interface Mail {
  to: string;
  messageId: string;
  raw: string;
}

export async function startSmtpSink(port: number) {
  const mails: Mail[] = [];
  const ctl = { failWith: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream: NodeJS.ReadableStream, session: { envelope: { rcptTo: { address: string }[] } }, cb: (e?: Error) => void) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        if (ctl.failWith) return cb(Object.assign(new Error('mailbox busy'), { responseCode: ctl.failWith }));
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '', raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `smtp://127.0.0.1:${port}`, mails, ctl, close: () => new Promise<void>((r) => server.close(() => r())) };
}
