/**
 * The outbox end to end: trigger on `alarms` → notify worker (real child process) → webhook receiver and SMTP
 * sink on localhost. Failing receivers, give-up and admin retry, graceful restart and crash mid-delivery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import getPort from 'get-port';
import { inject } from 'vitest';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import type { Sql } from '../../../platform/db.ts';
import { retryFailed } from '../../../platform/notify/outbox.ts';
import { notifyStatus } from '../../../server/workflow/status.ts';
import { acknowledgeAlarm } from '../../../server/workflow/alarms/actions.ts';
import { loadPrincipalForUser } from '../../../platform/principal.ts';
import { openAlarm, startNotify, stopNotify, until, userId } from './harness.ts';
import { startSmtpSink, startWebhookReceiver } from './receivers.ts';

const SECRET = 'integration-secret-0123456789';
let sql: Sql;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let worker: ChildProcess;
let site: string;
let env: Record<string, string>;

const rowsOf = (alarmId: number, channel = 'webhook') =>
  sql<{ id: number; state: string; attempts: number; last_error: string | null; idempotency_key: string; user_id: number }[]>`
    SELECT o.id, o.state, o.attempts, o.last_error, o.idempotency_key, o.user_id FROM notification_outbox o
    JOIN notify_events e ON e.id = o.event_id WHERE e.alarm_id = ${alarmId} AND e.kind = 'alarm' AND o.channel = ${channel} ORDER BY o.id`;
const hooksOf = (alarmId: number) => hook.hooks.filter((h) => h.body.alarmId === alarmId);

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  [{ site_id: site }] = await sql<{ site_id: string }[]>`SELECT us.site_id FROM user_sites us JOIN users u ON u.id = us.user_id WHERE u.username = 'qbl'`;
  await sql`UPDATE users SET email = 'qbl@example.test' WHERE username = 'qbl'`;
  hook = await startWebhookReceiver(SECRET);
  smtp = await startSmtpSink(await getPort());
  env = { DATABASE_URL: inject('dbUrl'), NOTIFY_WEBHOOK_URL: hook.url, NOTIFY_WEBHOOK_SECRET: SECRET, NOTIFY_SMTP_URL: smtp.url, NOTIFY_MAX_ATTEMPTS: '4', NOTIFY_ESCALATE_AFTER_S: '600' };
  worker = await startNotify(env);
});

afterAll(async () => {
  await stopNotify(worker);
  await hook.close();
  await smtp.close();
  await sql.end();
});

describe('notification outbox', () => {
  it('an alarm row reaches the responsible people by webhook and e-mail within seconds, signed, once per channel', async () => {
    const a = await openAlarm(sql, { siteId: site, ch: 1, type: 'arc_fault' });
    const got = await until(async () => (hooksOf(a.id).length >= 2 ? hooksOf(a.id) : null));
    const latency = Math.max(...got.map((h) => h.at - a.t));
    console.log(`[latency] alarm insert → webhook received: ${got.map((h) => h.at - a.t).join(', ')} ms`);
    expect(latency).toBeLessThan(3000);
    expect(got.every((h) => h.validSig)).toBe(true);
    expect(got.map((h) => h.body.to.name).sort()).toEqual(['强巴林寺安全管理员（演示）', '技术服务人员（演示）'].sort());
    const mail = await until(async () => smtp.mails.find((m) => m.raw.includes(`esms-`) && m.to === 'qbl@example.test'));
    expect(mail.messageId).toMatch(/^<esms-\d+-\d+-email@esms\.changdu>$/);
    const qbl = await userId(sql, 'qbl');
    const [n] = await sql`SELECT title FROM notifications WHERE user_id = ${qbl} AND alarm_id = ${a.id}`;
    expect(n.title).toContain('新报警');
    // unique (event, user, channel): a second fan-out of the same event adds nothing
    await sql`UPDATE notify_events SET fanned_out_at = NULL WHERE alarm_id = ${a.id}`;
    await sql`SELECT pg_notify('esms_notify', 'x')`;
    await until(async () => (await sql`SELECT 1 FROM notify_events WHERE alarm_id = ${a.id} AND fanned_out_at IS NULL`).length === 0);
    expect((await rowsOf(a.id)).length).toBe(2);
  });

  it('a failing webhook receiver is retried with backoff and gets every message once it recovers', async () => {
    hook.ctl.failWith = 503;
    const a = await openAlarm(sql, { siteId: site, ch: 2, type: 'overload' });
    await until(async () => {
      const r = await rowsOf(a.id);
      return r.length === 2 && r.every((x) => x.attempts >= 2 && x.last_error === 'webhook HTTP 503');
    });
    expect((await notifyStatus(sql)).channels.find((c) => c.channel === 'webhook')!.lastError).toContain('503');
    hook.ctl.failWith = 0;
    await until(async () => (await rowsOf(a.id)).every((x) => x.state === 'sent'));
    expect(hooksOf(a.id)).toHaveLength(2);
  });

  it('gives up after the maximum attempts with the last error recorded; an admin retry delivers', async () => {
    hook.ctl.failWith = 500;
    const a = await openAlarm(sql, { siteId: site, ch: 3, type: 'overload' });
    const failed = await until(async () => {
      const r = await rowsOf(a.id);
      return r.length === 2 && r.every((x) => x.state === 'failed') ? r : null;
    });
    expect(failed.map((x) => [x.attempts, x.last_error])).toEqual([
      [4, 'webhook HTTP 500'],
      [4, 'webhook HTTP 500'],
    ]);
    expect((await notifyStatus(sql)).failed.some((f) => f.id === failed[0].id)).toBe(true);
    hook.ctl.failWith = 0;
    expect(await retryFailed(sql, failed.map((f) => f.id))).toBe(2);
    await until(async () => (await rowsOf(a.id)).every((x) => x.state === 'sent'));
    expect(hooksOf(a.id)).toHaveLength(2);
  });

  it('a graceful restart in the middle loses nothing and sends nothing twice', async () => {
    hook.ctl.delayMs = 1200;
    const before = hook.ctl.requests;
    const alarms = [];
    for (const ch of [4, 5, 6]) alarms.push(await openAlarm(sql, { siteId: site, ch, type: 'residual_current' }));
    await until(async () => hook.ctl.requests > before); // deliveries in flight
    await stopNotify(worker, 'SIGTERM');
    hook.ctl.delayMs = 0;
    worker = await startNotify(env);
    for (const a of alarms) await until(async () => (await rowsOf(a.id)).every((x) => x.state === 'sent') && (await rowsOf(a.id)).length === 2);
    for (const a of alarms) {
      const keys = hooksOf(a.id).map((h) => h.key);
      expect(keys).toHaveLength(2);
      expect(new Set(keys).size).toBe(2);
    }
  });

  it('a crash (SIGKILL) mid-delivery: leases expire, everything is delivered, repeats carry the same idempotency key', async () => {
    hook.ctl.delayMs = 1500;
    const before = hook.ctl.requests;
    const alarms = [];
    for (const ch of [7, 8]) alarms.push(await openAlarm(sql, { siteId: site, ch, type: 'residual_current' }));
    await until(async () => hook.ctl.requests > before);
    await stopNotify(worker, 'SIGKILL');
    hook.ctl.delayMs = 0;
    worker = await startNotify(env);
    for (const a of alarms) await until(async () => (await rowsOf(a.id)).every((x) => x.state === 'sent') && (await rowsOf(a.id)).length === 2, 30_000);
    for (const a of alarms) {
      const rows = await rowsOf(a.id);
      const keys = hooksOf(a.id).map((h) => h.key);
      expect(new Set(keys)).toEqual(new Set(rows.map((r) => r.idempotency_key))); // nothing lost, nothing foreign
      console.log(`[crash] alarm ${a.id}: ${keys.length} webhook requests for ${rows.length} deliveries (repeats dedupable by key)`);
    }
  });

  it('unacknowledged alarms escalate county → regulator → fire; an acknowledged one does not', async () => {
    await stopNotify(worker);
    worker = await startNotify({ ...env, NOTIFY_ESCALATE_AFTER_S: '1' });
    const a = await openAlarm(sql, { siteId: site, ch: 9, type: 'abnormal_heating', severity: 'critical' });
    const b = await openAlarm(sql, { siteId: site, ch: 10, type: 'abnormal_heating', severity: 'critical' });
    const qbl = await loadPrincipalForUser(sql, await userId(sql, 'qbl'));
    await acknowledgeAlarm(sql, qbl!, b.id, '127.0.0.1', '已到场');
    const esc = await until(async () => {
      const hs = hooksOf(a.id).filter((h) => h.body.kind === 'escalation');
      return new Set(hs.map((h) => h.body.change)).size === 3 ? hs : null;
    }, 60_000); // three 1-second levels and the sweep; a loaded CI machine restarts the worker slowly
    const names = new Set(esc.map((h) => h.body.to.name));
    expect(names.has('卡若区安委办（演示）')).toBe(true);
    expect(names.has('市民族宗教事务局（演示）')).toBe(true);
    expect(names.has('市消防救援支队（演示）')).toBe(true);
    expect(hooksOf(b.id).filter((h) => h.body.kind === 'escalation')).toHaveLength(0);
    await stopNotify(worker);
    worker = await startNotify(env);
  });
});
