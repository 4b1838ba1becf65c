/**
 * Scheduled delivery: report_schedules → at next_run_at the owner's report for the last complete period is
 * issued (archived) and a 'pending' report_deliveries row written per recipient and channel, which the
 * scheduler process delivers (delivery.ts). Recipients whose scope does not cover the report's region get a
 * 'skipped' row instead (never the file). Run by runDueSchedules (server/reports/scheduler-main.ts).
 */
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import { loadPrincipalForUser } from '../../platform/principal.ts';
import { audit } from '../auth/audit.ts';
import { AppError } from '../http/errors.ts';
import { scopeCovers, type Region } from '../supervision/region.ts';
import { issueReport } from './archive.ts';
import { deliveryQueue, requeueFailed } from './delivery-queue.ts';
import type { ReportFormat } from './files.ts';
import { nextRunAt, previousPeriodParams } from '../../lib/domain/reports/period.ts';

export interface ScheduleInput {
  kind: 'monthly' | 'quarterly' | 'annual';
  county: number | null;
  category: string | null;
  formats: ReportFormat[];
  recipientIds: number[];
  channels: ('portal' | 'email')[];
  hourBj: number;
}

export interface ScheduleRow extends ScheduleInput {
  id: number;
  ownerId: number;
  ownerName: string;
  enabled: boolean;
  nextRunAt: Date;
  lastRunAt: Date | null;
  lastError: string | null;
  recipients: string[];
  /** the deliveries of the latest run: the owner sees what arrived, what waits and what failed, and why */
  lastDeliveries: { id: number; user: string; channel: string; state: string; detail: string | null; attempts: number }[];
}

/** Recipients must be able to see the whole region; returns the ids that cannot. */
export async function recipientsOutOfScope(sql: Sql, region: Region, ids: number[]): Promise<number[]> {
  const bad: number[] = [];
  for (const id of ids) {
    const q = await loadPrincipalForUser(sql, id);
    if (!q || !scopeCovers(q.scope, region)) bad.push(id);
  }
  return bad;
}

export async function createSchedule(sql: Sql, p: Principal, input: ScheduleInput, ip: string | null): Promise<number> {
  const region: Region = { scope: p.scope, county: input.county, category: input.category };
  const recipients = [...new Set([p.userId, ...input.recipientIds])];
  const bad = await recipientsOutOfScope(sql, region, recipients);
  if (bad.length)
    throw new AppError('VALIDATION', { message: '部分接收人无权查看该范围的报告', messageEn: 'Some recipients may not see this region', details: [{ path: 'recipientIds', message: bad.join(',') }] });
  const next = nextRunAt(input.kind, input.hourBj, new Date());
  const [r] = await sql<{ id: number }[]>`
    INSERT INTO report_schedules (owner_id, kind, county_adcode, category, formats, recipient_ids, channels, hour_bj, next_run_at)
    VALUES (${p.userId}, ${input.kind}, ${input.county}, ${input.category}, ${input.formats}, ${recipients}, ${input.channels}, ${input.hourBj}, ${next})
    RETURNING id`;
  await audit(sql, { userId: p.userId, username: p.username, action: 'report.schedule.create', target: String(r.id), ip, detail: { ...input } });
  return r.id;
}

export async function listSchedules(sql: Sql, p: Principal): Promise<ScheduleRow[]> {
  return sql<ScheduleRow[]>`
    SELECT rs.id, rs.owner_id AS "ownerId", u.display_name AS "ownerName", rs.kind, rs.county_adcode AS county, rs.category, rs.formats,
           rs.recipient_ids AS "recipientIds", rs.channels, rs.hour_bj AS "hourBj", rs.enabled, rs.next_run_at AS "nextRunAt",
           rs.last_run_at AS "lastRunAt", rs.last_error AS "lastError",
           coalesce((SELECT array_agg(x.display_name ORDER BY x.id) FROM users x WHERE x.id = ANY(rs.recipient_ids)), '{}') AS recipients,
           coalesce((SELECT json_agg(json_build_object('id', d.id, 'user', x.display_name, 'channel', d.channel, 'state', d.state,
                                                       'detail', coalesce(d.detail, d.last_error), 'attempts', d.attempts) ORDER BY d.user_id, d.channel)
                     FROM report_deliveries d JOIN users x ON x.id = d.user_id
                     WHERE d.schedule_id = rs.id
                       AND d.archive_id = (SELECT max(archive_id) FROM report_deliveries WHERE schedule_id = rs.id)), '[]') AS "lastDeliveries"
    FROM report_schedules rs JOIN users u ON u.id = rs.owner_id
    WHERE ${p.role === 'admin' ? sql`true` : sql`rs.owner_id = ${p.userId}`}
    ORDER BY rs.id DESC`;
}

