/** The report's text: formal Chinese paragraphs computed from the model (pure; the figures come from data.ts). */
import { alarmTypeLabel, categoryLabel, hazardSourceLabel } from '../../lib/domain/vocabulary/index.ts';
import { COUNTY_NAMES_ZH } from '../supervision/names.ts';
import type { ReportModel, Section } from './model.ts';
import { fix1, hoursZh, num, pct as pct0 } from '../../lib/domain/reports/format.ts';

/** shares in running text: 无 when there is nothing to divide */
const pct = (x: number | null | undefined) => (x == null ? '无' : pct0(x));
const hours = (h: number | null | undefined) => (h == null ? '无' : hoursZh(h));

const county = (k: string | number) => COUNTY_NAMES_ZH[Number(k)] ?? String(k);

export function narrate(m: ReportModel): Section[] {
  const t = m.totals;
  const sev = m.alarmSeries.reduce((a, x) => ({ w: a.w + x.warning, a: a.a + x.alarm, c: a.c + x.critical }), { w: 0, a: 0, c: 0 });
  const place = m.regionLabel;
  const out: Section[] = [];

  const phaseGoal = m.period.kind === 'phase' && m.phase ? [`本阶段为《实施方案》${m.period.label}（${m.phase.startsOn} 至 ${m.phase.endsOn}），工作要求：${m.phase.goalZh}。本报告据此分析实时监测数据和隐患整改情况，查找短板。`] : [];
  out.push({ key: 'overview', heading: '一、总体情况', paragraphs: [
    ...phaseGoal,
    `本期（${m.period.label}，${m.period.firstDay} 至 ${m.coverage.asOf}${m.coverage.asOf < m.period.lastDay ? '，期间尚未结束' : ''}），${place}纳入监管的重点单位 ${num(t.sites)} 家，其中已接入监测 ${num(t.connected)} 家，` +
      `监测终端 ${num(t.devices)} 台，当前在线 ${num(t.devicesOnline)} 台，在线率 ${pct(t.onlineRate)}。`,
    `期间共产生报警 ${num(t.alarms)} 次（危急 ${num(sev.c)} 次、报警 ${num(sev.a)} 次、预警 ${num(sev.w)} 次，另有误报 ${num(t.falseAlarms)} 次），` +
      `误报率 ${pct(t.falseRate)}，报警平均响应（确认）时间 ${hours(t.meanAckHours)}。新增隐患 ${num(t.hazardsNew)} 项，整改率 ${pct(t.rectificationRate)}，` +
      `平均整改用时 ${hours(t.meanRectifyHours)}；期末未整改隐患 ${num(t.open)} 项，其中逾期 ${num(t.overdue)} 项。`,
    `已接入单位平均安全评分 ${t.avgScore == null ? '无' : fix1(t.avgScore) + ' '}分，评分低于 60 分（差）的单位 ${num(t.atRisk)} 家。安全评分按未整改隐患、报警频次与级别、响应时间、整改时效和设备在线五项扣分计算，方法见附注。`,
  ] });

  const cv = m.coverage;
  const lag = cv.cells.filter((c) => c.status === 'laggard').sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0));
  const behind = cv.cells.filter((c) => c.status === 'behind');
  const phaseTxt = cv.phase ? `按《实施方案》第${'一二三四五'[cv.phase.phase - 1]}阶段“${cv.phase.nameZh}”（${cv.phase.startsOn} 至 ${cv.phase.endsOn}）的进度要求，截至 ${cv.asOf} 应投入使用目标数的 ${pct(cv.expected)}` : '《实施方案》尚未开始';
  out.push({ key: 'coverage', heading: '二、推广覆盖情况', paragraphs: [
    `截至 ${cv.asOf}，${place}推广目标 ${num(cv.total.target)} 家（具备通电、通网安装条件的单位），已勘察 ${num(cv.total.surveyed)} 家、已安装 ${num(cv.total.installed)} 家、` +
      `已投入使用 ${num(cv.total.inService)} 家，覆盖率 ${pct(cv.total.share)}；试点单位 ${num(cv.total.pilots)} 家。${phaseTxt}。`,
    lag.length || behind.length
      ? `未达进度的县（区）×行业单元 ${lag.length + behind.length} 个，其中严重滞后（低于应达进度 25 个百分点以上）${lag.length} 个` +
        (lag.length ? `：${lag.slice(0, 6).map((c) => `${county(c.county)}${categoryLabel(c.category)}（${pct(c.share)}）`).join('、')}${lag.length > 6 ? '等' : ''}。` : '。')
      : '各县（区）×行业单元均达到阶段进度要求。',
  ] });

  const mt = m.monitoringTotals;
  out.push({ key: 'monitoring', heading: '三、监测数据分析', paragraphs: [
    mt.siteDays
      ? `本期监测数据按单位逐日汇总共 ${num(mt.siteDays)} 个单位日。期间最高导线温度 ${fix1(mt.tMax)} ℃，最大剩余电流 ${fix1(mt.irMax)} mA；导线温度达到 60 ℃ 及以上的回路小时数 ${num(mt.hotHours)}，` +
        `剩余电流达到 30 mA 及以上的回路小时数 ${num(mt.leakHours)}，故障电弧信号 ${num(mt.arcs)} 次。`
      : '本期无监测汇总数据（终端未上报或单位尚未接入）。',
  ] });

  const topTypes = m.alarmTypes.slice(0, 3);
  const withAlarms = m.sectors.filter((s) => s.alarms > 0);
  const falseWorst = withAlarms.filter((s) => (s.falseRate ?? 0) > 0).sort((a, b) => (b.falseRate ?? 0) - (a.falseRate ?? 0))[0];
  out.push({ key: 'alarms', heading: '四、报警处置情况', paragraphs: [
    t.alarms
      ? `报警类型以${topTypes.map((x) => `${alarmTypeLabel(x.key)}（${num(x.n)} 次，占 ${pct(x.n / t.alarms)}）`).join('、')}为主。` +
        `已确认报警占 ${pct(t.ackRate)}，平均响应时间 ${hours(t.meanAckHours)}。` +
        (falseWorst ? `误报率最高的行业为${categoryLabel(falseWorst.key)}（${pct(falseWorst.falseRate)}），应督促技术服务单位调整阈值，提高系统与场所的适应匹配性及报警精确性。` : '')
      : '本期未发生报警。',
  ] });

  const lowRect = m.counties.filter((c) => c.hazardsNew >= 3 && c.rectificationRate != null).sort((a, b) => (a.rectificationRate ?? 0) - (b.rectificationRate ?? 0))[0];
  out.push({ key: 'hazards', heading: '五、隐患整改情况', paragraphs: [
    t.hazardsNew
      ? `新增隐患 ${num(t.hazardsNew)} 项，来源为${m.hazardSources.map((x) => `${hazardSourceLabel(x.key)} ${num(x.n)} 项`).join('、')}；已验收或销号 ${num(Math.round((t.rectificationRate ?? 0) * t.hazardsNew))} 项，整改率 ${pct(t.rectificationRate)}，平均整改用时 ${hours(t.meanRectifyHours)}。` +
        (lowRect ? `整改率最低的县（区）为${county(lowRect.key)}（${pct(lowRect.rectificationRate)}）。` : '')
      : '本期未新增隐患。',
    t.overdue ? `期末逾期未整改隐患 ${num(t.overdue)} 项，明细见表 5-2，应挂牌督办、限期整改到位。` : '期末无逾期未整改隐患。',
  ] });

  const worstCounties = m.counties.filter((c) => c.avgScore != null).slice(0, 3);
  const worstSites = m.sites.filter((s) => s.score && s.score.score < 60).slice(0, 5);
  const slowAck = m.counties.filter((c) => c.meanAckHours != null).sort((a, b) => (b.meanAckHours ?? 0) - (a.meanAckHours ?? 0))[0];
  out.push({ key: 'weak', heading: '六、查找不足（薄弱环节）', paragraphs: [
    worstCounties.length ? `平均安全评分最低的县（区）：${worstCounties.map((c) => `${county(c.key)}（${fix1(c.avgScore)} 分）`).join('、')}。` : '本期无已接入单位的评分。',
    worstSites.length ? `评分低于 60 分的单位：${worstSites.map((s) => `${s.nameZh}（${s.score!.score} 分）`).join('、')}${t.atRisk > 5 ? `等 ${t.atRisk} 家` : ''}，应作为下一阶段督导重点。` : '无评分低于 60 分的单位。',
    slowAck && (slowAck.meanAckHours ?? 0) > 1 ? `报警响应最慢的县（区）为${county(slowAck.key)}，平均 ${hours(slowAck.meanAckHours)}，应落实值守和预警信息接收人员。` : '',
  ].filter(Boolean) });

  const next: string[] = [];
  if (t.overdue) next.push(`对逾期未整改的 ${num(t.overdue)} 项隐患挂牌督办，技术服务单位要及时预警提醒、督促整改到位，并做好日常记录和抄告。`);
  if (lag.length || behind.length) next.push('对推广进度滞后的县（区）和行业加快勘察、安装和调试；对不具备通电、通网条件的单位，协调有关部门解决安装条件。');
  if ((t.falseRate ?? 0) > 0.15) next.push('误报率偏高，组织技术服务单位逐一核查报警阈值和安装位置，提高报警精确性。');
  if ((t.onlineRate ?? 1) < 0.95) next.push('部分终端离线，督促技术服务单位排查通信和供电，恢复在线监测。');
  next.push('技术服务单位持续开展对单位管理人员的培训，提高报警排查和隐患处置能力；消防部门将推广和整改情况纳入日常消防监督检查。');
  out.push({ key: 'next', heading: '七、下一步工作建议', paragraphs: next.map((s, i) => `${i + 1}. ${s}`) });
  return out;
}
