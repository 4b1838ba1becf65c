/**
 * Runs the real ingest worker as a child process (fork with tsx) so SIGKILL is real, and publishes through a
 * real broker at QoS 1. Shared by the ingest integration tests and the benchmark.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';

const ROOT = path.resolve(new URL('../../../', import.meta.url).pathname);

export interface IngestProc {
  proc: ChildProcess;
  logs: string[];
  ready: Promise<void>;
  /** SIGTERM and wait for exit; returns the exit code */
  stop(timeoutMs?: number): Promise<number | null>;
  kill(): Promise<void>;
}

const spawned = new Set<ChildProcess>();
/** SIGKILL every worker a test started and did not stop (a failed assertion must not leave one running). */
export function killSpawned() {
  for (const p of spawned) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  spawned.clear();
}

/** `execArgv` adds node flags (e.g. the benchmark's --cpu-prof, which NODE_OPTIONS does not allow). */
export function spawnIngest(env: Record<string, string>, execArgv: string[] = []): IngestProc {
  const proc = fork(path.join(ROOT, 'workers/ingest/main.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  spawned.add(proc);
  proc.once('exit', () => spawned.delete(proc));
  const logs: string[] = [];
  const keep = (b: Buffer) => {
    for (const l of b.toString().split('\n')) if (l) logs.push(l);
    if (logs.length > 5000) logs.splice(0, logs.length - 5000);
    if (process.env.INGEST_TEST_LOGS) process.stderr.write(b);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`ingest not ready in 60 s:\n${logs.slice(-20).join('\n')}`)), 60_000);
    proc.on('message', (m: { type?: string }) => {
      if (m?.type === 'ready') {
        clearTimeout(t);
        resolve();
      }
    });
    exited.then((code) => {
      clearTimeout(t);
      reject(new Error(`ingest exited (${code}) before ready:\n${logs.slice(-20).join('\n')}`));
    });
  });
  ready.catch(() => {});
  return {
    proc,
    logs,
    ready,
    async stop(timeoutMs = 20_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(t);
      return code;
    },
    async kill() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGKILL');
      await exited;
    },
  };
}

/** `credential`: a registry or service credential, for brokers that require one (the open test brokers do not). */
export async function connectPublisher(
  url: string,
  clientId = `pub-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  credential?: { username: string; password: string },
): Promise<MqttClient> {
  const c = mqtt.connect(url, { clientId, protocolVersion: 4, clean: true, reconnectPeriod: 500, connectTimeout: 5000, ...credential });
  await new Promise<void>((resolve, reject) => {
    c.once('connect', () => resolve());
    c.once('error', reject);
  });
  return c;
}

/** Publish at QoS 1 and wait for every PUBACK (the broker has the message). */
export async function publishAll(c: MqttClient, msgs: { topic: string; payload: string | Buffer; retain?: boolean }[], window = 500) {
  let i = 0;
  const worker = async () => {
    while (i < msgs.length) {
      const m = msgs[i++];
      await c.publishAsync(m.topic, m.payload, { qos: 1, retain: m.retain ?? false });
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, msgs.length) }, worker));
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, stepMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`waitFor timed out${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Publish `msgs` at about `perSec` messages per second (QoS 1); resolves when the broker acknowledged all. */
export async function streamPublish(c: MqttClient, msgs: { topic: string; payload: string | Buffer }[], perSec: number): Promise<number> {
  const t0 = Date.now();
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < msgs.length; i++) {
    const due = t0 + (i * 1000) / perSec;
    const wait = due - Date.now();
    if (wait > 2) await new Promise((r) => setTimeout(r, wait));
    pending.push(c.publishAsync(msgs[i].topic, msgs[i].payload, { qos: 1 }));
  }
  await Promise.all(pending);
  return msgs.length;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
