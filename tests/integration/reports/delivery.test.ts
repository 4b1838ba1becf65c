/**
 * Scheduled report delivery (server/reports/delivery.ts) against a real SMTP sink and the real scheduler process:
 * mail with the report files attached, retries then 'failed' with the error, recipients out of scope never get
 * the file, portal deliveries raise a live notification, and the nightly rollup runs from the scheduler.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import getPort from 'get-port';
import type { Sql } from '../../../platform/db.ts';
import type { NotificationPayload } from '../../../lib/events/realtime.ts';
import { testSql, ensureSeeded } from '../helpers/db.ts';
import { loadPrincipalForUser } from '../../../platform/principal.ts';
import { createSchedule, listSchedules, retryScheduleDeliveries, runSchedule, type ScheduleInput } from '../../../server/reports/schedules.ts';
import { ReportDeliverer } from '../../../server/reports/delivery.ts';
import { reportMailer } from '../../../server/reports/mailer.ts';
import { bjDay, addDays } from '../../../lib/domain/reports/rollup-plan.ts';
import { startSmtpSink } from '../workflow/receivers.ts';
import { until } from '../workflow/harness.ts';
import { attachmentsOf, startInternalGateway, startScheduler, stopScheduler } from './receivers.ts';

const TOKEN = 'report-delivery-test-token';
const QUEUE = { leaseS: 30, maxAttempts: 3, baseMs: 100, maxMs: 300 };
let sql: Sql;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  smtp = await startSmtpSink(await getPort());
});
afterAll(async () => {
  await sql`DELETE FROM users WHERE username LIKE 'rpt-%'`;
  await smtp.close();
  await sql.end();
});

/** A Karuo county officer made for this test (e-mail, notification channels). */
async function user(name: string, o: { email?: string | null; channels?: string[] } = {}) {
  const [u] = await sql<{ id: number }[]>`
    INSERT INTO users (username, password_hash, display_name, role, county_adcode, email)
    VALUES (${`rpt-${name}`}, 'x', ${`测试-${name}`}, 'county', 540302, ${o.email === undefined ? `${name}@rpt.test` : o.email})
    ON CONFLICT (username) DO UPDATE SET county_adcode = 540302, email = EXCLUDED.email, disabled = false RETURNING id`;
  if (o.channels) await sql`INSERT INTO notification_prefs (user_id, channels) VALUES (${u.id}, ${o.channels}) ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels`;
  return u.id;
}
const principalOf = async (id: number) => (await loadPrincipalForUser(sql, id))!;
const rowsOf = (scheduleId: number) =>
  sql<{ id: number; user_id: number; channel: string; state: string; detail: string | null; last_error: string | null; attempts: number; notification_id: number | null; archive_id: number }[]>`
    SELECT id, user_id, channel, state, detail, last_error, attempts, notification_id, archive_id FROM report_deliveries WHERE schedule_id = ${scheduleId} ORDER BY user_id, channel`;
const mailsFor = (ids: number[]) => smtp.mails.filter((m) => ids.some((id) => m.messageId === `<esms-report-delivery-${id}@esms.changdu>`));
const base: Omit<ScheduleInput, 'recipientIds'> = { kind: 'monthly', county: null, category: null, formats: ['csv'], channels: ['portal', 'email'], hourBj: 8 };

