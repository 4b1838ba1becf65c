/**
 * Entry of the notify worker process (started by server/launcher): outbox fan-out and delivery, escalation,
 * overdue hazards and digests. Life cycle (ready, ordered stop, deadline): platform/process.ts.
 */
import { env } from '../../platform/env.ts';
import { createSql } from '../../platform/db.ts';
import { runProcess } from '../../platform/process.ts';
import { startNotifyWorker } from './worker.ts';

await runProcess({
  name: 'notify',
  // in-flight deliveries finish within their send timeout; the worker's stop() waits for them
  stopTimeoutMs: 15_000,
  async start({ log }) {
    if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (the launcher sets it)');
    const sql = createSql(env.DATABASE_URL, { max: 6, app: 'esms-notify' });
    const worker = await startNotifyWorker(sql, env, log);
    return [
      { name: 'database', stop: () => sql.end({ timeout: 2 }) },
      // timers, then in-flight deliveries, then channels and the portal link (worker.ts)
      { name: 'notify worker', stop: () => worker.stop() },
    ];
  },
});
