/**
 * The report scheduler process (supervised by the launcher; life cycle: platform/process.ts):
 *  - every REPORT_SCHEDULER_INTERVAL_S: runs due report schedules (schedules.ts), then the nightly rollup of
 *    site_daily_stats (rollup.ts rollupDueDays: yesterday after Beijing midnight, bounded catch-up);
 *  - delivers report_deliveries (delivery.ts), woken by LISTEN esms_report_delivery and polled for retries;
 *  - publishes live notifications through the portal's /internal namespace as 'reports'.
 */
import { env } from '../../platform/env.ts';
import { createSql } from '../../platform/db.ts';
import { runProcess } from '../../platform/process.ts';
import { connectInternal } from '../../platform/realtime/internal-client.ts';
import { runDueSchedules } from './schedules.ts';
import { rollupDueDays } from './rollup.ts';
import { DELIVERY_CHANNEL } from './delivery-queue.ts';
import { ReportDeliverer } from './delivery.ts';
import { reportMailer } from './mailer.ts';
import { closeBrowser } from './pdf.ts';

await runProcess({
  name: 'reports',
  // a report run in progress (PDF rendering, a mail with attachments) is waited for
  stopTimeoutMs: 20_000,
  async start({ log }) {
    if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (the launcher sets it)');
    const sql = createSql(env.DATABASE_URL, { max: 4, app: 'esms-report-scheduler' });
    // attachments take longer than alerts, but a send must end well within its lease or it could be sent twice
    const timeoutMs = Math.min(Math.max(env.NOTIFY_SEND_TIMEOUT_MS, 30_000), env.NOTIFY_LEASE_S * 800);
    const mailer = env.NOTIFY_SMTP_URL ? reportMailer({ smtpUrl: env.NOTIFY_SMTP_URL, from: env.NOTIFY_MAIL_FROM, timeoutMs }) : null;
    const deliverer = new ReportDeliverer({
      sql,
      mailer,
      notify: (userId, n) => portal.notify(userId, n),
      publicUrl: env.NOTIFY_PUBLIC_URL,
      queue: { leaseS: env.NOTIFY_LEASE_S, maxAttempts: env.NOTIFY_MAX_ATTEMPTS, baseMs: env.NOTIFY_BACKOFF_BASE_MS, maxMs: env.NOTIFY_BACKOFF_MAX_MS },
      log,
    });
    const portal = connectInternal({
      url: env.PORTAL_URL,
      token: env.INTERNAL_TOKEN,
      name: 'reports',
      beat: () => ({ ...deliverer.counters, smtp: !!mailer, at: Date.now() }),
    });
    const rollupOpts = { lookbackDays: env.REPORT_ROLLUP_LOOKBACK_DAYS, graceMs: env.REPORT_ROLLUP_GRACE_MIN * 60_000, maxDays: env.REPORT_ROLLUP_DAYS_PER_TICK };

    let stopped = false;
    let timer: NodeJS.Timeout | null = null;
    let ticking: Promise<void> | null = null;
    const kick = () =>
      void deliverer.kick().catch((e) => {
        deliverer.counters.lastError = (e as Error).message;
        log.error({ err: (e as Error).message }, 'report delivery loop failed');
      });
    const tick = async () => {
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
    };
    const loop = () => {
      ticking = tick().finally(() => {
        ticking = null;
        if (!stopped) timer = setTimeout(loop, env.REPORT_SCHEDULER_INTERVAL_S * 1000);
      });
    };

    const listener = await sql.listen(DELIVERY_CHANNEL, kick);
    const poll = setInterval(kick, Math.max(env.NOTIFY_POLL_MS, 1000));
    log.info({ smtp: !!mailer, intervalS: env.REPORT_SCHEDULER_INTERVAL_S, rollup: rollupOpts }, 'report scheduler running');
    kick();
    loop();

    return [
      { name: 'database', stop: () => sql.end({ timeout: 2 }) },
      { name: 'pdf browser', stop: () => closeBrowser() },
      { name: 'mailer', stop: () => mailer?.close() },
      { name: 'portal link', stop: () => portal.close() },
      { name: 'deliveries in flight', stop: () => deliverer.stop() },
      {
        name: 'delivery wake-ups',
        stop: async () => {
          clearInterval(poll);
          await listener.unlisten().catch(() => undefined);
        },
      },
      {
        name: 'schedule loop',
        stop: async () => {
          stopped = true;
          if (timer) clearTimeout(timer);
          await ticking;
        },
      },
    ];
  },
});
