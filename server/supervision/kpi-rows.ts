/**
 * The headline figures of a region and window, as the supervision page, the report's 「主要指标」 table and its
 * XLSX sheet all show them: one list, labels and wording from lib/domain/kpi (docs/KPI.md).
 */
import { KPI, kpiText, type KpiId } from '../../lib/domain/kpi/index.ts';
import type { GroupStats } from './groups.ts';

export interface KpiRow {
  id: KpiId | 'avgScore' | 'connected';
  zh: string;
  en: string;
  value: number | null;
  text: string;
}

const row = (id: KpiId, value: number | null): KpiRow => ({ id, zh: KPI[id].zh, en: KPI[id].en, value, text: kpiText(id, value) });

export function kpiRows(k: GroupStats): KpiRow[] {
  return [
    row('alarmsInWindow', k.alarms),
    row('falseAlarmRate', k.falseRate),
    row('meanAckHours', k.meanAckHours),
    row('ackRate', k.ackRate),
    { id: 'connected', zh: '已接入 / 单位', en: 'Fitted / sites', value: k.connected, text: `${k.connected}/${k.sites}` },
    row('rectificationRate', k.rectificationRate),
    row('meanRectifyHours', k.meanRectifyHours),
    row('hazardsOpen', k.open),
    row('hazardsOverdue', k.overdue),
    row('devicesOnlineRate', k.onlineRate),
    { id: 'avgScore', zh: '平均安全评分', en: 'Mean safety score', value: k.avgScore, text: k.avgScore == null ? '—' : (Math.round(k.avgScore * 10) / 10).toFixed(1) },
  ];
}
