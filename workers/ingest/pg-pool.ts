/**
 * The worker's database pool, replaceable in place. postgres.js 3.4.9 has a race when the server restarts: a
 * query written in the instant after its socket closed throws "Cannot read properties of null (reading 'write')"
 * from a setImmediate inside connection.js, uncaught, which would kill the process (and leave that connection's
 * half-written buffer to corrupt its next use). We recognise exactly that error, drop the whole pool and carry on
 * with a fresh one; queries in flight on the old pool fail and the pipeline retries them (writes are idempotent).
 * Everything holds the proxy, so nobody keeps a reference to a discarded pool.
 */
import net from 'node:net';
import { createSql, isPostgresNullSocketRace, type Sql } from '../../platform/db.ts';
import { logger } from '../../platform/log.ts';

const log = logger('ingest.db');


/**
 * postgres.js 3.4.9 leaves Nagle's algorithm on (libpq sets TCP_NODELAY): a short statement written right after a
 * big one (the next statement after a COPY's data, a COMMIT after the batch) then waits for the server's delayed
 * ACK, 40 ms on Linux, several times per batch. Its documented `socket` option takes a socket factory and is read
 * at every (re)connect, so setting it on the pool's options before the first query covers every connection. The
 * socket is handed over still connecting (writes queue until it is up): a failed connect then ends in 'error' and
 * 'close' like postgres.js's own socket, and the pool recycles the connection (a factory that rejects instead
 * leaves it stuck in "connecting" for good, and after a database restart the pool starved).
 */
export function noDelay(sql: Sql): Sql {
  const o = sql.options as unknown as { host: string[]; port: number[]; path?: string; socket?: unknown };
  o.socket = () => {
    const s = o.path ? net.connect(o.path) : net.connect(o.port[0], o.host[0]);
    s.setNoDelay(true);
    return s;
  };
  return sql;
}

/** `max`: the pipeline's write lanes and COPYs, the rollup and snapshot timers, status persistence, and spare. */
export function resilientSql(url: string, max = 6): { sql: Sql; uninstall(): void } {
  let cur = noDelay(createSql(url, { max, app: 'esms-ingest' }));
  const sql = new Proxy(function () {} as unknown as Sql, {
    apply: (_t, _this, args) => (cur as unknown as (...a: unknown[]) => unknown)(...args),
    get: (_t, p) => {
      const v = (cur as unknown as Record<string | symbol, unknown>)[p];
      return typeof v === 'function' ? v.bind(cur) : v;
    },
  });
  const onUncaught = (e: Error) => {
    if (!isPostgresNullSocketRace(e)) {
      log.fatal({ err: e.message, stack: e.stack }, 'uncaught exception');
      process.exit(1);
    }
    log.warn('postgres.js wrote to a closed socket (server restart race): replacing the connection pool');
    const old = cur;
    cur = noDelay(createSql(url, { max, app: 'esms-ingest' }));
    old.end({ timeout: 0 }).catch(() => {});
  };
  process.on('uncaughtException', onUncaught);
  return { sql, uninstall: () => process.off('uncaughtException', onUncaught) };
}
