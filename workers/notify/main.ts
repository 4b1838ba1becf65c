/**
 * Entry of the notify worker process (started by server/launcher): outbox fan-out and delivery, escalation,
 * overdue hazards and digests. Sends {type:'ready'} over IPC when running; SIGTERM stops it in order.
 */
import { env } from '../../platform/env.ts';
import { logger } from '../../platform/log.ts';
import { createSql } from '../../platform/db.ts';
import { startNotifyWorker } from './worker.ts';

const log = logger('notify');

async function main() {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (the launcher sets it)');
  const sql = createSql(env.DATABASE_URL, { max: 6, app: 'esms-notify' });
  const w = await startNotifyWorker(sql, env, log);
  process.send?.({ type: 'ready' });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log.info('notify stopping');
    const hard = setTimeout(() => process.exit(1), 15_000);
    await w.stop();
    await sql.end({ timeout: 2 });
    clearTimeout(hard);
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  log.fatal({ err: e }, 'notify worker failed to start');
  process.exit(1);
});