/** The owner (or an admin) retries a schedule's failed deliveries; returns how many were put back. */
export async function retryScheduleDeliveries(sql: Sql, p: Principal, id: number, ip: string | null): Promise<number> {
  const [s] = await sql<{ owner_id: number }[]>`SELECT owner_id FROM report_schedules WHERE id = ${id}`;
  if (!s || (s.owner_id !== p.userId && p.role !== 'admin')) throw new AppError('NOT_FOUND');
  const n = await requeueFailed(sql, id);
  await audit(sql, { userId: p.userId, username: p.username, action: 'report.schedule.retry', target: String(id), ip, detail: { requeued: n } });
  return n;
}

export async function setScheduleEnabled(sql: Sql, p: Principal, id: number, enabled: boolean | 'delete', ip: string | null) {
  const [s] = await sql<{ owner_id: number }[]>`SELECT owner_id FROM report_schedules WHERE id = ${id}`;
  if (!s || (s.owner_id !== p.userId && p.role !== 'admin')) throw new AppError('NOT_FOUND');
  if (enabled === 'delete') await sql`DELETE FROM report_schedules WHERE id = ${id}`;
  else await sql`UPDATE report_schedules SET enabled = ${enabled} WHERE id = ${id}`;
  await audit(sql, { userId: p.userId, username: p.username, action: 'report.schedule.' + (enabled === 'delete' ? 'delete' : enabled ? 'enable' : 'disable'), target: String(id), ip });
}

/** Runs one schedule now (due or on demand) for its last complete period; returns the archive id. */
export async function runSchedule(sql: Sql, id: number, now = new Date()): Promise<number> {
  const [s] = await sql<{ owner_id: number; kind: ScheduleInput['kind']; county_adcode: number | null; category: string | null; formats: ReportFormat[]; recipient_ids: number[]; channels: ('portal' | 'email')[]; hour_bj: number }[]>`
    SELECT owner_id, kind, county_adcode, category, formats, recipient_ids, channels, hour_bj FROM report_schedules WHERE id = ${id}`;
  if (!s) throw new AppError('NOT_FOUND');
  const owner = await loadPrincipalForUser(sql, s.owner_id);
  if (!owner) throw new Error(`schedule ${id}: owner ${s.owner_id} is disabled or gone`);
  const req = { ...previousPeriodParams(s.kind, now), county: s.county_adcode, category: s.category };
  const issued = await issueReport(sql, owner, req, s.formats, { scheduleId: id });
  const region: Region = { scope: owner.scope, county: s.county_adcode, category: s.category };
  const bad = new Set(await recipientsOutOfScope(sql, region, s.recipient_ids));
  for (const uid of s.recipient_ids)
    for (const ch of s.channels) {
      const skipped = bad.has(uid);
      await sql`
        INSERT INTO report_deliveries (schedule_id, archive_id, user_id, channel, state, detail)
        VALUES (${id}, ${issued.id}, ${uid}, ${ch}, ${skipped ? 'skipped' : 'pending'}, ${skipped ? '接收人范围不含该报告区域 / recipient may not see this region' : null})
        ON CONFLICT DO NOTHING`;
    }
  await deliveryQueue.wake(sql, String(issued.id));
  await sql`UPDATE report_schedules SET last_run_at = ${now}, last_error = NULL, next_run_at = ${nextRunAt(s.kind, s.hour_bj, now)} WHERE id = ${id}`;
  return issued.id;
}

/** Claims and runs every due schedule, one at a time (SKIP LOCKED: several schedulers never run one twice). */
export async function runDueSchedules(sql: Sql, now = new Date()): Promise<{ ran: number; failed: number }> {
  let ran = 0;
  let failed = 0;
  for (;;) {
    const [due] = await sql<{ id: number; kind: ScheduleInput['kind']; hour_bj: number }[]>`
      UPDATE report_schedules SET next_run_at = ${new Date(now.getTime() + 15 * 60_000)}
      WHERE id = (SELECT id FROM report_schedules WHERE enabled AND next_run_at <= ${now} ORDER BY next_run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, hour_bj`;
    if (!due) break;
    try {
      await runSchedule(sql, due.id, now);
      ran++;
    } catch (e) {
      failed++;
      await sql`UPDATE report_schedules SET last_error = ${e instanceof Error ? e.message : String(e)} WHERE id = ${due.id}`;
    }
    if (ran + failed >= 20) break;
  }
  return { ran, failed };
}

export async function myDeliveries(sql: Sql, p: Principal, limit = 30) {
  return sql<{ id: number; archiveId: number; title: string; channel: string; state: string; detail: string | null; createdAt: Date; readAt: Date | null; formats: string[] }[]>`
    SELECT d.id, d.archive_id AS "archiveId", a.title, d.channel, d.state, d.detail, d.created_at AS "createdAt", d.read_at AS "readAt",
           coalesce((SELECT array_agg(format ORDER BY format) FROM report_files rf WHERE rf.archive_id = a.id), '{}') AS formats
    FROM report_deliveries d JOIN report_archive a ON a.id = d.archive_id
    WHERE d.user_id = ${p.userId} AND d.channel = 'portal' AND d.state IN ('pending', 'sending', 'delivered')
    ORDER BY d.id DESC LIMIT ${limit}`;
}
