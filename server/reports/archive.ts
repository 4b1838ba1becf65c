/**
 * Issued reports: generated once, stored with their files (bytea), parameters and issuer in report_archive /
 * report_files. Visible to a viewer whose scope covers the report's region (server/supervision/region.ts).
 */
import { createHash } from 'node:crypto';
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import { audit } from '../auth/audit.ts';
import { AppError } from '../http/errors.ts';
import { scopeCovers, type Region } from '../supervision/region.ts';
import { buildReport, type ReportRequest } from './data.ts';
import { renderReport, type ReportFormat } from './files.ts';
import { bjDayOf } from '../../lib/domain/reports/period.ts';

const KIND_CODE: Record<string, string> = { monthly: 'YB', quarterly: 'JB', annual: 'NB', phase: 'JD' };

export interface IssuedReport {
  id: number;
  reportNo: string;
  title: string;
  files: { format: ReportFormat; filename: string; size: number }[];
}

export async function issueReport(sql: Sql, p: Principal, req: ReportRequest, formats: ReportFormat[], opts: { scheduleId?: number | null; ip?: string | null } = {}): Promise<IssuedReport> {
  const [{ id }] = await sql<{ id: number }[]>`SELECT nextval('report_archive_id_seq')::int AS id`;
  const now = new Date();
  const reportNo = `CD-${KIND_CODE[req.kind]}-${bjDayOf(now).replace(/-/g, '')}-${String(id).padStart(4, '0')}`;
  const m = await buildReport(sql, p, req, { reportNo, now });
  const files: Awaited<ReturnType<typeof renderReport>>[] = [];
  for (const f of [...new Set(formats)]) files.push(await renderReport(m, f));
  await sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    const summary = { ...m.totals, coverageShare: m.coverage.total.share, expected: m.coverage.expected };
    await tx`
      INSERT INTO report_archive (id, kind, title, period_start, period_end, region, region_label, params, summary, issued_by, issued_by_name, schedule_id, issued_at)
      VALUES (${id}, ${req.kind}, ${`${m.title}（${m.period.label}）`}, ${m.period.start}, ${m.period.end}, ${tx.json(m.region as never)}, ${m.regionLabel},
              ${tx.json({ ...req, reportNo } as never)}, ${tx.json(summary as never)}, ${p.userId}, ${p.displayName}, ${opts.scheduleId ?? null}, ${now})`;
    for (const f of files)
      await tx`
        INSERT INTO report_files (archive_id, format, mime, filename, size, sha256, data)
        VALUES (${id}, ${f.format}, ${f.mime}, ${f.filename}, ${f.data.length}, ${createHash('sha256').update(f.data).digest('hex')}, ${f.data})`;
    await audit(tx, { userId: p.userId, username: p.username, action: 'report.issue', target: String(id), ip: opts.ip ?? null, detail: { ...req, formats, reportNo, scheduleId: opts.scheduleId ?? null } });
  });
  return { id, reportNo, title: m.title, files: files.map((f) => ({ format: f.format, filename: f.filename, size: f.data.length })) };
}

export interface ArchiveRow {
  id: number;
  kind: string;
  title: string;
  periodStart: Date;
  periodEnd: Date;
  region: Region;
  regionLabel: string;
  params: Record<string, unknown>;
  issuedByName: string;
  issuedAt: Date;
  scheduleId: number | null;
  formats: string[];
}

export async function listArchive(sql: Sql, p: Principal, f: { kind?: string } = {}, limit = 100): Promise<ArchiveRow[]> {
  const rows = await sql<ArchiveRow[]>`
    SELECT a.id, a.kind, a.title, a.period_start AS "periodStart", a.period_end AS "periodEnd", a.region, a.region_label AS "regionLabel",
           a.params, a.issued_by_name AS "issuedByName", a.issued_at AS "issuedAt", a.schedule_id AS "scheduleId",
           coalesce((SELECT array_agg(format ORDER BY format) FROM report_files rf WHERE rf.archive_id = a.id), '{}') AS formats
    FROM report_archive a WHERE ${f.kind ? sql`a.kind = ${f.kind}` : sql`true`}
    ORDER BY a.issued_at DESC, a.id DESC LIMIT 2000`;
  return rows.filter((r) => scopeCovers(p.scope, r.region)).slice(0, limit);
}

export async function archiveFile(sql: Sql, p: Principal, id: number, format: string, ip: string | null) {
  const [a] = await sql<{ region: Region }[]>`SELECT region FROM report_archive WHERE id = ${id}`;
  if (!a || !scopeCovers(p.scope, a.region)) throw new AppError('NOT_FOUND');
  const [f] = await sql<{ mime: string; filename: string; data: Buffer }[]>`
    SELECT mime, filename, data FROM report_files WHERE archive_id = ${id} AND format = ${format}`;
  if (!f) throw new AppError('NOT_FOUND');
  await audit(sql, { userId: p.userId, username: p.username, action: 'report.download', target: `${id}/${format}`, ip });
  await sql`UPDATE report_deliveries SET read_at = now() WHERE archive_id = ${id} AND user_id = ${p.userId} AND read_at IS NULL`;
  return f;
}
