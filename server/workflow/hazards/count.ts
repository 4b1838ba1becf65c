/** Hazard counters for the big screen and digests: open, overdue, closed this month, rectification rate. */
import type { Sql } from '../../../platform/db.ts';
import { siteScopeSql, type Scope } from '../../../platform/scope.ts';
import { OPEN_STATES } from '../../../lib/domain/workflow/hazard-machine.ts';
import { ratio } from '../../../lib/domain/kpi/ratio.ts';

export interface HazardCounts {
  open: number;
  overdue: number;
  closedThisMonth: number;
  total: number;
  /** share of all hazards in scope that are rectified and verified or closed, 0..1 (null: no hazards yet; docs/KPI.md) */
  rectificationRate: number | null;
}

export async function countHazards(sql: Sql, scope: Scope, now = new Date()): Promise<HazardCounts> {
  // the month starts at Beijing midnight on the 1st
  const bj = new Date(now.getTime() + 8 * 3600_000);
  const monthStart = new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), 1) - 8 * 3600_000);
  const [r] = await sql<{ open: number; overdue: number; closed_month: number; total: number; done: number }[]>`
    SELECT count(*) FILTER (WHERE h.state = ANY(${OPEN_STATES as string[]}::text[]))::int AS open,
           count(*) FILTER (WHERE h.state = ANY(${OPEN_STATES as string[]}::text[]) AND h.deadline < ${now})::int AS overdue,
           count(*) FILTER (WHERE h.state = 'closed' AND h.closed_at >= ${monthStart})::int AS closed_month,
           count(*)::int AS total,
           count(*) FILTER (WHERE h.state IN ('verified', 'closed'))::int AS done
    FROM hazards h JOIN sites s ON s.id = h.site_id
    WHERE ${siteScopeSql(sql, scope)}`;
  return {
    open: r.open,
    overdue: r.overdue,
    closedThisMonth: r.closed_month,
    total: r.total,
    rectificationRate: ratio(r.done, r.total),
  };
}
