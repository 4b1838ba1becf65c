/**
 * The report as one HTML document (cover + sections with text, tables and inline SVG charts). The same HTML is
 * previewed in the portal and printed to PDF by Chromium (pdf.ts).
 */
import { alarmTypeLabel, categoryLabel, CATEGORIES, severityLabel } from '../../lib/domain/vocabulary/index.ts';
import { COUNTY_NAMES_ZH } from '../supervision/names.ts';
import { GRADE_INFO, WEIGHTS } from '../supervision/score.ts';
import type { GroupStats } from '../supervision/groups.ts';
import type { ScoredSite } from '../supervision/stats.ts';
import type { CoverageCell } from '../rollout/coverage.ts';
import { HAZARD_STATE_INFO } from '../../lib/domain/workflow/hazard-machine.ts';
import type { ReportModel, SectionKey } from './model.ts';
import { alarmSeriesChart, alarmTypeChart, countyScoreChart, coverageChart, monitoringChart } from './charts.ts';
import { esc, figure, paras, table, type Col } from './html-parts.ts';
import { REPORT_CSS } from './styles.ts';
import { kpiRows } from '../supervision/kpi-rows.ts';
import { KPI_DOC } from '../../lib/domain/kpi/definitions.ts';
import { bjTime, cnDate, fix1, hoursZh, num, pct } from '../../lib/domain/reports/format.ts';

const county = (k: string | number) => COUNTY_NAMES_ZH[Number(k)] ?? String(k);
const open = (s: ScoredSite) => s.openCritical + s.openAlarm + s.openWarning;

function groupCols(first: string, label: (k: string) => string): Col<GroupStats>[] {
  return [
    { h: first, v: (g) => (g.key === '*' ? '合计' : label(g.key)) },
    { h: '单位', v: (g) => num(g.sites), num: true },
    { h: '接入', v: (g) => num(g.connected), num: true },
    { h: '平均评分', v: (g) => fix1(g.avgScore), num: true, cls: (g) => ((g.avgScore ?? 100) < 60 ? 'bad' : (g.avgScore ?? 100) < 75 ? 'warn' : '') },
    { h: '报警', v: (g) => num(g.alarms), num: true },
    { h: '误报率', v: (g) => pct(g.falseRate), num: true },
    { h: '平均响应', v: (g) => hoursZh(g.meanAckHours), num: true },
    { h: '新增隐患', v: (g) => num(g.hazardsNew), num: true },
    { h: '整改率', v: (g) => pct(g.rectificationRate), num: true },
    { h: '未整改', v: (g) => num(g.open), num: true },
    { h: '逾期', v: (g) => num(g.overdue), num: true, cls: (g) => (g.overdue ? 'bad' : '') },
    { h: '在线率', v: (g) => pct(g.onlineRate), num: true },
  ];
}

function coverageTable(m: ReportModel): string {
  const cv = m.coverage;
  const cats = Object.keys(CATEGORIES).filter((c) => cv.categories.includes(c));
  const cell = (c: CoverageCell | undefined) => (!c || c.target === 0 ? '—' : `${c.inService}/${c.target}`);
  const cls = (c: CoverageCell | undefined) => (c?.status === 'laggard' ? 'bad' : c?.status === 'behind' ? 'warn' : '');
  type Row = { adcode: number; name: string };
  const rows: Row[] = cv.counties.map((c) => ({ adcode: c.adcode, name: c.nameZh }));
  const cols: Col<Row>[] = [
    { h: '县（区）', v: (r) => r.name },
    ...cats.map((k) => ({ h: categoryLabel(k, 'zh', 'short'), v: (r: Row) => cell(cv.cells.find((c) => c.county === r.adcode && c.category === k)), num: true, cls: (r: Row) => cls(cv.cells.find((c) => c.county === r.adcode && c.category === k)) })),
    { h: '合计', v: (r) => cell(cv.rowTotals[r.adcode]), num: true, cls: (r) => cls(cv.rowTotals[r.adcode]) },
    { h: '覆盖率', v: (r) => pct(cv.rowTotals[r.adcode]?.share), num: true, cls: (r) => cls(cv.rowTotals[r.adcode]) },
  ];
  return table(`表 2-1 推广覆盖矩阵（已投入使用/目标，截至 ${cv.asOf}；应达进度 ${pct(cv.expected)}；红色为严重滞后，橙色为未达进度）`, cols, rows);
}

