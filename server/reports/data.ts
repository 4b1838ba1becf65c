/**
 * Gathers a report's figures for a region and period: alarms, hazards and site scores (server/supervision),
 * monitoring aggregates (site_daily_stats, refreshed from readings_1h first), coverage (server/rollout). All
 * queries go through regionSql, i.e. the issuer's scope.
 */
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import { ROLE_INFO } from '../../lib/domain/vocabulary/index.ts';
import { coverageMatrix } from '../rollout/coverage.ts';
import { loadPhases } from '../rollout/phases.ts';
import { phaseAt } from '../../lib/domain/rollout/phases.ts';
import { byRisk, group, groupBy } from '../supervision/groups.ts';
import { regionLabel, regionSql, type Region } from '../supervision/region.ts';
import { scoreSites, siteStats } from '../supervision/stats.ts';
import { OPEN_STATES } from '../../lib/domain/workflow/hazard-machine.ts';
import type { CountRow, MonitoringPoint, OverdueRow, ReportModel, SeriesPoint } from './model.ts';
import { narrate } from './narrative.ts';
import { bjDayOf, KIND_INFO, periodOf, type Period, type PeriodParams } from '../../lib/domain/reports/period.ts';
import { refreshSiteDaily } from './rollup.ts';
import { asOfInstant } from '../../lib/domain/kpi/ratio.ts';

const TZ = 'Asia/Shanghai';

async function alarmSeries(sql: Sql, r: Region, p: Period): Promise<SeriesPoint[]> {
  return sql<SeriesPoint[]>`
    SELECT to_char(date_trunc(${p.bucket}, a.opened_at AT TIME ZONE ${TZ}), 'YYYY-MM-DD') AS bucket,
           count(*) FILTER (WHERE NOT a.false_alarm AND a.severity = 'warning')::int AS warning,
           count(*) FILTER (WHERE NOT a.false_alarm AND a.severity = 'alarm')::int AS alarm,
           count(*) FILTER (WHERE NOT a.false_alarm AND a.severity = 'critical')::int AS critical,
           count(*) FILTER (WHERE a.false_alarm)::int AS "falseAlarms"
    FROM alarms a JOIN sites s ON s.id = a.site_id
    WHERE a.opened_at >= ${p.start} AND a.opened_at < ${p.end} AND ${regionSql(sql, r)}
    GROUP BY 1 ORDER BY 1`;
}

async function alarmTypes(sql: Sql, r: Region, p: Period): Promise<CountRow[]> {
  return sql<CountRow[]>`
    SELECT a.type AS key, count(*)::int AS n, count(*) FILTER (WHERE a.false_alarm)::int AS "falseN"
    FROM alarms a JOIN sites s ON s.id = a.site_id
    WHERE a.opened_at >= ${p.start} AND a.opened_at < ${p.end} AND ${regionSql(sql, r)}
    GROUP BY 1 ORDER BY 2 DESC, 1`;
}

async function hazardCounts(sql: Sql, r: Region, p: Period, col: 'state' | 'source'): Promise<CountRow[]> {
  return sql<CountRow[]>`
    SELECT h.${sql(col)} AS key, count(*)::int AS n
    FROM hazards h JOIN sites s ON s.id = h.site_id
    WHERE h.created_at >= ${p.start} AND h.created_at < ${p.end} AND ${regionSql(sql, r)}
    GROUP BY 1 ORDER BY 2 DESC, 1`;
}

async function overdue(sql: Sql, r: Region, p: Period, now: Date): Promise<OverdueRow[]> {
  const asOf = asOfInstant(p.end, now);
  return sql<OverdueRow[]>`
    SELECT h.id, s.id AS "siteId", s.name_zh AS "siteName", c.name_zh AS "countyZh", s.category, h.title, h.severity, h.state, h.deadline,
           floor(extract(epoch FROM (${asOf}::timestamptz - h.deadline)) / 86400)::int AS "daysOverdue"
    FROM hazards h JOIN sites s ON s.id = h.site_id JOIN counties c ON c.adcode = s.county_adcode
    WHERE h.created_at < ${p.end} AND h.deadline < ${asOf} AND ${regionSql(sql, r)}
      AND (h.state = ANY(${OPEN_STATES as string[]}::text[]) OR coalesce(h.verified_at, h.closed_at) >= ${asOf})
    ORDER BY h.deadline, h.id LIMIT 30`;
}

