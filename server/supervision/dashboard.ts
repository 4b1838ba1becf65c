/** The supervision dashboard of a department or county office, in its scope: KPIs, rankings and site scores. */
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import { categoryLabel } from '../../lib/domain/vocabulary/index.ts';
import type { ExportColumn } from '../export/index.ts';
import { byRisk, group, groupBy, type GroupStats } from './groups.ts';
import { COUNTY_NAMES_ZH } from './names.ts';
import { regionLabel, type Region } from './region.ts';
import { explainText } from './score.ts';
import { scoreSites, siteStats, type ScoredSite } from './stats.ts';
import { windowOf, type SupervisionFilter } from './filters.ts';

export const SITE_PAGE = 50;

export function regionOf(p: Principal, f: { county?: number | null; category?: string | null }): Region {
  return { scope: p.scope, county: f.county ?? null, category: f.category ?? null };
}

export function sortSites(rows: ScoredSite[], sort: SupervisionFilter['sort']): ScoredSite[] {
  const s = (r: ScoredSite) => r.score?.score ?? 101;
  const open = (r: ScoredSite) => r.openCritical + r.openAlarm + r.openWarning;
  const cmp: Record<string, (a: ScoredSite, b: ScoredSite) => number> = {
    risk: (a, b) => s(a) - s(b) || open(b) - open(a),
    handling: (a, b) => (a.score && b.score ? pen(a) - pen(b) : s(a) - s(b)),
    alarms: (a, b) => b.alarms - a.alarms,
    overdue: (a, b) => b.overdueOpen - a.overdueOpen || open(b) - open(a),
  };
  return [...rows].sort((a, b) => cmp[sort ?? 'risk'](a, b) || a.id.localeCompare(b.id));
}
const pen = (r: ScoredSite) => r.score!.terms.filter((t) => t.key === 'response' || t.key === 'rectification').reduce((s, t) => s + t.penalty, 0);

export interface Dashboard {
  window: ReturnType<typeof windowOf>;
  regionLabel: string;
  kpis: GroupStats;
  counties: GroupStats[];
  sectors: GroupStats[];
  sites: ScoredSite[];
  siteTotal: number;
  ms: number;
}

export async function supervisionDashboard(sql: Sql, p: Principal, f: SupervisionFilter, now = new Date()): Promise<Dashboard & { all: ScoredSite[] }> {
  const t0 = performance.now();
  const w = windowOf(f, now);
  const region = regionOf(p, f);
  const all = scoreSites(await siteStats(sql, region, w.start, w.end, now), w.start, w.end, now);
  const counties = groupBy(all, (r) => String(r.county)).sort(byRisk);
  const sectors = groupBy(all, (r) => r.category).sort(byRisk);
  const filtered = f.grade ? all.filter((r) => (f.grade === 'none' ? !r.score : r.score?.grade === f.grade)) : all;
  const sorted = sortSites(filtered, f.sort);
  const page = f.page ?? 1;
  return {
    window: w, regionLabel: regionLabel(region, p.departmentId), kpis: group('*', all), counties, sectors,
    sites: sorted.slice((page - 1) * SITE_PAGE, page * SITE_PAGE), siteTotal: sorted.length, all: sorted,
    ms: Math.round(performance.now() - t0),
  };
}

const pct = (x: number | null) => (x == null ? '' : Math.round(x * 1000) / 10);
const n1 = (x: number | null) => (x == null ? '' : Math.round(x * 10) / 10);
export const countyZh = (k: string | number) => COUNTY_NAMES_ZH[Number(k)] ?? String(k);

export const SITE_SCORE_COLUMNS: ExportColumn<ScoredSite>[] = [
  { header: '编号 ID', value: 'id', width: 16 },
  { header: '单位 Site', value: 'nameZh', width: 26 },
  { header: '县（区） County', value: 'countyZh', width: 10 },
  { header: '行业 Sector', value: (r) => categoryLabel(r.category), width: 14 },
  { header: '安全评分 Score', value: (r) => r.score?.score ?? '未接入', width: 10 },
  { header: '报警 Alarms', value: 'alarms' },
  { header: '误报 False', value: 'falseAlarms' },
  { header: '平均响应(小时) Mean ack h', value: (r) => (r.ackN ? n1(r.ackHoursSum / r.ackN) : '') },
  { header: '新增隐患 New hazards', value: 'hazardsNew' },
  { header: '未整改 Open', value: (r) => r.openCritical + r.openAlarm + r.openWarning },
  { header: '逾期 Overdue', value: 'overdueOpen' },
  { header: '在线设备 Online', value: (r) => `${r.devicesOnline}/${r.devices}` },
  { header: '评分说明 Explanation', value: (r) => (r.score ? explainText(r.score).replace(/\n/g, '；') : ''), width: 80 },
];

export const groupColumns = (keyHeader: string, label: (k: string) => string): ExportColumn<GroupStats>[] => [
  { header: keyHeader, value: (g) => label(g.key), width: 16 },
  { header: '单位数 Sites', value: 'sites' },
  { header: '已接入 Connected', value: 'connected' },
  { header: '平均评分 Avg score', value: (g) => n1(g.avgScore) },
  { header: '差(<60) At risk', value: 'atRisk' },
  { header: '报警 Alarms', value: 'alarms' },
  { header: '误报率% False %', value: (g) => pct(g.falseRate) },
  { header: '平均响应(小时) Mean ack h', value: (g) => n1(g.meanAckHours) },
  { header: '新增隐患 New hazards', value: 'hazardsNew' },
  { header: '整改率% Rectified %', value: (g) => pct(g.rectificationRate) },
  { header: '平均整改(小时) Mean rectify h', value: (g) => n1(g.meanRectifyHours) },
  { header: '未整改 Open', value: 'open' },
  { header: '逾期 Overdue', value: 'overdue' },
  { header: '设备在线率% Online %', value: (g) => pct(g.onlineRate) },
  { header: '处置绩效 Handling', value: (g) => n1(g.handling) },
];
