/**
 * Test-side stand-ins for the reports delivery tests: the portal's /internal socket.io namespace (records what
 * workers publish), attachment extraction from a raw MIME message, and the scheduler process as a child.
 */
import http from 'node:http';
import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { Server } from 'socket.io';
import type { InternalPublish } from '../../../lib/events/realtime.ts';

export async function startInternalGateway(token: string) {
  const published: (InternalPublish & { from: string })[] = [];
  const server = http.createServer();
  const io = new Server(server);
  const ns = io.of('/internal');
  ns.use((s, next) => (s.handshake.auth?.token === token ? next() : next(new Error('FORBIDDEN'))));
  ns.on('connection', (s) => s.on('publish', (m: InternalPublish) => published.push({ ...m, from: String(s.handshake.auth?.name) })));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, published, close: () => new Promise<void>((r) => io.close(() => r())) };
}

/** The base64 attachments of a raw multipart message: content type and sha256 of each. */
export function attachmentsOf(raw: string): { type: string; sha256: string; size: number }[] {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) return [];
  return raw
    .split(`--${boundary}`)
    .filter((part) => /Content-Disposition:\s*attachment/i.test(part))
    .map((part) => {
      const [head, ...body] = part.split(/\r?\n\r?\n/);
      const data = Buffer.from(body.join('').replace(/\s+/g, ''), 'base64');
      return { type: /Content-Type:\s*([^;\r\n]+)/i.exec(head)?.[1].trim() ?? '', sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
    });
}

export function startScheduler(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork('server/reports/scheduler-main.ts', [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (c) => reject(new Error(`report scheduler exited ${c}`)));
  });
}

export function stopScheduler(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });
}