async function monitoring(sql: Sql, r: Region, p: Period): Promise<MonitoringPoint[]> {
  await refreshSiteDaily(sql, p.firstDay, p.lastDay);
  // per day first (hash aggregate, one row per site and day), then into the chart's buckets
  return sql<MonitoringPoint[]>`
    WITH per_day AS (
      SELECT d.day, max(d.t_max) AS t_max, max(d.ir_max) AS ir_max, sum(d.hot_circuit_hours) AS hot, sum(d.leak_circuit_hours) AS leak,
             sum(d.arc_sum) AS arcs, count(*) AS sites
      FROM site_daily_stats d JOIN sites s ON s.id = d.site_id
      WHERE d.day BETWEEN ${p.firstDay}::date AND ${p.lastDay}::date AND ${regionSql(sql, r)}
      GROUP BY d.day
    )
    SELECT to_char(date_trunc(${p.bucket}, day::timestamp), 'YYYY-MM-DD') AS bucket, max(t_max) AS "tMax", max(ir_max) AS "irMax",
           sum(hot)::int AS "hotHours", sum(leak)::int AS "leakHours", sum(arcs)::int AS arcs, sum(sites)::int AS sites
    FROM per_day GROUP BY 1 ORDER BY 1`;
}

export interface ReportRequest extends PeriodParams {
  county?: number | null;
  category?: string | null;
}

async function timed<T>(t: Record<string, number>, k: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const v = await f();
  t[k] = Math.round(performance.now() - t0);
  return v;
}

export async function buildReport(sql: Sql, p: Principal, req: ReportRequest, opts: { reportNo?: string; now?: Date } = {}): Promise<ReportModel> {
  const timings: Record<string, number> = {};
  const phases = await loadPhases(sql);
  const period = periodOf(req, phases);
  const region: Region = { scope: p.scope, county: req.county ?? null, category: req.category ?? null };
  // a period still running is reported up to today (coverage as of today, not its future last day)
  const today = bjDayOf(opts.now ?? new Date());
  const lastDay = period.lastDay < today ? period.lastDay : today;
  const now = opts.now ?? new Date();
  const [stats, series, types, states, sources, od, mon, coverage] = await Promise.all([
    timed(timings, 'sites', () => siteStats(sql, region, period.start, period.end, now)),
    timed(timings, 'alarmSeries', () => alarmSeries(sql, region, period)),
    timed(timings, 'alarmTypes', () => alarmTypes(sql, region, period)),
    timed(timings, 'hazardStates', () => hazardCounts(sql, region, period, 'state')),
    timed(timings, 'hazardSources', () => hazardCounts(sql, region, period, 'source')),
    timed(timings, 'overdue', () => overdue(sql, region, period, now)),
    timed(timings, 'monitoring', () => monitoring(sql, region, period)),
    timed(timings, 'coverage', () => coverageMatrix(sql, p, { asOf: lastDay, county: req.county ?? undefined, category: (req.category ?? undefined) as never })),
  ]);
  const sites = scoreSites(stats, period.start, period.end, now);
  const totals = group('*', sites);
  const label = regionLabel(region, p.departmentId);
  const kindZh = KIND_INFO[period.kind].zh;
  const model: ReportModel = {
    title: `${label.split(' · ')[0]}智慧式用电安全管理${kindZh}`,
    kindZh, period, region, regionLabel: label,
    issuer: { name: p.displayName, role: ROLE_INFO[p.role].zh },
    generatedAt: now,
    asOf: asOfInstant(period.end, now),
    reportNo: opts.reportNo ?? '预览',
    totals,
    counties: groupBy(sites, (r) => String(r.county)).sort(byRisk),
    sectors: groupBy(sites, (r) => r.category).sort(byRisk),
    sites: [...sites].sort((a, b) => (a.score?.score ?? 101) - (b.score?.score ?? 101) || a.id.localeCompare(b.id)),
    alarmSeries: series, alarmTypes: types, hazardStates: states, hazardSources: sources, overdue: od,
    monitoring: mon,
    monitoringTotals: {
      siteDays: mon.reduce((s, x) => s + x.sites, 0),
      tMax: mon.reduce<number | null>((m, x) => (x.tMax == null ? m : Math.max(m ?? -Infinity, x.tMax)), null),
      irMax: mon.reduce<number | null>((m, x) => (x.irMax == null ? m : Math.max(m ?? -Infinity, x.irMax)), null),
      hotHours: mon.reduce((s, x) => s + x.hotHours, 0),
      leakHours: mon.reduce((s, x) => s + x.leakHours, 0),
      arcs: mon.reduce((s, x) => s + x.arcs, 0),
    },
    coverage, phase: period.kind === 'phase' ? (phases.find((x) => x.phase === period.params.phase) ?? null) : phaseAt(lastDay, phases), phases,
    narrative: [], timings,
  };
  model.narrative = narrate(model);
  return model;
}