function scoreTable(m: ReportModel): string {
  const rows = m.sites.filter((s) => s.score).slice(0, 15);
  const term = (s: ScoredSite, k: string) => s.score!.terms.find((t) => t.key === k)!.penalty.toFixed(1);
  return table('表 6-1 安全评分最低的单位（扣分项：H 隐患、A 报警、R 响应、T 整改时效、D 设备）', [
    { h: '单位', v: (s) => s.nameZh },
    { h: '县（区）', v: (s) => s.countyZh },
    { h: '行业', v: (s) => categoryLabel(s.category) },
    { h: '评分', v: (s) => s.score!.score, num: true, cls: (s) => (s.score!.score < 60 ? 'bad' : s.score!.score < 75 ? 'warn' : '') },
    { h: 'H', v: (s) => term(s, 'hazards'), num: true },
    { h: 'A', v: (s) => term(s, 'alarms'), num: true },
    { h: 'R', v: (s) => term(s, 'response'), num: true },
    { h: 'T', v: (s) => term(s, 'rectification'), num: true },
    { h: 'D', v: (s) => term(s, 'devices'), num: true },
    { h: '报警', v: (s) => s.alarms, num: true },
    { h: '未整改', v: (s) => open(s), num: true },
  ], rows, { empty: '无已接入单位' });
}

function sectionBody(m: ReportModel, key: SectionKey): string {
  const t = m.totals;
  switch (key) {
    case 'overview':
      return `<div class="kpis">${[
        [num(t.sites), '重点单位（家）'], [num(t.connected), '已接入监测（家）'], [fix1(t.avgScore), '平均安全评分'], [num(t.hazardsNew), '新增隐患（项）'],
      ].map(([b, s]) => `<div class="kpi"><b>${esc(b)}</b><span>${esc(s)}</span></div>`).join('')}</div>${kpiTable(m)}`;
    case 'coverage':
      return figure(coverageChart(m), m.coverage.counties.length === 1 ? '图 2-1 各行业推广覆盖' : '图 2-1 各县（区）推广覆盖') + coverageTable(m);
    case 'monitoring':
      return m.monitoring.length ? figure(monitoringChart(m), '图 3-1 监测异常回路小时数') : '';
    case 'alarms':
      return (m.alarmSeries.length ? figure(alarmSeriesChart(m), '图 4-1 报警数量变化（按' + { day: '日', week: '周', month: '月' }[m.period.bucket] + '）') : '') +
        `<div class="row2">${m.alarmTypes.length ? figure(alarmTypeChart(m), '图 4-2 报警类型分布') : '<div></div>'}<div>` +
        table('表 4-1 报警类型', [
          { h: '类型', v: (r) => alarmTypeLabel(r.key) },
          { h: '次数', v: (r) => num(r.n), num: true },
          { h: '其中误报', v: (r) => num(r.falseN ?? 0), num: true },
          { h: '占比', v: (r) => pct(t.alarms ? r.n / t.alarms : null), num: true },
        ], m.alarmTypes, { empty: '本期无报警' }) + '</div></div>' +
        table('表 4-2 各行业报警与处置', groupCols('行业', categoryLabel), m.sectors, { foot: [t] });
    case 'hazards':
      return figure(countyScoreChart(m), '图 5-1 各县（区）平均安全评分与隐患整改率') +
        table('表 5-1 各县（区）报警与隐患整改', groupCols('县（区）', county), m.counties, { foot: [t] }) +
        table('表 5-2 逾期未整改隐患（最多 30 项）', [
          { h: '编号', v: (r) => r.id, num: true },
          { h: '单位', v: (r) => r.siteName },
          { h: '县（区）', v: (r) => r.countyZh },
          { h: '隐患', v: (r) => r.title },
          { h: '级别', v: (r) => severityLabel(r.severity) },
          { h: '状态', v: (r) => HAZARD_STATE_INFO[r.state as 'reported']?.zh ?? r.state },
          { h: '期限', v: (r) => bjTime(r.deadline) },
          { h: '逾期天数', v: (r) => r.daysOverdue, num: true, cls: () => 'bad' },
        ], m.overdue, { empty: '无逾期未整改隐患' });
    case 'weak':
      return scoreTable(m);
    default:
      return '';
  }
}

/** 主要指标: the same rows, labels and wording as the supervision page (server/supervision/kpi-rows.ts) */
function kpiTable(m: ReportModel): string {
  const rows = kpiRows(m.totals).map((r) => `<tr><th>${esc(r.zh)}</th><td data-kpi="${r.id}">${esc(r.text)}</td></tr>`).join('');
  return `<table class="kpis"><caption>主要指标</caption>${rows}</table>`;
}

