/** GET /api/supervision/export?what=sites|counties|sectors&format=csv|xlsx&<filters> — the dashboard's lists, in scope. */
import { z } from 'zod';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { audit } from '../../../../server/auth/audit.ts';
import { supervisionFilterSchema } from '../../../../server/supervision/filters.ts';
import { countyZh, groupColumns, SITE_SCORE_COLUMNS, supervisionDashboard } from '../../../../server/supervision/dashboard.ts';
import { categoryLabel } from '../../../../lib/domain/vocabulary/index.ts';
import { exportRows } from '../../../../server/export/index.ts';

const query = supervisionFilterSchema.extend({ what: z.enum(['sites', 'counties', 'sectors']).default('sites'), format: z.enum(['csv', 'xlsx']).default('csv') });

export const GET = route({ permission: 'report.export', query }, async ({ principal, query, ip }) => {
  const { sql } = services();
  const { what, format, page: _p, ...f } = query;
  const d = await supervisionDashboard(sql, principal, f);
  await audit(sql, { userId: principal.userId, username: principal.username, action: 'supervision.export', target: `${what}.${format}`, ip, detail: f });
  const caption = [`${d.regionLabel}；${d.window.label}`];
  if (what === 'counties') return exportRows(format, groupColumns('县（区） County', countyZh), d.counties, '各县区监管排名', { caption });
  if (what === 'sectors') return exportRows(format, groupColumns('行业 Sector', categoryLabel), d.sectors, '各行业监管排名', { caption });
  return exportRows(format, SITE_SCORE_COLUMNS, d.all, '单位安全评分', { caption });
});
