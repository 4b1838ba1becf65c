/**
 * COPY … FROM STDIN on a reserved connection inside a transaction, without the traps of postgres.js 3.4.9's COPY
 * stream: once the stream has been ended, a server error (a duplicate key, a bad value) or a lost connection is
 * reported to nobody (the COPY query's promise has already resolved with the stream, and the stream's 'finish'
 * never comes), and an 'error' event without a listener kills the process. So: a permanent 'error' listener, the
 * whole data in one write, end(), then a probe statement on the same connection. PostgreSQL answers the probe
 * only after the COPY: it fails with 25P02 (transaction aborted) when the COPY failed, or with a connection error
 * when the server went away; the caller's transaction then fails like any other statement's would.
 */
import type { TransactionSql } from 'postgres';

/** Thrown when the server refused the COPY's rows (the probe found the transaction aborted). */
export class CopyRefused extends Error {
  readonly code = 'COPY_REFUSED';
  constructor(cause: Error) {
    super(`COPY refused (${cause.message})`);
  }
}

export async function copyIn(tx: TransactionSql, statement: string, data: string | Buffer): Promise<void> {
  const wr = await tx.unsafe(statement).writable();
  let failed: unknown = null;
  wr.on('error', (e) => (failed ??= e));
  // the callback comes once the bytes are on the socket, or with an error once the stream was destroyed
  await new Promise<void>((resolve) => wr.write(data, () => resolve()));
  if (failed) throw failed;
  // with nothing left to write, end() hands CopyDone to the connection synchronously, so it takes queries again
  wr.end();
  try {
    await tx`SELECT 1`;
  } catch (e) {
    // never leave the connection in COPY mode (it would refuse every later query): abort it with CopyFail
    if ((e as { code?: string }).code === 'COPY_IN_PROGRESS') wr.destroy(new Error('COPY abandoned'));
    throw failed ?? ((e as { code?: string }).code === '25P02' ? new CopyRefused(e as Error) : e);
  }
}
