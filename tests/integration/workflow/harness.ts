/** Runs the real notify worker entry (workers/notify/main.ts) as a child process, so tests can stop or kill it. */
import { fork, type ChildProcess } from 'node:child_process';
import type { Sql } from '../../../platform/db.ts';

export function startNotify(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork('workers/notify/main.ts', [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LOG_LEVEL: 'warn', NOTIFY_POLL_MS: '100', NOTIFY_BACKOFF_BASE_MS: '100', NOTIFY_BACKOFF_MAX_MS: '400', NOTIFY_LEASE_S: '2', NOTIFY_DIGEST_HOUR: '8', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (c) => reject(new Error(`notify exited ${c}`)));
  });
}

export function stopNotify(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((r) => {
    child.once('exit', () => r());
    child.kill(signal);
  });
}

export async function until<T>(f: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, stepMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Open a fresh alarm (closing any active twin first: one active alarm per device/ch/type). */
export async function openAlarm(sql: Sql, o: { siteId: string; ch: number; type: string; severity?: string }) {
  const [d] = await sql<{ id: string }[]>`SELECT id FROM devices WHERE site_id = ${o.siteId} ORDER BY id LIMIT 1`;
  await sql`UPDATE alarms SET cleared_at = now() WHERE device_id = ${d.id} AND ch = ${o.ch} AND type = ${o.type} AND cleared_at IS NULL`;
  const [a] = await sql<{ id: number; t: number }[]>`
    INSERT INTO alarms (site_id, device_id, ch, type, severity, opened_at, value, threshold, reason_zh)
    VALUES (${o.siteId}, ${d.id}, ${o.ch}, ${o.type}, ${o.severity ?? 'alarm'}, now(), 80, 70, '集成测试报警')
    RETURNING id, (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS t`;
  return a;
}

export async function userId(sql: Sql, username: string): Promise<number> {
  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  return u.id;
}