function cover(m: ReportModel): string {
  return `<section class="cover">
  <div class="org">昌都市智慧式用电安全管理平台</div>
  <h1>${esc(m.title)}</h1>
  <div class="period">${esc(m.period.label)}</div>
  <div class="region">${esc(m.regionLabel)}</div>
  <div class="rule"></div>
  <dl>
    <dt>报告编号</dt><dd>${esc(m.reportNo)}</dd>
    <dt>统计期间</dt><dd>${esc(m.period.firstDay)} 至 ${esc(m.period.lastDay)}（北京时间）</dd>
    <dt>编制单位</dt><dd>${esc(m.issuer?.name ?? '')}${m.issuer ? `（${esc(m.issuer.role)}）` : ''}</dd>
    <dt>生成时间</dt><dd>${esc(bjTime(m.generatedAt))}</dd>
    <dt>数据截至</dt><dd data-testid="report-as-of">${esc(bjTime(m.asOf))}</dd>
    <dt>指标口径</dt><dd>${esc(KPI_DOC)}</dd>
  </dl>
  <div class="basis">依据：昌都市安全生产委员会办公室《昌都市推广使用智慧式用电安全管理系统的实施方案》（昌安委办发〔2018〕95号）。
  本报告数据来自平台监测汇总、报警和隐患整改记录，统计口径见文末附注。</div>
</section>`;
}

function appendix(): string {
  const W = WEIGHTS;
  return `<div class="note"><p><b>附注：统计口径与安全评分方法</b></p>
<p>指标定义以 ${KPI_DOC} 为准（大屏、监管页面与报告同一口径；分母为 0 时显示“—”）。</p>
<p>1. 统计期间按北京时间；数据截至期末或生成时刻（期间尚未结束时）；报警按发生时间、隐患按登记时间计入本期；整改率 = 本期新增隐患中已验收或销号的比例；响应时间 = 确认时间 − 报警时间（未确认的计至数据截至时刻，单次封顶 24 小时）。</p>
<p>2. 监测数据取自按单位、按日汇总的监测统计（由小时汇总数据生成），不直接读取原始采样。</p>
<p>3. 安全评分 = 100 − H − A − R − T − D（0–100）：H 未整改隐患（上限 ${W.hazards.max}，危急 ${W.hazards.critical}、报警 ${W.hazards.alarm}、预警 ${W.hazards.warning}、逾期另加 ${W.hazards.overdue}）；
A 报警频次与级别（上限 ${W.alarms.max}，0.5 ×（预警 1、报警 3、危急 6 加权次数，折合每 30 天），不含误报）；R 响应时间（上限 ${W.response.max}，0.5 小时内不扣分，24 小时扣满）；
T 整改时效（上限 ${W.rectification.max}，近 90 天到期隐患中逾期或未整改的比例）；D 设备在线（上限 ${W.devices.max}，离线终端比例）。
等级：优 ≥ ${GRADE_INFO.good.min}，良 ≥ ${GRADE_INFO.fair.min}，中 ≥ ${GRADE_INFO.attention.min}，差 &lt; 60。</p>
<p>4. 推广覆盖：目标为具备通电、通网安装条件的单位数（可由市安委办调整）；应达进度按《实施方案》各阶段截止日期计算，第四阶段内按日线性增长至 100%。</p></div>`;
}

const doc = (m: ReportModel, inner: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(m.title)} ${esc(m.period.label)}</title>
<style>${REPORT_CSS}</style></head><body>${inner}</body></html>`;

/** The cover and the body as separate documents (the PDF numbers the body pages only) and as one (preview). */
export function reportDocs(m: ReportModel): { cover: string; body: string; full: string } {
  const sections = m.narrative.map((s) => `<section class="section"><h2>${esc(s.heading)}</h2>${paras(s.paragraphs)}${sectionBody(m, s.key)}</section>`).join('\n');
  const main = `<main class="page">
${sections}
${appendix()}
<div class="sign">${esc(m.issuer?.name ?? '')}<br>${esc(cnDate(m.generatedAt))}</div>
</main>`;
  return { cover: doc(m, cover(m)), body: doc(m, main), full: doc(m, cover(m) + main) };
}

export const reportHtml = (m: ReportModel) => reportDocs(m).full;
