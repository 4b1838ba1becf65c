/** A report model → its files: PDF (Chromium), XLSX (one sheet per table), CSV (the per-site detail table). */
import { kpiRows, type KpiRow } from '../supervision/kpi-rows.ts';
import { KPI_DOC } from '../../lib/domain/kpi/definitions.ts';
import { alarmTypeLabel, categoryLabel, CATEGORIES, severityLabel } from '../../lib/domain/vocabulary/index.ts';
import { MIME, toCsv, toXlsx, type ExportColumn, type SheetSpec } from '../export/index.ts';
import { groupColumns, SITE_SCORE_COLUMNS, countyZh } from '../supervision/dashboard.ts';
import type { CoverageCell } from '../rollout/coverage.ts';
import type { CountRow, OverdueRow, ReportModel } from './model.ts';
import { reportDocs } from './html.ts';
import { reportPdf } from './pdf.ts';
import { bjTime } from '../../lib/domain/reports/format.ts';

export type ReportFormat = 'pdf' | 'xlsx' | 'csv';
export const REPORT_FORMATS: ReportFormat[] = ['pdf', 'xlsx', 'csv'];

export interface ReportFile {
  format: ReportFormat;
  mime: string;
  filename: string;
  data: Buffer;
}

export function reportFileName(m: ReportModel, format: ReportFormat): string {
  return `${m.title}-${m.period.label}${m.reportNo && m.reportNo !== '预览' ? `-${m.reportNo}` : ''}.${format}`.replace(/[\\/:*?"<>|\s]+/g, '');
}

function caption(m: ReportModel): string[] {
  return [`${m.title} ${m.period.label}`, `范围：${m.regionLabel}；统计期间 ${m.period.firstDay} 至 ${m.period.lastDay}（北京时间）；数据截至 ${bjTime(m.asOf)}；生成 ${bjTime(m.generatedAt)}；编号 ${m.reportNo}；指标口径 ${KPI_DOC}`];
}

const coverageCols: ExportColumn<CoverageCell>[] = [
  { header: '县（区） County', value: (c) => countyZh(c.county), width: 10 },
  { header: '行业 Sector', value: (c) => categoryLabel(c.category), width: 14 },
  { header: '目标 Target', value: 'target' },
  { header: '登记 Registered', value: 'total' },
  { header: '具备条件 Eligible', value: 'eligible' },
  { header: '试点 Pilots', value: 'pilots' },
  { header: '已勘察 Surveyed', value: 'surveyed' },
  { header: '已安装 Installed', value: 'installed' },
  { header: '已调试 Commissioned', value: 'commissioned' },
  { header: '已投用 In service', value: 'inService' },
  { header: '覆盖率% Share', value: (c) => (c.share == null ? '' : Math.round(c.share * 1000) / 10) },
  { header: '应达% Expected', value: (c) => Math.round(c.expected * 1000) / 10 },
  { header: '状态 Status', value: (c) => ({ none: '', ok: '达标', behind: '未达进度', laggard: '严重滞后' })[c.status] },
];

export async function reportXlsx(m: ReportModel): Promise<Buffer> {
  const cap = caption(m);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- sheets of different row types
  const sheets: SheetSpec<any>[] = [
    { name: '报告正文', caption: cap, columns: [{ header: '章节 Section', value: 'h', width: 22 }, { header: '内容 Text', value: 'p', width: 120 }] as ExportColumn<{ h: string; p: string }>[],
      rows: m.narrative.flatMap((s) => s.paragraphs.map((p) => ({ h: s.heading, p }))) },
    { name: '主要指标', caption: cap, columns: [{ header: '指标 KPI', value: 'zh', width: 26 }, { header: '数值 Value', value: 'text', width: 18 }, { header: 'Key', value: 'id', width: 20 },
      // the sectors the figures cover, so a sector's workbook names no other on any sheet
      { header: '行业 Sectors', value: () => m.sectors.map((g) => categoryLabel(g.key)).join('、'), width: 30 }] as ExportColumn<KpiRow>[],
      rows: kpiRows(m.totals) },
    { name: '县区', caption: cap, columns: groupColumns('县（区） County', countyZh), rows: [...m.counties, { ...m.totals, key: '合计' }] },
    { name: '行业', caption: cap, columns: groupColumns('行业 Sector', categoryLabel), rows: [...m.sectors, { ...m.totals, key: '合计' }] },
    { name: '单位评分', caption: cap, columns: SITE_SCORE_COLUMNS, rows: m.sites },
    { name: '报警类型', caption: cap, columns: [
      { header: '类型 Type', value: (r) => alarmTypeLabel(r.key), width: 16 }, { header: '次数 Count', value: 'n' }, { header: '误报 False', value: (r) => r.falseN ?? 0 },
    ] as ExportColumn<CountRow>[], rows: m.alarmTypes },
    { name: '逾期隐患', caption: cap, columns: [
      { header: '编号 ID', value: 'id' }, { header: '单位 Site', value: 'siteName', width: 24 }, { header: '县（区） County', value: 'countyZh' },
      { header: '行业 Sector', value: (r) => categoryLabel(r.category) }, { header: '隐患 Hazard', value: 'title', width: 30 }, { header: '级别 Severity', value: (r) => severityLabel(r.severity) },
      { header: '期限 Deadline', value: 'deadline', width: 17 }, { header: '逾期天数 Days overdue', value: 'daysOverdue' },
    ] as ExportColumn<OverdueRow>[], rows: m.overdue },
    { name: '推广覆盖', caption: [...cap, `截至 ${m.coverage.asOf}，应达进度 ${Math.round(m.coverage.expected * 1000) / 10}%`], columns: coverageCols,
      rows: [...m.coverage.cells].sort((a, b) => a.county - b.county || Object.keys(CATEGORIES).indexOf(a.category) - Object.keys(CATEGORIES).indexOf(b.category)) },
  ];
  return toXlsx(sheets);
}

export function reportCsv(m: ReportModel): string {
  return toCsv(SITE_SCORE_COLUMNS, m.sites);
}

export async function renderReport(m: ReportModel, format: ReportFormat): Promise<ReportFile> {
  const filename = reportFileName(m, format);
  if (format === 'pdf') return { format, mime: MIME.pdf, filename, data: await reportPdf(reportDocs(m), `${m.title} · ${m.period.label}`) };
  if (format === 'xlsx') return { format, mime: MIME.xlsx, filename, data: await reportXlsx(m) };
  return { format, mime: MIME.csv, filename, data: Buffer.from(reportCsv(m), 'utf8') };
}
