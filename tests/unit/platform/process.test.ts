/**
 * runProcess (platform/process.ts), on a real forked child (tests/fixtures/process/child.ts): the ready message the
 * launcher waits for, pieces stopped in reverse start order on SIGTERM, the deadline after which it exits anyway,
 * a failing stop that does not keep the others running, a failed start, a stop asked for during start, and a
 * one-shot job ending itself with its own exit code.
 */
import { fork } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const CHILD = new URL('../../fixtures/process/child.ts', import.meta.url).pathname;

function run(scenario: string) {
  const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, SCENARIO: scenario, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const lines: string[] = [];
  child.stdout!.on('data', (b: Buffer) => lines.push(...b.toString().split('\n').filter(Boolean)));
  const messages: unknown[] = [];
  child.on('message', (m) => messages.push(m));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const ready = new Promise<unknown>((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`exited ${code} before ready`)));
  });
  ready.catch(() => {});
  const seen = (s: string) => new Promise<void>((r) => { const t = setInterval(() => { if (lines.includes(s)) { clearInterval(t); r(); } }, 10); });
  /** the plain lines and the `msg` of the JSON log lines, in order */
  const said = () => lines.map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg: string }).msg : l));
  const logged = () => lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { child, ready, exited, messages, seen, said, logged };
}

describe('runProcess', () => {
  it('says ready with its stop deadline, and stops the pieces in reverse order on SIGTERM', async () => {
    const p = run('');
    expect(await p.ready).toEqual({ type: 'ready', stopTimeoutMs: 800 });
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.said().filter((s) => s.startsWith('stop:'))).toEqual(['stop:c', 'stop:b', 'stop:a']);
    expect(p.said()).toContain('probe stopped');
  });

  it('exits anyway after the deadline, naming the piece that hung', async () => {
    const p = run('hang');
    await p.ready;
    const t0 = Date.now();
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(700);
    expect(p.said().filter((s) => s.startsWith('stop:'))).toEqual(['stop:c']);
    expect(p.logged().find((l) => l.msg === 'stop timed out; exiting anyway')).toMatchObject({ piece: 'b', stopTimeoutMs: 800 });
  });

  it('a piece whose stop throws is logged; the others still stop; the exit code says so', async () => {
    const p = run('throw');
    await p.ready;
    p.child.kill('SIGINT');
    expect(await p.exited).toBe(1);
    expect(p.said().filter((s) => s.startsWith('stop:'))).toEqual(['stop:c', 'stop:a']);
    expect(p.logged().find((l) => l.msg === 'stop failed')).toMatchObject({ piece: 'b' });
  });

  it('a failed start is logged as fatal and exits 1 without ready', async () => {
    const p = run('fail');
    await expect(p.ready).rejects.toThrow();
    expect(await p.exited).toBe(1);
    expect(p.logged().find((l) => l.msg === 'probe failed to start')).toMatchObject({ level: 60, err: { message: 'no database' } });
    expect(p.messages).toEqual([]);
  });

  it('a stop asked for during start: start sees the signal, no ready, then the ordered stop', async () => {
    const p = run('slow-start');
    await p.seen('starting');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.said()).toContain('start done, aborted=true');
    expect(p.said().filter((s) => s.startsWith('stop:'))).toEqual(['stop:c', 'stop:b', 'stop:a']);
    expect(p.messages).toEqual([]);
  });

  it('a job that asks for its own stop ends with its exit code, without ready', async () => {
    const p = run('done');
    expect(await p.exited).toBe(3);
    expect(p.said().filter((s) => s.startsWith('stop:'))).toEqual(['stop:c', 'stop:b', 'stop:a']);
    expect(p.messages).toEqual([]);
  });
});