describe('delivery in process', () => {
  it('recipients out of scope at issue or at delivery never receive the file; each outcome is recorded', async () => {
    const owner = await user('owner');
    const [moved, late, noMail, optOut] = [await user('moved'), await user('late'), await user('nomail', { email: null }), await user('optout', { channels: ['portal', 'push'] })];
    const id = await createSchedule(sql, await principalOf(owner), { ...base, recipientIds: [moved, late, noMail, optOut] }, null);
    await sql`UPDATE users SET county_adcode = 540321 WHERE id = ${moved}`; // out of scope before the run
    const archiveId = await runSchedule(sql, id);
    await sql`UPDATE users SET county_adcode = 540321 WHERE id = ${late}`; // … and after the run, before delivery
    const live: { userId: number; n: NotificationPayload }[] = [];
    const d = new ReportDeliverer({ sql, mailer: reportMailer({ smtpUrl: smtp.url, from: 'ESMS <noreply@rpt.test>', timeoutMs: 10_000 }), notify: (userId, n) => live.push({ userId, n }), queue: QUEUE });
    await d.kick();

    const rows = await rowsOf(id);
    const st = (uid: number, ch: string) => rows.find((r) => r.user_id === uid && r.channel === ch)!;
    expect(rows.every((r) => r.archive_id === archiveId)).toBe(true);
    expect([st(owner, 'email').state, st(owner, 'portal').state]).toEqual(['delivered', 'delivered']);
    for (const u of [moved, late]) for (const ch of ['email', 'portal']) expect(st(u, ch)).toMatchObject({ state: 'skipped', detail: expect.stringContaining('接收人范围不含该报告区域') });
    expect(st(moved, 'email').attempts).toBe(0); // never even tried
    expect(st(noMail, 'email')).toMatchObject({ state: 'failed', attempts: 1, detail: expect.stringContaining('recipient has no e-mail address') });
    expect(st(optOut, 'email')).toMatchObject({ state: 'skipped', detail: expect.stringContaining('关闭邮件') });
    for (const u of [noMail, optOut]) expect(st(u, 'portal').state).toBe('delivered');

    // the file went to the owner only
    const mails = mailsFor(rows.map((r) => r.id));
    expect(mails.map((m) => m.to)).toEqual(['owner@rpt.test']);
    expect(smtp.mails.some((m) => /(moved|late|optout)@rpt\.test/.test(m.to))).toBe(false);
    const [file] = await sql<{ sha256: string }[]>`SELECT sha256 FROM report_files WHERE archive_id = ${archiveId} AND format = 'csv'`;
    expect(attachmentsOf(mails[0].raw).map((a) => a.sha256)).toEqual([file.sha256]);

    // portal deliveries wrote a bell notification and went live to the recipient's room; the out-of-scope did not
    expect(live.map((l) => l.userId).sort()).toEqual([owner, noMail, optOut].sort());
    for (const u of [owner, noMail, optOut]) {
      const [n] = await sql<{ id: number; kind: string; title: string; url: string }[]>`SELECT id, kind, title, url FROM notifications WHERE id = ${st(u, 'portal').notification_id}`;
      expect(n).toMatchObject({ kind: 'digest', url: '/reports#deliveries', title: expect.stringContaining('报告已送达') });
      expect(live.find((l) => l.userId === u)!.n).toMatchObject({ id: n.id, kind: 'digest', change: 'report' });
    }
    expect((await sql`SELECT 1 FROM notifications WHERE user_id IN ${sql([moved, late])} AND title LIKE '报告已送达%'`).length).toBe(0);
  });

  it('without SMTP configured an e-mail delivery fails at once with that reason', async () => {
    const owner = await user('owner');
    const id = await createSchedule(sql, await principalOf(owner), { ...base, channels: ['email'], recipientIds: [] }, null);
    await runSchedule(sql, id);
    await new ReportDeliverer({ sql, mailer: null, notify: () => undefined, queue: QUEUE }).kick();
    expect((await rowsOf(id))[0]).toMatchObject({ state: 'failed', attempts: 1, detail: expect.stringContaining('NOTIFY_SMTP_URL') });
  });
});

