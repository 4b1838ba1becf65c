/** Report charts as inline SVG strings (echarts server-side rendering: no DOM, no canvas), print palette. */
import * as echarts from 'echarts';
import { alarmTypeLabel, categoryLabel, CATEGORIES, PRINT_STATUS_COLOURS as P, SEVERITY_INFO } from '../../lib/domain/vocabulary/index.ts';
import { COUNTY_NAMES_ZH } from '../supervision/names.ts';
import type { ReportModel } from './model.ts';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", sans-serif';
const C = { warning: P.warning, alarm: P.alarm, critical: P.critical, falseA: P.offline, ok: P.normal, target: '#c9d3e0', accent: '#2f6fd1' };

function render(option: echarts.EChartsOption, width = 680, height = 260): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT, fontSize: 11, color: '#333' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

const grid = { left: 48, right: 16, top: 36, bottom: 36, containLabel: false };
const legend = { top: 4, right: 8, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } };

export function alarmSeriesChart(m: ReportModel): string {
  const xs = m.alarmSeries.map((p) => (m.period.bucket === 'month' ? `${+p.bucket.slice(5, 7)}月` : p.bucket.slice(5)));
  const bar = (key: 'warning' | 'alarm' | 'critical', color: string) =>
    ({ name: SEVERITY_INFO[key].zh, type: 'bar' as const, stack: 'a', data: m.alarmSeries.map((p) => p[key]), itemStyle: { color }, barMaxWidth: 18 });
  return render({
    title: { text: '报警数量变化（不含误报）', left: 0, top: 2, textStyle: { fontSize: 12, fontWeight: 'normal' } },
    legend: { ...legend, data: [SEVERITY_INFO.warning.zh, SEVERITY_INFO.alarm.zh, SEVERITY_INFO.critical.zh, '误报'] },
    grid,
    xAxis: { type: 'category', data: xs, axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e5e9f0' } } },
    series: [
      bar('warning', C.warning), bar('alarm', C.alarm), bar('critical', C.critical),
      { name: '误报', type: 'line', data: m.alarmSeries.map((p) => p.falseAlarms), itemStyle: { color: C.falseA }, lineStyle: { type: 'dashed' }, symbolSize: 3 },
    ],
  });
}

export function alarmTypeChart(m: ReportModel): string {
  const rows = [...m.alarmTypes].slice(0, 10).reverse();
  return render({
    title: { text: '报警类型分布', left: 0, top: 2, textStyle: { fontSize: 12, fontWeight: 'normal' } },
    grid: { left: 96, right: 40, top: 28, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1, splitNumber: 3, axisLabel: { fontSize: 9 }, splitLine: { lineStyle: { color: '#e5e9f0' } } },
    yAxis: { type: 'category', data: rows.map((r) => alarmTypeLabel(r.key)) },
    series: [{ type: 'bar', data: rows.map((r) => r.n), itemStyle: { color: C.accent }, barMaxWidth: 14, label: { show: true, position: 'right', fontSize: 10 } }],
  }, 330, 240);
}

export function countyScoreChart(m: ReportModel): string {
  const rows = [...m.counties].filter((c) => c.avgScore != null).sort((a, b) => Number(a.key) - Number(b.key));
  return render({
    title: { text: '各县（区）平均安全评分与整改率', left: 0, top: 2, textStyle: { fontSize: 12, fontWeight: 'normal' } },
    legend: { ...legend, data: ['平均评分', '整改率%'] },
    grid: { ...grid, right: 44 },
    xAxis: { type: 'category', data: rows.map((r) => COUNTY_NAMES_ZH[Number(r.key)] ?? r.key), axisLabel: { fontSize: 10, interval: 0 } },
    yAxis: [
      { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: '#e5e9f0' } } },
      { type: 'value', min: 0, max: 100, splitLine: { show: false }, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: '平均评分', type: 'bar', data: rows.map((r) => Math.round((r.avgScore ?? 0) * 10) / 10), itemStyle: { color: C.ok }, barMaxWidth: 22 },
      { name: '整改率%', type: 'line', yAxisIndex: 1, data: rows.map((r) => (r.rectificationRate == null ? null : Math.round(r.rectificationRate * 1000) / 10)), itemStyle: { color: C.accent }, connectNulls: true },
    ],
  });
}

export function coverageChart(m: ReportModel): string {
  const cv = m.coverage;
  // one county (a county office's report): by sector instead of a single bar
  const bySector = cv.counties.length === 1;
  const rows = bySector
    ? Object.keys(CATEGORIES).filter((k) => cv.colTotals[k]).map((k) => ({ label: categoryLabel(k), c: cv.colTotals[k] }))
    : cv.counties.map((r) => ({ label: r.nameZh, c: cv.rowTotals[r.adcode] }));
  return render({
    title: { text: `推广覆盖（截至 ${cv.asOf}）${bySector ? '· 按行业' : ''}`, left: 0, top: 2, textStyle: { fontSize: 12, fontWeight: 'normal' } },
    legend: { ...legend, data: ['已投入使用', '其余目标'] },
    grid,
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { fontSize: bySector ? 9 : 10, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e5e9f0' } } },
    series: [
      { name: '已投入使用', type: 'bar', stack: 'c', data: rows.map((r) => r.c?.inService ?? 0), itemStyle: { color: C.ok }, barMaxWidth: 24 },
      { name: '其余目标', type: 'bar', stack: 'c', data: rows.map((r) => Math.max(0, (r.c?.target ?? 0) - (r.c?.inService ?? 0))), itemStyle: { color: C.target }, barMaxWidth: 24 },
    ],
  });
}

export function monitoringChart(m: ReportModel): string {
  const xs = m.monitoring.map((p) => (m.period.bucket === 'month' ? `${+p.bucket.slice(5, 7)}月` : p.bucket.slice(5)));
  return render({
    title: { text: '监测异常回路小时数（按日汇总）', left: 0, top: 2, textStyle: { fontSize: 12, fontWeight: 'normal' } },
    legend: { ...legend, data: ['导线温度≥60℃', '剩余电流≥30mA'] },
    grid,
    xAxis: { type: 'category', data: xs, axisLabel: { fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e5e9f0' } } },
    series: [
      { name: '导线温度≥60℃', type: 'line', data: m.monitoring.map((p) => p.hotHours), itemStyle: { color: C.alarm }, symbolSize: 3 },
      { name: '剩余电流≥30mA', type: 'line', data: m.monitoring.map((p) => p.leakHours), itemStyle: { color: C.warning }, symbolSize: 3 },
    ],
  });
}
