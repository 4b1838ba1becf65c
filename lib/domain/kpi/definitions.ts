/**
 * One definition per figure: what it counts, over which scope and window, and what an empty base shows. The big
 * screen, the supervision dashboards, the reports, the public aggregates and the digests label their figures from
 * here and compute them with the functions next to this file; docs/KPI.md is the same table in prose.
 */

export const KPI_IDS = [
  'sitesOnlineRate', 'devicesOnlineRate', 'sitesUnequipped', 'coverage', 'planProgress',
  'activeAlarms', 'activeRecovered', 'alarmsInWindow', 'falseAlarmRate',
  'meanAckHours', 'ackRate', 'hazardsOpen', 'hazardsOverdue', 'rectificationRate', 'rectificationRateAll',
  'meanRectifyHours', 'safetyScore',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export type KpiWindow = 'now' | 'window';

export interface KpiDefinition {
  zh: string;
  en: string;
  /** the formula in words */
  formulaZh: string;
  window: KpiWindow;
  kind: 'count' | 'share' | 'hours' | 'score';
}

/** the page every screen and report cites for these definitions */
export const KPI_DOC = 'docs/KPI.md';

export const KPI: Record<KpiId, KpiDefinition> = {
  sitesOnlineRate: { zh: '在线率（已接入单位）', en: 'Online rate (fitted sites)', window: 'now', kind: 'share',
    formulaZh: '有设备且至少一台在线的单位 ÷ 有设备的单位；未接入单位不在分母内' },
  devicesOnlineRate: { zh: '设备在线率', en: 'Device online rate', window: 'now', kind: 'share',
    formulaZh: '在线设备 ÷ 已安装设备' },
  sitesUnequipped: { zh: '未接入单位', en: 'Sites not yet fitted', window: 'now', kind: 'count',
    formulaZh: '尚无任何设备的单位（状态“未接入”，不是“离线”）' },
  coverage: { zh: '覆盖率（已投运 / 目标）', en: 'Coverage (in service / target)', window: 'now', kind: 'share',
    formulaZh: '已投运单位 ÷ 实施方案目标单位数' },
  planProgress: { zh: '计划进度（按期应完成 / 已完成）', en: 'Plan progress (due by today / done)', window: 'now', kind: 'share',
    formulaZh: '已完成份额对比方案按今日应完成份额；差距超过 2 个百分点为“滞后”，已完成 100% 为“已完成”' },
  activeAlarms: { zh: '活动报警', en: 'Active alarms', window: 'now', kind: 'count',
    formulaZh: '未解除（cleared_at 为空）且非误报的隐患类报警，含已恢复待复位；设备故障另计' },
  activeRecovered: { zh: '已恢复待复位', en: 'Recovered, awaiting reset', window: 'now', kind: 'count',
    formulaZh: '活动报警中 recovered_at 非空、cleared_at 为空者' },
  alarmsInWindow: { zh: '报警（期内新增）', en: 'Alarms opened in the window', window: 'window', kind: 'count',
    formulaZh: '期内产生的全部报警（含误报）；图表按级别分列时不含误报' },
  falseAlarmRate: { zh: '误报率', en: 'False-alarm rate', window: 'window', kind: 'share',
    formulaZh: '期内标记为误报的报警 ÷ 期内报警' },
  meanAckHours: { zh: '平均响应时间', en: 'Mean response time', window: 'window', kind: 'hours',
    formulaZh: '期内非误报报警，从产生到确认的时长（未确认者计至统计时点），每条封顶 24 小时，取平均' },
  ackRate: { zh: '确认率', en: 'Acknowledged share', window: 'window', kind: 'share',
    formulaZh: '期内报警中于统计时点前已确认者 ÷ 期内报警' },
  hazardsOpen: { zh: '未整改隐患', en: 'Open hazards', window: 'now', kind: 'count',
    formulaZh: '统计时点处于待派单、整改中、待复核或退回状态的隐患' },
  hazardsOverdue: { zh: '逾期隐患', en: 'Overdue hazards', window: 'now', kind: 'count',
    formulaZh: '统计时点尚未复核通过且整改期限已过的隐患' },
  rectificationRate: { zh: '整改率（期内新增）', en: 'Rectification rate (new in window)', window: 'window', kind: 'share',
    formulaZh: '期内新增隐患中于统计时点前已复核通过或关闭者 ÷ 期内新增隐患' },
  rectificationRateAll: { zh: '隐患整改率（累计）', en: 'Rectification rate (all time)', window: 'now', kind: 'share',
    formulaZh: '已复核通过或关闭的隐患 ÷ 全部隐患；尚无隐患时显示“—”' },
  meanRectifyHours: { zh: '平均整改用时', en: 'Mean rectification time', window: 'window', kind: 'hours',
    formulaZh: '期内复核通过或关闭的隐患，从登记到复核的平均时长' },
  safetyScore: { zh: '安全评分', en: 'Safety score', window: 'window', kind: 'score',
    formulaZh: '100 减五项扣分（未整改隐患、报警频次、响应、整改时效、设备在线），统计时点为期末或当前时刻；见 server/supervision/SCORE.md' },
};

/** the label a screen shows for a figure */
export const kpiLabel = (id: KpiId, lang: 'zh' | 'en' = 'zh') => KPI[id][lang];
