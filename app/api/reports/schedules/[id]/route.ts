/** PATCH /api/reports/schedules/:id {enabled} · DELETE — the owner's (or admin's) schedule. */
import { z } from 'zod';
import { route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { setScheduleEnabled } from '../../../../../server/reports/schedules.ts';

const idOf = (p: Record<string, string>) => Number(p.id) || 0;

export const PATCH = route({ permission: 'report.export', body: z.object({ enabled: z.boolean() }) }, async ({ principal, body, params, ip }) => {
  await setScheduleEnabled(services().sql, principal, idOf(params), body.enabled, ip);
  return { ok: true };
});

export const DELETE = route({ permission: 'report.export' }, async ({ principal, params, ip }) => {
  await setScheduleEnabled(services().sql, principal, idOf(params), 'delete', ip);
  return { ok: true };
});
