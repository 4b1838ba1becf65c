/** A private Mosquitto instance (tests, benchmarks): own port, own persistence folder, anonymous on loopback. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface Mosquitto {
  url: string;
  port: number;
  proc: ChildProcess;
  /** graceful stop: Mosquitto writes its persistence file on SIGTERM */
  stop(): Promise<void>;
  restart(): Promise<void>;
}

function waitPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`mosquitto did not listen on ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

export async function startMosquitto(opts: { port: number; dir: string; bin?: string }): Promise<Mosquitto> {
  mkdirSync(opts.dir, { recursive: true });
  chmodSync(opts.dir, 0o777); // mosquitto drops privileges to the mosquitto user when started as root
  const conf = path.join(opts.dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${opts.port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence true',
      `persistence_location ${opts.dir}/`,
      'autosave_interval 1',
      'max_queued_messages 1000000',
      'max_inflight_messages 1000',
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
    async restart() {
      await m.stop();
      m.proc = spawn(bin, ['-c', conf], { stdio: 'ignore' });
      await waitPort(opts.port);
    },
  };
  m.proc = spawn(bin, ['-c', conf], { stdio: 'ignore' });
  await waitPort(opts.port);
  return m;
}
