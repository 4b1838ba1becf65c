/** GET /api/rollout/coverage?asOf&metric&county&category[&format=csv|xlsx] — the coverage matrix (JSON or export). */
import { z } from 'zod';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { audit } from '../../../../server/auth/audit.ts';
import { can } from '../../../../lib/domain/permissions.ts';
import { AppError } from '../../../../server/http/errors.ts';
import { coverageFilterSchema } from '../../../../server/rollout/filters.ts';
import { coverageMatrix } from '../../../../server/rollout/coverage.ts';
import { exportRows } from '../../../../server/export/index.ts';
import { COVERAGE_COLUMNS } from '../../../../server/rollout/columns.ts';

const query = coverageFilterSchema.extend({ format: z.enum(['json', 'csv', 'xlsx']).default('json') });

export const GET = route({ permission: 'report.view', query }, async ({ principal, query, ip }) => {
  const { sql } = services();
  const { format, ...f } = query;
  const m = await coverageMatrix(sql, principal, f);
  if (format === 'json') return m;
  if (!can(principal.role, 'report.export')) throw new AppError('FORBIDDEN');
  await audit(sql, { userId: principal.userId, username: principal.username, action: 'rollout.coverage.export', target: format, ip, detail: f });
  return exportRows(format, COVERAGE_COLUMNS, m.cells, '推广覆盖矩阵', { caption: [`截至 ${m.asOf}；应达进度 ${(m.expected * 100).toFixed(1)}%`] });
});
