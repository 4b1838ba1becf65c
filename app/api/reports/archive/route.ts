/** POST /api/reports/archive — issue (generate, number and archive) a report · GET ?format=csv|xlsx — the archive list. */
import { z } from 'zod';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { audit } from '../../../../server/auth/audit.ts';
import { issueBodySchema, normaliseRequest } from '../../../../server/reports/schemas.ts';
import { issueReport, listArchive, type ArchiveRow } from '../../../../server/reports/archive.ts';
import { exportRows, type ExportColumn } from '../../../../server/export/index.ts';
import { KIND_INFO, type ReportKind } from '../../../../lib/domain/reports/period.ts';

export const POST = route({ permission: 'report.export', body: issueBodySchema, maxBodyBytes: 4096 }, async ({ principal, body, ip }) => {
  const { formats, ...r } = body;
  return issueReport(services().sql, principal, normaliseRequest(r), formats, { ip });
});

const COLUMNS: ExportColumn<ArchiveRow>[] = [
  { header: '编号 ID', value: (r) => String(r.params.reportNo ?? r.id), width: 20 },
  { header: '类型 Kind', value: (r) => KIND_INFO[r.kind as ReportKind]?.zh ?? r.kind },
  { header: '标题 Title', value: 'title', width: 40 },
  { header: '范围 Region', value: 'regionLabel', width: 30 },
  { header: '签发 Issued by', value: 'issuedByName', width: 18 },
  { header: '签发时间 Issued at', value: 'issuedAt', width: 17 },
  { header: '文件 Files', value: (r) => r.formats.join(' ') },
];
const query = z.object({ format: z.enum(['json', 'csv', 'xlsx']).default('json'), kind: z.enum(['monthly', 'quarterly', 'annual', 'phase']).optional() });

export const GET = route({ permission: 'report.view', query }, async ({ principal, query, ip }) => {
  const { sql } = services();
  const rows = await listArchive(sql, principal, { kind: query.kind }, 2000);
  if (query.format === 'json') return { rows: rows.map(({ region: _r, ...x }) => x) };
  await audit(sql, { userId: principal.userId, username: principal.username, action: 'report.archive.export', target: query.format, ip });
  return exportRows(query.format, COLUMNS, rows, '报告归档清单');
});
