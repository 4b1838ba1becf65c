/**
 * Starts child processes, restarts them when they die (with backoff), and stops them in reverse order.
 * Children are `node --import tsx <entry>` forks so each one is a single PID that a signal stops.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { ReadyMessage } from '../../platform/process.ts';

export interface ChildSpec {
  name: string;
  entry: string;
  env: Record<string, string>;
  /** wait for the child's {type:'ready'} IPC message before starting the next one */
  waitReady?: boolean;
  readyTimeoutMs?: number;
}

interface Running {
  spec: ChildSpec;
  proc: ChildProcess | null;
  restarts: number;
  log: WriteStream;
  /** the child's own stop deadline, from its ready message (platform/process.ts) */
  stopTimeoutMs?: number;
}

/** beyond the child's own stop deadline, before SIGKILL: its timeout fires first and says what hung */
const KILL_MARGIN_MS = 2000;

const COLORS: Record<string, string> = { broker: '35', portal: '36', ingest: '32', notify: '34', reports: '94', simulator: '33' };

function pretty(name: string, line: string): string {
  let text = line;
  try {
    const o = JSON.parse(line);
    const lvl = o.level >= 50 ? '✖ ' : o.level >= 40 ? '! ' : '';
    const extra = Object.entries(o)
      .filter(([k]) => !['level', 'time', 'pid', 'hostname', 'msg', 'c'].includes(k))
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
      .join(' ');
    text = `${lvl}${o.msg ?? ''} ${extra}`.trim();
  } catch {}
  const t = new Date().toTimeString().slice(0, 8);
  return `${t} \x1b[${COLORS[name] ?? '37'}m${name.padEnd(9)}\x1b[0m ${text}`;
}

export class Supervisor {
  private children: Running[] = [];
  private stopping = false;
  constructor(
    private readonly logDir: string,
    private readonly quiet = false,
  ) {
    mkdirSync(logDir, { recursive: true });
  }

  async start(spec: ChildSpec): Promise<void> {
    const r: Running = { spec, proc: null, restarts: 0, log: createWriteStream(path.join(this.logDir, `${spec.name}.log`), { flags: 'a' }) };
    this.children.push(r);
    await this.spawn(r);
  }

  private spawn(r: Running): Promise<void> {
    const { spec } = r;
    const proc = fork(spec.entry, [], {
      execArgv: ['--import', 'tsx', '--import', new URL('./child-guard.ts', import.meta.url).pathname],
      detached: true,
      env: { ...process.env, ...spec.env, WORKER_NAME: spec.name },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    r.proc = proc;
    proc.on('message', (m: Partial<ReadyMessage> | null) => {
      if (m?.type === 'ready' && typeof m.stopTimeoutMs === 'number') r.stopTimeoutMs = m.stopTimeoutMs;
    });
    for (const stream of [proc.stdout!, proc.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        r.log.write(line + '\n');
        if (!this.quiet) console.log(pretty(spec.name, line));
      });
    }
    const ready = new Promise<void>((resolve, reject) => {
      if (!spec.waitReady) return resolve();
      const timer = setTimeout(() => reject(new Error(`${spec.name} not ready after ${spec.readyTimeoutMs ?? 120000} ms`)), spec.readyTimeoutMs ?? 120_000);
      proc.on('message', (m: { type?: string }) => {
        if (m?.type === 'ready') {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${spec.name} exited with ${code} before it was ready`));
      });
    });
    proc.once('exit', (code, signal) => {
      if (this.stopping) return;
      r.restarts += 1;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(r.restarts, 6));
      console.error(pretty(spec.name, `exited (${code ?? signal}); restart #${r.restarts} in ${delay} ms`));
      setTimeout(() => {
        if (!this.stopping) this.spawn(r).catch((e) => console.error(pretty(spec.name, String(e))));
      }, delay);
    });
    return ready;
  }

  pids(): Record<string, number | undefined> {
    return Object.fromEntries(this.children.map((c) => [c.spec.name, c.proc?.pid]));
  }

  /** Stop in reverse start order; SIGKILL after the timeout, or after the child's own deadline when it is longer. */
  async stopAll(timeoutMs = 10_000) {
    this.stopping = true;
    for (const r of [...this.children].reverse()) {
      const p = r.proc;
      if (!p || p.exitCode !== null || p.signalCode !== null) continue;
      await new Promise<void>((resolve) => {
        const grace = Math.max(timeoutMs, (r.stopTimeoutMs ?? 0) + KILL_MARGIN_MS);
        const t = setTimeout(() => {
          console.error(pretty(r.spec.name, `did not stop within ${grace} ms: SIGKILL`));
          p.kill('SIGKILL');
          resolve();
        }, grace);
        p.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        p.kill('SIGTERM');
      });
      r.log.end();
    }
  }
}
