/**
 * The notify worker, assembled: LISTEN for new events → fan out → deliver; timers for escalations, overdue
 * hazards and digests; a beat for /api/health and the admin status page. stop() is ordered: timers, then
 * in-flight deliveries, then connections.
 */
import type { Sql } from '../../platform/db.ts';
import type { Env } from '../../platform/env.ts';
import { fanOutBatch } from './fanout.ts';
import { scanEscalations, scanOverdue } from './timers.ts';
import { generateDigests } from './digests.ts';
import { latestPeriod } from '../../lib/domain/workflow/period.ts';
import { ensureVapid } from '../../platform/notify/vapid.ts';
import type { Channel } from '../../lib/domain/workflow/plan.ts';
import { Dispatcher } from './dispatcher.ts';
import { OUTBOX_CHANNEL } from '../../platform/notify/outbox.ts';
import { connectInternal } from '../../platform/realtime/internal-client.ts';
import { webhookChannel } from '../../platform/notify/channels/webhook.ts';
import { emailChannel } from '../../platform/notify/channels/email.ts';
import { pushChannel } from '../../platform/notify/channels/push.ts';
import { portalChannel } from '../../platform/notify/channels/portal.ts';
import type { DeliveryChannel } from '../../platform/notify/channels/types.ts';

type Log = { info: (o: object, m: string) => void; warn: (o: object, m: string) => void; error: (o: object, m: string) => void };

export async function startNotifyWorker(sql: Sql, env: Env, log: Log) {
  const publisher = connectInternal({ url: env.PORTAL_URL, token: env.INTERNAL_TOKEN, name: 'notify' });
  const vapid = await ensureVapid(sql);
  const t = env.NOTIFY_SEND_TIMEOUT_MS;
  const channels: Partial<Record<Channel, DeliveryChannel>> = {
    portal: portalChannel(sql, publisher.notify),
    push: pushChannel(sql, { vapid, subject: env.NOTIFY_VAPID_SUBJECT, timeoutMs: t }),
  };
  if (env.NOTIFY_WEBHOOK_URL && env.NOTIFY_WEBHOOK_SECRET)
    channels.webhook = webhookChannel({ url: env.NOTIFY_WEBHOOK_URL, secret: env.NOTIFY_WEBHOOK_SECRET, publicUrl: env.NOTIFY_PUBLIC_URL, timeoutMs: t });
  if (env.NOTIFY_SMTP_URL) channels.email = emailChannel({ smtpUrl: env.NOTIFY_SMTP_URL, from: env.NOTIFY_MAIL_FROM, publicUrl: env.NOTIFY_PUBLIC_URL, timeoutMs: t });
  const available = { portal: true, push: true, webhook: !!channels.webhook, email: !!channels.email } as Record<Channel, boolean>;

  const dispatcher = new Dispatcher(sql, channels, {
    batch: 20,
    leaseS: env.NOTIFY_LEASE_S,
    maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
    baseMs: env.NOTIFY_BACKOFF_BASE_MS,
    maxMs: env.NOTIFY_BACKOFF_MAX_MS,
    log,
  });
  const counters = { events: 0, rows: 0, escalations: 0, overdue: 0, digests: 0, errors: 0 };

  let pumping: Promise<void> | null = null;
  let again = false;
  const pump = (): Promise<void> => {
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = (async () => {
      try {
        do {
          again = false;
          for (;;) {
            const r = await fanOutBatch(sql, available);
            counters.events += r.events;
            counters.rows += r.rows;
            if (r.events === 0) break;
          }
          await dispatcher.kick();
        } while (again);
      } catch (e) {
        counters.errors++;
        log.error({ err: (e as Error).message }, 'notify pump failed');
      } finally {
        pumping = null;
      }
    })();
    return pumping;
  };

  const listeners = [await sql.listen('esms_notify', () => void pump()), await sql.listen(OUTBOX_CHANNEL, () => void pump())];
  const safe = (name: string, f: () => Promise<unknown>) => () =>
    f().catch((e) => {
      counters.errors++;
      log.error({ err: (e as Error).message, timer: name }, 'timer failed');
    });
  const escalate = safe('escalate', async () => {
    counters.escalations += await scanEscalations(sql, env.NOTIFY_ESCALATE_AFTER_S);
    counters.overdue += await scanOverdue(sql);
  });
  const digest = safe('digest', async () => {
    const p = latestPeriod(new Date(), env.NOTIFY_DIGEST_HOUR, env.NOTIFY_DIGEST_EVERY_MIN);
    counters.digests += await generateDigests(sql, p.start, p.end);
  });
  const beat = safe('beat', async () => {
    const info = { ...counters, delivery: dispatcher.counters, channels: available, at: Date.now() };
    publisher.beat(info);
    await sql`INSERT INTO meta (key, value) VALUES ('notify.worker', ${sql.json(info as never)})
              ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  });
  const scanEvery = Math.max(1000, Math.min(15_000, (env.NOTIFY_ESCALATE_AFTER_S * 1000) / 4));
  const timers = [
    setInterval(() => void pump(), env.NOTIFY_POLL_MS),
    setInterval(escalate, scanEvery),
    setInterval(digest, env.NOTIFY_DIGEST_EVERY_MIN > 0 ? Math.min(30_000, env.NOTIFY_DIGEST_EVERY_MIN * 15_000) : 60_000),
    setInterval(beat, 5000),
  ];
  await pump();
  void escalate();
  void digest();
  void beat();
  log.info({ channels: available, escalateAfterS: env.NOTIFY_ESCALATE_AFTER_S }, 'notify worker running');

  return {
    counters,
    dispatcher,
    async stop() {
      timers.forEach(clearInterval);
      await Promise.all(listeners.map((l) => l.unlisten().catch(() => undefined)));
      await pumping;
      await dispatcher.stop();
      for (const c of Object.values(channels)) await c?.close?.();
      publisher.close();
    },
  };
}
