/**
 * Delivery of scheduled reports, run by the report scheduler process. Claims due report_deliveries
 * (delivery-queue.ts) and re-checks each recipient now: a disabled account, or one whose scope no longer
 * covers the report's region, gets 'skipped' with the reason and never the file. Then
 *  - portal: the bell notification is written in the same transaction that marks the row delivered, then a
 *    live 'notification' event goes to the user's room (best effort, like the notify worker's portal channel);
 *  - email: the report's files as attachments through the notifications' SMTP transport (mailer.ts) to users.email (the
 *    address kept in the notification settings); a recipient who switched e-mail off there is skipped.
 * Failures retry with backoff; after the last attempt the row is 'failed' with the error, shown to the owner.
 * An attempt whose lease ran out (the row was claimed again) records nothing.
 */
import type { Sql } from '../../platform/db.ts';
import type { NotificationPayload } from '../../lib/events/realtime.ts';
import { loadPrincipalForUser } from '../../platform/principal.ts';
import { scopeCovers, type Region } from '../supervision/region.ts';
import { absoluteUrl, DeliveryError } from '../../platform/notify/channels/types.ts';
import { claimDeliveries, markAttemptFailed, markDelivered, markSkipped, releaseDeliveries, type ClaimedDelivery, type QueueOpts } from './delivery-queue.ts';
import type { ReportMailer } from './mailer.ts';
import { reportMail } from '../../lib/domain/reports/mail.ts';

export interface DelivererDeps {
  sql: Sql;
  /** null: NOTIFY_SMTP_URL is not set, e-mail deliveries fail with that reason */
  mailer: ReportMailer | null;
  notify: (userId: number, n: NotificationPayload) => void;
  publicUrl?: string;
  queue: QueueOpts;
  batch?: number;
  log?: { warn: (o: object, m: string) => void };
}

interface ArchiveFacts {
  title: string;
  region: Region;
  regionLabel: string;
  reportNo: string;
  issuedByName: string;
  issuedAt: Date;
  formats: string[];
}

const INBOX_URL = '/reports#deliveries';
/** The row's lease ran out and another claim owns it now: this attempt records nothing. */
class LostClaim extends Error {}

export class ReportDeliverer {
  readonly counters = { delivered: 0, retried: 0, failed: 0, skipped: 0, lastError: null as string | null };
  private inflight: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(private readonly d: DelivererDeps) {}

