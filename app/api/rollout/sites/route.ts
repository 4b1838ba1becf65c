/** GET /api/rollout/sites?<filters>[&format=csv|xlsx] — the rollout site list under its filters (JSON page or all rows). */
import { z } from 'zod';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { audit } from '../../../../server/auth/audit.ts';
import { can } from '../../../../lib/domain/permissions.ts';
import { AppError } from '../../../../server/http/errors.ts';
import { rolloutSiteFilterSchema } from '../../../../server/rollout/filters.ts';
import { listRolloutSites, ROLLOUT_SITE_COLUMNS } from '../../../../server/rollout/sites.ts';
import { exportRows } from '../../../../server/export/index.ts';

const query = rolloutSiteFilterSchema.extend({ format: z.enum(['json', 'csv', 'xlsx']).default('json') });

export const GET = route({ permission: 'site.view', query }, async ({ principal, query, ip }) => {
  const { sql } = services();
  const { format, ...f } = query;
  if (format === 'json') return listRolloutSites(sql, principal, f);
  if (!can(principal.role, 'report.export')) throw new AppError('FORBIDDEN');
  const { rows } = await listRolloutSites(sql, principal, { ...f, page: 1 }, 100_000);
  await audit(sql, { userId: principal.userId, username: principal.username, action: 'rollout.sites.export', target: format, ip, detail: f });
  return exportRows(format, ROLLOUT_SITE_COLUMNS, rows, '推广进度单位清单');
});
