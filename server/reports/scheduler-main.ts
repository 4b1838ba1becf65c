/**
 * The report scheduler process (supervised by the launcher: {type:'ready'} over IPC, stops on SIGTERM/SIGINT):
 *  - every REPORT_SCHEDULER_INTERVAL_S: runs due report schedules (schedules.ts), then the nightly rollup of
 *    site_daily_stats (rollup.ts rollupDueDays: yesterday after Beijing midnight, bounded catch-up);
 *  - delivers report_deliveries (delivery.ts), woken by LISTEN esms_report_delivery and polled for retries;
 *  - publishes live notifications through the portal's /internal namespace as 'reports'.
 */
import { env } from '../../platform/env.ts';
import { logger } from '../../platform/log.ts';
import { createSql } from '../../platform/db.ts';
import { connectPublisher } from '../../platform/realtime/internal-client.ts';
import { reportConfig } from './config.ts';
import { runDueSchedules } from './schedules.ts';
import { rollupDueDays } from './rollup.ts';
import { DELIVERY_CHANNEL } from './delivery-queue.ts';
import { ReportDeliverer } from './delivery.ts';
import { reportMailer } from './mailer.ts';
import { closeBrowser } from './pdf.ts';

const log = logger('reports');
const cfg = reportConfig();
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (the launcher sets it)');
const sql = createSql(env.DATABASE_URL, { max: 4, app: 'esms-report-scheduler' });
const publisher = connectPublisher(env.PORTAL_URL, env.INTERNAL_TOKEN, 'reports');
// attachments take longer than alerts, but a send must end well within its lease or it could be sent twice
const timeoutMs = Math.min(Math.max(env.NOTIFY_SEND_TIMEOUT_MS, 30_000), env.NOTIFY_LEASE_S * 800);
const mailer = env.NOTIFY_SMTP_URL ? reportMailer({ smtpUrl: env.NOTIFY_SMTP_URL, from: env.NOTIFY_MAIL_FROM, timeoutMs }) : null;
const deliverer = new ReportDeliverer({
  sql,
  mailer,
  notify: publisher.notify,
  publicUrl: env.NOTIFY_PUBLIC_URL,
  queue: { leaseS: env.NOTIFY_LEASE_S, maxAttempts: env.NOTIFY_MAX_ATTEMPTS, baseMs: env.NOTIFY_BACKOFF_BASE_MS, maxMs: env.NOTIFY_BACKOFF_MAX_MS },
  log,
});
const rollupOpts = { lookbackDays: cfg.REPORT_ROLLUP_LOOKBACK_DAYS, graceMs: cfg.REPORT_ROLLUP_GRACE_MIN * 60_000, maxDays: cfg.REPORT_ROLLUP_DAYS_PER_TICK };

let stopping = false;
let timer: NodeJS.Timeout | null = null;
let ticking: Promise<void> | null = null;
const kick = () =>
  void deliverer.kick().catch((e) => {
    deliverer.counters.lastError = (e as Error).message;
    log.error({ err: (e as Error).message }, 'report delivery loop failed');
  });

async function tick() {
  try {
    const r = await runDueSchedules(sql);
    if (r.ran || r.failed) log.info(r, 'report schedules');
    if (r.ran) kick();
  } catch (e) {
    log.error({ err: (e as Error).message }, 'report schedules failed');
  }
  try {
    // several passes while catching up; each pass is bounded (REPORT_ROLLUP_DAYS_PER_TICK)
    const days = await rollupDueDays(sql, rollupOpts);
    if (days.length) log.info({ days }, 'site_daily_stats rolled up');
  } catch (e) {
    log.error({ err: (e as Error).message }, 'daily rollup failed');
  }
}
function loop() {
  ticking = tick().finally(() => {
    ticking = null;
    if (!stopping) timer = setTimeout(loop, cfg.REPORT_SCHEDULER_INTERVAL_S * 1000);
  });
}

const listener = await sql.listen(DELIVERY_CHANNEL, kick);
const poll = setInterval(kick, Math.max(env.NOTIFY_POLL_MS, 1000));
const beat = setInterval(() => publisher.beat({ ...deliverer.counters, smtp: !!mailer, at: Date.now() }), 5000);

async function stop() {
  if (stopping) return;
  stopping = true;
  const hard = setTimeout(() => process.exit(1), 20_000);
  if (timer) clearTimeout(timer);
  clearInterval(poll);
  clearInterval(beat);
  await listener.unlisten().catch(() => undefined);
  await ticking;
  await deliverer.stop();
  mailer?.close();
  publisher.close();
  await closeBrowser();
  await sql.end({ timeout: 2 });
  clearTimeout(hard);
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.send?.({ type: 'ready' });
log.info({ smtp: !!mailer, intervalS: cfg.REPORT_SCHEDULER_INTERVAL_S, rollup: rollupOpts }, 'report scheduler running');
kick();
loop();
