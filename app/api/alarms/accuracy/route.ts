/** GET /api/alarms/accuracy?by=site|device|type&from&to — alarms vs confirmed false alarms (报警精确性). */
import { z } from 'zod';
import { calendarDay } from '../../../../lib/domain/params.ts';
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { alarmAccuracy } from '../../../../server/workflow/alarms/accuracy.ts';
import { bjInstant } from '../../../../lib/domain/workflow/alarm-filters.ts';

const day = calendarDay;
const query = z.object({ by: z.enum(['site', 'device', 'type']).default('site'), from: day.optional(), to: day.optional() });

export const GET = route({ permission: 'report.view', query }, async ({ principal, query }) => {
  const to = query.to ? bjInstant(query.to, true) : new Date();
  const from = query.from ? bjInstant(query.from) : new Date(to.getTime() - 30 * 86_400_000);
  return { by: query.by, from, to, rows: await alarmAccuracy(services().sql, principal, query.by, from, to) };
});
