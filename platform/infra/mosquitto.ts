/**
 * A private Mosquitto instance (tests, benchmarks): own port, own persistence folder, on loopback. Anonymous,
 * or with `authDir` the registry's password_file and acl_file from there (platform/mqtt-auth/mosquitto-sync.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { mosquittoAuthConf } from '../mqtt-auth/mosquitto-files.ts';

export interface Mosquitto {
  url: string;
  port: number;
  proc: ChildProcess;
  /** graceful stop: Mosquitto writes its persistence file on SIGTERM */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** SIGHUP: Mosquitto rereads its password and ACL files and drops clients they no longer admit */
  reload(): void;
}

/** Resolves once the port accepts connections; rejects when `proc` exits first (e.g. the port was taken). */
function waitListening(proc: ChildProcess, port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    let done = false;
    const onExit = (code: number | null) => finish(new Error(`mosquitto exited (${code}) before listening on ${port}`));
    const finish = (e?: Error) => {
      if (done) return;
      done = true;
      proc.off('exit', onExit);
      if (e) reject(e);
      else resolve();
    };
    proc.once('exit', onExit);
    const attempt = () => {
      if (done) return;
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        finish();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > until) finish(new Error(`mosquitto did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

export async function startMosquitto(opts: { port: number; dir: string; bin?: string; authDir?: string }): Promise<Mosquitto> {
  mkdirSync(opts.dir, { recursive: true });
  chmodSync(opts.dir, 0o777); // mosquitto drops privileges to the mosquitto user when started as root
  const conf = path.join(opts.dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${opts.port} 127.0.0.1`,
      ...(opts.authDir ? mosquittoAuthConf(opts.authDir) : ['allow_anonymous true']),
      'persistence true',
      `persistence_location ${opts.dir}/`,
      // the whole in-memory store is written at every autosave; with a backlog of a hundred thousand queued
      // messages a save every second cost the broker more CPU than delivering them. A graceful stop (what the
      // restart tests do) always saves, so a minute between saves loses nothing there.
      'autosave_interval 60',
      'max_queued_messages 1000000',
      // QoS 1 messages on their way to one client before its PUBACKs: the ingest worker acknowledges a batch only
      // after its commit and reads up to four batches ahead (one written, one prepared, the next ones filling), so
      // a small window (it was 1000) starves it; this one is INGEST_MAX_BUFFER's default; past its read-ahead the
      // worker stops reading and the rest waits here
      'max_inflight_messages 20000',
      'message_size_limit 1048576',
      'log_dest none',
      '',
    ].join('\n'),
  );
  const bin = opts.bin ?? '/usr/sbin/mosquitto';
  const m: Mosquitto = {
    url: `mqtt://127.0.0.1:${opts.port}`,
    port: opts.port,
    proc: null as unknown as ChildProcess,
    async stop() {
      const p = m.proc;
      if (p.exitCode !== null || p.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGTERM');
      });
    },
    reload() {
      if (m.proc.exitCode === null && m.proc.signalCode === null) m.proc.kill('SIGHUP');
    },
    async restart() {
      await m.stop();
      m.proc = spawn(bin, ['-c', conf], { stdio: 'ignore' });
      await waitListening(m.proc, opts.port);
    },
  };
  m.proc = spawn(bin, ['-c', conf], { stdio: 'ignore' });
  await waitListening(m.proc, opts.port);
  return m;
}
