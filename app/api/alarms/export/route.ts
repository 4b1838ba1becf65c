/** GET /api/alarms/export?format=csv|xlsx&<filters> — the current list, all pages (≤ 100 000 rows). Audited. */
import { z } from 'zod';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { audit } from '../../../../server/auth/audit.ts';
import { alarmFilterSchema } from '../../../../lib/domain/workflow/alarm-filters.ts';
import { alarmsCsvStream, alarmsXlsx } from '../../../../server/workflow/alarms/export.ts';

const query = alarmFilterSchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const GET = route({ permission: 'report.export', query }, async ({ principal, query, ip }) => {
  const { sql } = services();
  const { format, cursor: _c, ...filters } = query;
  await audit(sql, { userId: principal.userId, username: principal.username, action: 'alarm.export', target: format, ip, detail: filters });
  const stamp = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
  const name = `alarms-${stamp}.${format}`;
  const disposition = `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(`报警记录-${stamp}.${format}`)}`;
  if (format === 'xlsx') {
    const buf = await alarmsXlsx(sql, principal, filters);
    return new Response(new Uint8Array(buf), {
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': disposition, 'cache-control': 'no-store' },
    });
  }
  return new Response(alarmsCsvStream(sql, principal, filters), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition, 'cache-control': 'no-store' },
  });
});
