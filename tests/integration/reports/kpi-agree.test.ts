/**
 * One definition per figure (docs/KPI.md) at the SQL level: the big screen, the supervision dashboard and the
 * report give the same numbers for the same moment and scope, and those numbers equal independent SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/scope.ts';
import { testSql, ensureSeeded } from '../helpers/db.ts';
import { principal } from './helpers.ts';
import { buildReport } from '../../../server/reports/data.ts';
import { supervisionDashboard } from '../../../server/supervision/dashboard.ts';
import { bigscreenSummary } from '../../../server/bigscreen/summary.ts';
import { kpiRows } from '../../../server/supervision/kpi-rows.ts';
import { bjDayOf } from '../../../lib/domain/reports/period.ts';

let sql: Sql;
const TAG = 'it-kpi-agree';
const now = new Date();
const bj = new Date(now.getTime() + 8 * 3600_000);
const year = bj.getUTCFullYear();
const month = bj.getUTCMonth() + 1;
const monthStart = new Date(Date.UTC(year, month - 1, 1) - 8 * 3600_000);
const ago = (h: number) => new Date(Math.max(monthStart.getTime() + 60_000, now.getTime() - h * 3600_000));

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  // crafted figures in this month so every KPI has a non-empty base: acked, unacked, false, latched alarms;
  // hazards open and overdue, verified, and open but not yet due
  const sites = await sql<{ id: string; device: string }[]>`
    SELECT s.id, min(d.id) AS device FROM sites s JOIN devices d ON d.site_id = s.id GROUP BY s.id ORDER BY s.id LIMIT 3`;
  for (const [i, s] of sites.entries()) {
    await sql`INSERT INTO alarms (site_id, device_id, ch, type, severity, opened_at, acknowledged_at, false_alarm, reason_zh)
              VALUES (${s.id}, ${s.device}, 1, 'overtemperature', 'alarm', ${ago(3 + i)}, ${ago(1 + i)}, false, ${TAG}),
                     (${s.id}, ${s.device}, 2, 'overload', 'warning', ${ago(2)}, NULL, false, ${TAG}),
                     (${s.id}, ${s.device}, 3, 'arc_fault', 'critical', ${ago(5)}, ${ago(4)}, true, ${TAG})`;
    await sql`INSERT INTO alarms (site_id, device_id, ch, type, severity, opened_at, recovered_at, reason_zh)
              VALUES (${s.id}, ${s.device}, 4, 'residual_current', 'critical', ${ago(6)}, ${ago(5)}, ${TAG})`;
    // a device whose clock runs ahead (or an accelerated simulation) reports a sample time after now: not counted yet
    await sql`INSERT INTO alarms (site_id, device_id, ch, type, severity, opened_at, cleared_at, reason_zh)
              VALUES (${s.id}, ${s.device}, 5, 'overload', 'warning', ${new Date(now.getTime() + 5 * 60_000)}, ${new Date(now.getTime() + 6 * 60_000)}, ${TAG})`;
    await sql`INSERT INTO hazards (site_id, source, title, severity, state, deadline, created_at)
              VALUES (${s.id}, 'inspection', ${TAG}, 'alarm', 'rectifying', ${ago(1)}, ${ago(8)}),
                     (${s.id}, 'inspection', ${TAG}, 'warning', 'assigned', ${new Date(now.getTime() + 86_400_000)}, ${ago(7)})`;
    await sql`INSERT INTO hazards (site_id, source, title, severity, state, deadline, created_at, submitted_at, verified_at)
              VALUES (${s.id}, 'inspection', ${TAG}, 'warning', 'verified', ${ago(0)}, ${ago(9)}, ${ago(5)}, ${ago(4)})`;
  }
});

afterAll(async () => {
  await sql`DELETE FROM hazards WHERE title = ${TAG}`;
  await sql`DELETE FROM alarms WHERE reason_zh = ${TAG}`;
  await sql.end();
});

async function agree(p: Principal) {
  const from = bjDayOf(monthStart);
  const to = bjDayOf(now);
  const [report, dash, screen] = await Promise.all([
    buildReport(sql, p, { kind: 'monthly', year, month }, { now }),
    supervisionDashboard(sql, p, { from, to }, now),
    bigscreenSummary(sql, p),
  ]);
  // the report of this month and the dashboard over the same days: the same rows, word for word
  expect(kpiRows(report.totals)).toEqual(kpiRows(dash.kpis));
  expect(report.totals.overdue).toBe(report.overdue.length < 30 ? report.overdue.length : report.totals.overdue);
  const byId = new Map(dash.all.map((s) => [s.id, s.score?.score ?? null]));
  for (const s of report.sites) expect(s.score?.score ?? null).toBe(byId.get(s.id));
  // the big screen's overdue hazards are all open overdue hazards now: the dashboard counts the same when its
  // window reaches now
  expect(screen.hazards.overdue).toBe(dash.kpis.overdue);
  return { report, dash, screen };
}

describe('KPIs agree across screen, dashboard and report', () => {
  it('for the whole city, and equal independent SQL', async () => {
    const p = await principal(sql, 'leader');
    const { report, screen } = await agree(p);
    const [ind] = await sql<{ overdue: number; alarms: number; falses: number; ack_h: number; ack_n: number; new_h: number; new_done: number }[]>`
      SELECT (SELECT count(*)::int FROM hazards WHERE state IN ('reported','assigned','rectifying','submitted','returned') AND deadline < ${now}) AS overdue,
             (SELECT count(*)::int FROM alarms WHERE opened_at >= ${monthStart} AND opened_at < ${now}) AS alarms,
             (SELECT count(*)::int FROM alarms WHERE opened_at >= ${monthStart} AND opened_at < ${now} AND false_alarm) AS falses,
             (SELECT coalesce(sum(least(extract(epoch FROM coalesce(acknowledged_at, ${now}) - opened_at) / 3600, 24)), 0)::float8
                FROM alarms WHERE opened_at >= ${monthStart} AND opened_at < ${now} AND NOT false_alarm) AS ack_h,
             (SELECT count(*)::int FROM alarms WHERE opened_at >= ${monthStart} AND opened_at < ${now} AND NOT false_alarm) AS ack_n,
             (SELECT count(*)::int FROM hazards WHERE created_at >= ${monthStart} AND created_at < ${now}) AS new_h,
             (SELECT count(*)::int FROM hazards WHERE created_at >= ${monthStart} AND created_at < ${now} AND state IN ('verified','closed')) AS new_done`;
    expect(screen.hazards.overdue).toBe(ind.overdue);
    expect(ind.overdue).toBeGreaterThanOrEqual(3);
    expect(report.totals.alarms).toBe(ind.alarms);
    expect(report.totals.falseRate).toBeCloseTo(ind.falses / ind.alarms, 9);
    expect(report.totals.meanAckHours).toBeCloseTo(ind.ack_h / ind.ack_n, 6);
    expect(report.totals.rectificationRate).toBeCloseTo(ind.new_done / ind.new_h, 9);

    const [live] = await sql<{ fitted: number; online: number; unequipped: number; recovered: number }[]>`
      SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id))::int AS fitted,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id) AND s.status NOT IN ('offline','unequipped'))::int AS online,
             count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id))::int AS unequipped,
             (SELECT count(*)::int FROM alarms a WHERE a.cleared_at IS NULL AND a.recovered_at IS NOT NULL AND NOT a.false_alarm) AS recovered
      FROM sites s`;
    expect(screen.kpis.sitesConnected).toBe(live.fitted);
    expect(screen.kpis.sitesUnequipped).toBe(live.unequipped);
    expect(screen.kpis.sitesOnlineRate).toBeCloseTo(live.online / live.fitted, 9);
    expect(screen.kpis.activeRecovered).toBe(live.recovered);
    expect(screen.kpis.activeRecovered).toBeGreaterThanOrEqual(3);
    const [all] = await sql<{ total: number; done: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE state IN ('verified','closed'))::int AS done FROM hazards`;
    expect(screen.hazards.rectificationRate).toBeCloseTo(all.done / all.total, 9);
  });

  it('for a county officer', async () => {
    const p = await principal(sql, 'karuo');
    const { report } = await agree(p);
    expect(report.totals.sites).toBeLessThan((await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites`)[0].n);
  });

  it('for a sector regulator', async () => {
    const p = await principal(sql, 'minzong');
    await agree(p);
  });
});