describe('the report scheduler process', () => {
  let child: ChildProcess | undefined;
  let gw: Awaited<ReturnType<typeof startInternalGateway>>;
  beforeAll(async () => {
    gw = await startInternalGateway(TOKEN);
    child = await startScheduler({
      DATABASE_URL: inject('dbUrl'), NOTIFY_SMTP_URL: smtp.url, PORTAL_URL: gw.url, INTERNAL_TOKEN: TOKEN,
      REPORT_SCHEDULER_INTERVAL_S: '1', REPORT_ROLLUP_LOOKBACK_DAYS: '2', REPORT_ROLLUP_GRACE_MIN: '0', NOTIFY_MAX_ATTEMPTS: '3', NOTIFY_BACKOFF_BASE_MS: '200', NOTIFY_BACKOFF_MAX_MS: '400', NOTIFY_LEASE_S: '30',
    });
  });
  afterAll(async () => {
    await stopScheduler(child);
    await gw.close();
  });
  const due = (id: number) => sql`UPDATE report_schedules SET next_run_at = now() - interval '1 minute' WHERE id = ${id}`;

  it('a due schedule ends with the mail received carrying the PDF and XLSX, and the deliveries delivered', async () => {
    smtp.ctl.failWith = 0;
    const [owner, peer] = [await user('owner'), await user('peer')];
    const id = await createSchedule(sql, await principalOf(owner), { ...base, formats: ['pdf', 'xlsx'], recipientIds: [peer] }, null);
    await due(id);
    const rows = await until(async () => {
      const r = await rowsOf(id);
      return r.length === 4 && r.every((x) => x.state === 'delivered') && r;
    }, 90_000, 200);
    const files = await sql<{ format: string; mime: string; sha256: string }[]>`SELECT format, mime, sha256 FROM report_files WHERE archive_id = ${rows[0].archive_id} ORDER BY format`;
    expect(files.map((f) => f.format)).toEqual(['pdf', 'xlsx']);
    const mails = mailsFor(rows.map((r) => r.id));
    expect(mails.map((m) => m.to).sort()).toEqual(['owner@rpt.test', 'peer@rpt.test']);
    for (const m of mails) {
      expect(m.raw).toMatch(/^Subject: /m);
      const att = attachmentsOf(m.raw);
      expect(att.map((a) => [a.type, a.sha256])).toEqual(files.map((f) => [f.mime, f.sha256]));
    }
    // the schedule moved on to its next period; the owner sees the run's deliveries
    const [s] = await sql<{ next_run_at: Date; last_run_at: Date | null; last_error: string | null }[]>`SELECT next_run_at, last_run_at, last_error FROM report_schedules WHERE id = ${id}`;
    expect(s.next_run_at.getTime()).toBeGreaterThan(Date.now());
    expect(s.last_run_at).not.toBeNull();
    expect(s.last_error).toBeNull();
    const listed = (await listSchedules(sql, await principalOf(owner))).find((x) => x.id === id)!;
    expect(listed.lastDeliveries.map((x) => x.state)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    // the portal deliveries went live through /internal, as 'reports', to each recipient's room
    await until(async () => gw.published.filter((p) => p.event === 'notification' && p.from === 'reports').length >= 2);
    const rooms = gw.published.filter((p) => (p.payload as { notification: NotificationPayload }).notification.change === 'report').flatMap((p) => p.rooms);
    expect(rooms).toEqual(expect.arrayContaining([`user:${owner}`, `user:${peer}`]));
  });

  it('a failing SMTP server: retried with backoff, then failed with the error shown to the owner; a retry delivers', async () => {
    smtp.ctl.failWith = 451;
    const owner = await user('owner');
    const id = await createSchedule(sql, await principalOf(owner), { ...base, formats: ['xlsx'], channels: ['email'], recipientIds: [] }, null);
    await due(id);
    const [row] = await until(async () => {
      const r = await rowsOf(id);
      return r.length === 1 && r[0].state === 'failed' && r;
    }, 90_000, 200);
    expect(row.attempts).toBe(3);
    expect(row.last_error).toContain('mailbox busy');
    expect(row.detail).toContain('第 3 次尝试后放弃');
    expect(mailsFor([row.id])).toHaveLength(0);
    const listed = (await listSchedules(sql, await principalOf(owner))).find((x) => x.id === id)!;
    expect(listed.lastDeliveries).toEqual([expect.objectContaining({ state: 'failed', channel: 'email', detail: expect.stringContaining('mailbox busy') })]);

    smtp.ctl.failWith = 0;
    expect(await retryScheduleDeliveries(sql, await principalOf(owner), id, null)).toBe(1);
    await until(async () => (await rowsOf(id))[0].state === 'delivered', 30_000, 200);
    expect(mailsFor([row.id])).toHaveLength(1);
    const [a] = await sql`SELECT action, username FROM audit_log WHERE target = ${String(id)} AND action = 'report.schedule.retry'`;
    expect(a).toMatchObject({ username: 'rpt-owner' });
  });

  it('rolls up the previous Beijing day into site_daily_stats, and catches up the day before', async () => {
    const yesterday = addDays(bjDay(new Date()), -1);
    const rows = await until(async () => {
      const r = await sql<{ day: string; final: boolean }[]>`SELECT day::text AS day, final FROM site_daily_rollup_days WHERE day >= ${addDays(yesterday, -1)}::date AND day <= ${yesterday}::date ORDER BY day`;
      return r.length === 2 && r;
    }, 30_000, 200);
    // more than two hours past midnight both days are final; before that yesterday is rolled but not final yet
    const past2 = Date.now() > Date.parse(`${bjDay(new Date())}T02:00:00+08:00`);
    expect(rows.map((r) => r.final)).toEqual([true, past2]);
  });
});
