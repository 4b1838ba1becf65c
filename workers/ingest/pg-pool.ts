/**
 * The worker's database pool, replaceable in place. postgres.js 3.4.9 has a race when the server restarts: a
 * query written in the instant after its socket closed throws "Cannot read properties of null (reading 'write')"
 * from a setImmediate inside connection.js, uncaught, which would kill the process (and leave that connection's
 * half-written buffer to corrupt its next use). We recognise exactly that error, drop the whole pool and carry on
 * with a fresh one; queries in flight on the old pool fail and the pipeline retries them (writes are idempotent).
 * Everything holds the proxy, so nobody keeps a reference to a discarded pool.
 */
import { createSql, type Sql } from '../../db/client.ts';
import { logger } from '../../server/log.ts';

const log = logger('ingest.db');

export function isPostgresNullSocketRace(e: unknown): boolean {
  return e instanceof TypeError && /reading 'write'/.test(e.message) && /postgres[\\/]src[\\/]connection\.js/.test(e.stack ?? '');
}

export function resilientSql(url: string, max = 4): { sql: Sql; uninstall(): void } {
  let cur = createSql(url, { max, app: 'esms-ingest' });
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
    cur = createSql(url, { max, app: 'esms-ingest' });
    old.end({ timeout: 0 }).catch(() => {});
  };
  process.on('uncaughtException', onUncaught);
  return { sql, uninstall: () => process.off('uncaughtException', onUncaught) };
}
