/**
 * The one life cycle of a supervised process (forked by server/launcher/supervisor.ts, or run by hand):
 *  1. start() brings the pieces up and returns them in start order;
 *  2. {type:'ready', stopTimeoutMs} goes to the launcher over IPC (it starts the next child on it, and waits that
 *     long plus a margin before SIGKILL when stopping);
 *  3. SIGTERM / SIGINT (or a piece calling requestStop) stops the pieces in reverse start order, each awaited,
 *     then exits; after stopTimeoutMs it exits anyway, naming the piece that hung.
 * A stop requested while start() is still running aborts ctx.signal; the pieces are stopped once start returns.
 * An uncaught exception is logged and ends the process (state is unknown; the launcher restarts it) — except
 * postgres.js's restart race while a pool that recovers from it is installed (workers/ingest/pg-pool.ts); an
 * unhandled rejection is logged and the process carries on.
 */
import type { Logger } from 'pino';
import { logger } from './log.ts';
import { watchLoopStalls } from './loop-stalls.ts';
import { isPostgresNullSocketRace } from './db.ts';

/** Something start() brought up, and how to take it down. */
export interface Piece {
  name: string;
  stop(): unknown;
}

export interface ProcessContext {
  log: Logger;
  /** aborted once a stop is requested: long start phases check it and return the pieces they have */
  signal: AbortSignal;
  /** the ordered stop, asked for from inside (a one-shot job that is done, a fatal condition) */
  requestStop(why: string, exitCode?: number): void;
}

export interface ProcessSpec {
  name: string;
  start(ctx: ProcessContext): Promise<Piece[]>;
  /** after a stop request, exit anyway after this long (default DEFAULT_STOP_TIMEOUT_MS) */
  stopTimeoutMs?: number;
}

export const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/** What the launcher receives once the process is up. */
export interface ReadyMessage {
  type: 'ready';
  stopTimeoutMs: number;
}

export async function runProcess(spec: ProcessSpec): Promise<void> {
  const log = logger(spec.name);
  const stopTimeoutMs = spec.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  watchLoopStalls(log);
  const fatal = (err: Error) => {
    // postgres.js's restart race is recovered by the pool that installed a handler for it (workers/ingest/pg-pool.ts)
    if (isPostgresNullSocketRace(err) && process.listenerCount('uncaughtException') > 1) return;
    log.fatal({ err }, 'uncaught exception');
    process.exit(1);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));

  const abort = new AbortController();
  let pieces: Piece[] | null = null;
  let exitCode = 0;
  let current = '(start)';

  const stopAll = async (list: Piece[]) => {
    for (const p of [...list].reverse()) {
      current = p.name;
      try {
        await p.stop();
      } catch (err) {
        exitCode ||= 1;
        log.error({ err, piece: p.name }, 'stop failed');
      }
    }
    log.info({ exitCode }, `${spec.name} stopped`);
    process.exit(exitCode);
  };

  const requestStop = (why: string, code = 0) => {
    if (abort.signal.aborted) return;
    exitCode = code;
    abort.abort();
    log.info({ why }, `${spec.name} stopping`);
    const force = setTimeout(() => {
      log.error({ stopTimeoutMs, piece: current }, 'stop timed out; exiting anyway');
      process.exit(exitCode || 1);
    }, stopTimeoutMs);
    force.unref();
    if (pieces) void stopAll(pieces);
  };
  // once: a second Ctrl-C from a terminal falls through to Node's default and ends the process at once
  process.once('SIGTERM', () => requestStop('SIGTERM'));
  process.once('SIGINT', () => requestStop('SIGINT'));

  try {
    pieces = await spec.start({ log, signal: abort.signal, requestStop });
  } catch (err) {
    if (abort.signal.aborted) {
      log.warn({ err }, `${spec.name} start abandoned while stopping`);
      process.exit(exitCode);
    }
    log.fatal({ err }, `${spec.name} failed to start`);
    process.exit(1);
  }
  if (abort.signal.aborted) return stopAll(pieces);
  const ready: ReadyMessage = { type: 'ready', stopTimeoutMs };
  process.send?.(ready);
}
