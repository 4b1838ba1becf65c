/** GET /api/records?date=YYYY-MM-DD[&site=ID] — sites with activity that day, or one site's daily log. */
import { z } from 'zod';
import { calendarDay } from '../../../lib/domain/params.ts';
import { route } from '../../../server/http/route.ts';
import { services } from '../../../server/services.ts';
import { activeSites, dailyLog } from '../../../server/workflow/records.ts';

const query = z.object({ date: calendarDay, site: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional() });
export const GET = route({ permission: 'report.view', query }, async ({ principal, query }) => {
  const { sql } = services();
  return query.site ? dailyLog(sql, principal, query.site, query.date) : { date: query.date, sites: await activeSites(sql, principal, query.date) };
});
