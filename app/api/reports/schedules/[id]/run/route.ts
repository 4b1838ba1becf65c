/** POST /api/reports/schedules/:id/run — run a schedule now for its last complete period (owner or admin). */
import { route } from '../../../../../../server/http/route.ts';
import { services } from '../../../../../../server/services.ts';
import { AppError } from '../../../../../../server/http/errors.ts';
import { audit } from '../../../../../../server/auth/audit.ts';
import { runSchedule } from '../../../../../../server/reports/schedules.ts';

export const POST = route({ permission: 'report.export' }, async ({ principal, params, ip }) => {
  const { sql } = services();
  const id = Number(params.id) || 0;
  const [s] = await sql<{ owner_id: number }[]>`SELECT owner_id FROM report_schedules WHERE id = ${id}`;
  if (!s || (s.owner_id !== principal.userId && principal.role !== 'admin')) throw new AppError('NOT_FOUND');
  const archiveId = await runSchedule(sql, id);
  await audit(sql, { userId: principal.userId, username: principal.username, action: 'report.schedule.run', target: String(id), ip, detail: { archiveId } });
  return { ok: true, archiveId };
});
