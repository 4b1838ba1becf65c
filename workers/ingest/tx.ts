/**
 * A transaction on a reserved connection, without postgres.js's sql.begin(): when the server goes away
 * mid-transaction, begin() still sends ROLLBACK on the dead connection, and postgres.js 3.4.9 then writes to a
 * null socket from a setImmediate and crashes the process (found by the PostgreSQL-restart test). Here ROLLBACK
 * is sent only while the connection is alive. A COMMIT whose reply is lost is retried by the caller; the writes
 * are idempotent and the counters move only for rows that were new, so that is safe.
 */
import type { TransactionSql } from 'postgres';
import type { Sql } from '../../platform/db.ts';

const CONNECTION_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (CONNECTION_CODES.has(code) || /^(08|57)/.test(code));
}

export async function inTransaction<T>(sql: Sql, fn: (tx: TransactionSql) => Promise<T>): Promise<T> {
  const c = await sql.reserve();
  try {
    await c`BEGIN`;
    const out = await fn(c as unknown as TransactionSql);
    await c`COMMIT`;
    return out;
  } catch (e) {
    if (!isConnectionError(e)) await c`ROLLBACK`.catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}
