/** GET /api/rollout/inspections[?format=csv|xlsx] (in scope) · POST — the fire brigade records an inspection. */
import { z } from 'zod';
import { calendarDay } from '../../../../lib/domain/params.ts';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { audit } from '../../../../server/auth/audit.ts';
import { can } from '../../../../lib/domain/permissions.ts';
import { AppError } from '../../../../server/http/errors.ts';
import { createInspection, listInspections } from '../../../../server/rollout/inspections.ts';
import { INSPECTION_COLUMNS } from '../../../../server/rollout/columns.ts';
import { exportRows } from '../../../../server/export/index.ts';
import { DEPARTMENTS } from '../../../../lib/domain/vocabulary/index.ts';
import { COUNTY_CODES } from '../../../../lib/domain/counties.ts';

const county = z.coerce.number().int().refine((n) => n in COUNTY_CODES);
const query = z.object({ format: z.enum(['json', 'csv', 'xlsx']).default('json'), department: z.enum(DEPARTMENTS).optional(), county: county.optional() });
const body = z.object({
  inspectedOn: calendarDay.refine((d) => d <= new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), '检查日期不能晚于今天'),
  departmentId: z.enum(DEPARTMENTS),
  county: county.nullable().default(null),
  findings: z.string().trim().min(2, '请填写检查发现').max(4000),
  rectificationRequired: z.boolean().default(false),
});

export const GET = route({ permission: 'report.view', query }, async ({ principal, query, ip }) => {
  const { sql } = services();
  const { format, ...f } = query;
  const rows = await listInspections(sql, principal, f, 10_000);
  if (format === 'json') return { rows };
  if (!can(principal.role, 'report.export')) throw new AppError('FORBIDDEN');
  await audit(sql, { userId: principal.userId, username: principal.username, action: 'rollout.inspections.export', target: format, ip, detail: f });
  return exportRows(format, INSPECTION_COLUMNS, rows, '消防监督检查推广情况记录');
});

export const POST = route({ permission: 'rollout.edit', body }, async ({ principal, body, ip }) => {
  const id = await createInspection(services().sql, principal, body, ip);
  return { ok: true, id };
});
