/**
 * GET /api/reports/render?kind&year&month|quarter|phase&county&category&format=html|pdf|xlsx|csv — a report for
 * the caller's scope (narrowed by the filters), previewed as HTML or downloaded. Not archived (see ../archive).
 */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { audit } from '../../../../server/auth/audit.ts';
import { can } from '../../../../lib/domain/permissions.ts';
import { AppError } from '../../../../server/http/errors.ts';
import { renderQuerySchema, normaliseRequest } from '../../../../server/reports/schemas.ts';
import { buildReport } from '../../../../server/reports/data.ts';
import { reportHtml } from '../../../../server/reports/html.ts';
import { renderReport } from '../../../../server/reports/files.ts';
import { fileResponse } from '../../../../server/export/index.ts';

export const GET = route({ permission: 'report.view', query: renderQuerySchema }, async ({ principal, query, ip }) => {
  const { sql } = services();
  const { format, ...r } = query;
  const req = normaliseRequest(r);
  const m = await buildReport(sql, principal, req);
  if (format === 'html')
    return new Response(reportHtml(m), { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:" } });
  if (!can(principal.role, 'report.export')) throw new AppError('FORBIDDEN');
  await audit(sql, { userId: principal.userId, username: principal.username, action: 'report.export', target: format, ip, detail: req });
  const f = await renderReport(m, format);
  return fileResponse(new Uint8Array(f.data), f.mime, f.filename);
});