  /** Deliver until nothing is due; concurrent kicks coalesce into one more round. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.inflight) {
      this.again = true;
      return this.inflight;
    }
    const batch = this.d.batch ?? 10;
    this.inflight = (async () => {
      try {
        do {
          this.again = false;
          for (;;) {
            const rows = await claimDeliveries(this.d.sql, batch, this.d.queue);
            // stop() came while the claim was under way: hand the rows back rather than start them
            if (this.stopped) {
              await releaseDeliveries(this.d.sql, rows);
              break;
            }
            // concurrently: every claimed row's lease runs from the claim
            await Promise.all(rows.map((r) => this.deliver(r)));
            if (rows.length < batch || this.stopped) break;
          }
        } while (this.again && !this.stopped);
      } finally {
        this.inflight = null;
      }
    })();
    return this.inflight;
  }

  async stop() {
    this.stopped = true;
    await this.inflight?.catch(() => undefined);
  }

  private async deliver(r: ClaimedDelivery) {
    const { sql } = this.d;
    try {
      const a = await archiveFacts(sql, r.archiveId);
      const p = await loadPrincipalForUser(sql, r.userId);
      if (!p) return this.skip(r, '接收人账号已停用 / recipient account disabled');
      if (!scopeCovers(p.scope, a.region)) return this.skip(r, '接收人范围不含该报告区域 / recipient may not see this region');
      if (r.channel === 'portal') await this.portal(r, a);
      else if (!(await this.email(r, a))) return;
      this.counters.delivered++;
    } catch (e) {
      if (e instanceof LostClaim) return;
      const err = e instanceof DeliveryError ? e : new DeliveryError(String((e as Error)?.message ?? e));
      const outcome = await markAttemptFailed(sql, r, err.message, { ...this.d.queue, permanent: err.permanent });
      if (outcome !== 'lost') this.counters[outcome === 'failed' ? 'failed' : 'retried']++;
      this.counters.lastError = err.message;
      this.d.log?.warn({ id: r.id, channel: r.channel, attempt: r.attempts, outcome, err: err.message }, 'report delivery failed');
    }
  }

  private async skip(r: ClaimedDelivery, reason: string) {
    if (await markSkipped(this.d.sql, r, reason)) this.counters.skipped++;
  }

  private async portal(r: ClaimedDelivery, a: ArchiveFacts) {
    const title = `报告已送达：${a.title}`;
    const body = `${a.regionLabel} · ${a.reportNo} · ${a.formats.map((f) => f.toUpperCase()).join('/')}`;
    const n = await this.d.sql.begin(async (t) => {
      const tx = t as unknown as Sql;
      const [ins] = await tx<{ id: number; created_at: Date }[]>`
        INSERT INTO notifications (user_id, kind, severity, title, body, url)
        VALUES (${r.userId}, 'digest', 'warning', ${title}, ${body}, ${INBOX_URL}) RETURNING id, created_at`;
      // another claim took the row (lease ran out): roll the notification back with it
      if (!(await markDelivered(tx, r, ins.id))) throw new LostClaim();
      return ins;
    });
    // NotificationPayload knows alarm/escalation/hazard/digest; a delivered report shows like a digest (calm, no sound)
    this.d.notify(r.userId, {
      id: n.id, kind: 'digest', change: 'report', severity: 'warning', title, body, url: INBOX_URL,
      alarmId: null, hazardId: null, siteId: null, siteName: null, createdAt: n.created_at.getTime(), eventAt: r.createdAt.getTime(),
    });
  }

  /** false: skipped (recipient switched e-mail off) */
  private async email(r: ClaimedDelivery, a: ArchiveFacts): Promise<boolean> {
    const { sql, mailer } = this.d;
    const [u] = await sql<{ email: string | null; channels: string[] | null }[]>`
      SELECT u.email, np.channels FROM users u LEFT JOIN notification_prefs np ON np.user_id = u.id WHERE u.id = ${r.userId}`;
    if (u.channels && !u.channels.includes('email')) {
      await this.skip(r, '接收人已在通知设置中关闭邮件 / recipient turned e-mail off');
      return false;
    }
    if (!u.email) throw new DeliveryError('接收人未填写邮箱 / recipient has no e-mail address', true);
    if (!mailer) throw new DeliveryError('邮件通道未配置（NOTIFY_SMTP_URL）/ e-mail channel is not configured', true);
    const files = await sql<{ filename: string; mime: string; data: Buffer }[]>`
      SELECT filename, mime, data FROM report_files WHERE archive_id = ${r.archiveId} ORDER BY format`;
    const link = this.d.publicUrl ? absoluteUrl(this.d.publicUrl, INBOX_URL) : null;
    await mailer.send({ to: u.email, ...reportMail({ deliveryId: r.id, ...a, files, link }) });
    if (!(await markDelivered(sql, r))) this.d.log?.warn({ id: r.id }, 'report e-mail sent after its lease ran out');
    return true;
  }
}

async function archiveFacts(sql: Sql, id: number): Promise<ArchiveFacts> {
  const [a] = await sql<(Omit<ArchiveFacts, 'reportNo'> & { params: { reportNo?: string } })[]>`
    SELECT a.title, a.region, a.region_label AS "regionLabel", a.params, a.issued_by_name AS "issuedByName", a.issued_at AS "issuedAt",
           coalesce((SELECT array_agg(format ORDER BY format) FROM report_files rf WHERE rf.archive_id = a.id), '{}') AS formats
    FROM report_archive a WHERE a.id = ${id}`;
  if (!a) throw new DeliveryError(`archive ${id} is gone`, true);
  return { ...a, reportNo: a.params.reportNo ?? `#${id}` };
}
