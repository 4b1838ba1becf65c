/**
 * The per-site safety score (0–100), pure and transparent: 100 minus five capped penalties. See SCORE.md; the
 * tooltip on every score lists these terms with their inputs. Changing a weight here changes SCORE.md's table.
 */
import { TONES } from '../../lib/domain/vocabulary/index.ts';

export interface ScoreInputs {
  /** hazards open at the end of the window, by severity, and how many of them are past their deadline */
  openCritical: number;
  openAlarm: number;
  openWarning: number;
  overdueOpen: number;
  /** alarms opened in the window, false alarms excluded */
  alarmsWarning: number;
  alarmsAlarm: number;
  alarmsCritical: number;
  windowDays: number;
  /** mean response (acknowledgement) time in hours, each alarm capped at 24 h; null: no alarms */
  meanAckHours: number | null;
  /** hazards whose deadline fell in the last 90 days of the window, and how many were rectified late or not at all */
  dueHazards: number;
  lateHazards: number;
  /** detectors installed and online now */
  devices: number;
  devicesOnline: number;
}

export interface ScoreTerm {
  key: 'hazards' | 'alarms' | 'response' | 'rectification' | 'devices';
  zh: string;
  en: string;
  max: number;
  penalty: number;
  /** the inputs in words, e.g. "危急 1、报警 0、预警 2；逾期 1" */
  detailZh: string;
  detailEn: string;
}

export interface SiteScore {
  score: number;
  grade: 'good' | 'fair' | 'attention' | 'risk';
  terms: ScoreTerm[];
}

export const WEIGHTS = {
  hazards: { max: 30, critical: 10, alarm: 6, warning: 3, overdue: 5 },
  alarms: { max: 25, perPoint: 0.5, warning: 1, alarm: 3, critical: 6, perDays: 30 },
  response: { max: 15, freeHours: 0.5, capHours: 24 },
  rectification: { max: 15 },
  devices: { max: 15 },
} as const;

export const GRADE_INFO = {
  good: { zh: '优', en: 'Good', min: 90, color: TONES.good },
  fair: { zh: '良', en: 'Fair', min: 75, color: '#7cc7ff' },
  attention: { zh: '中', en: 'Attention', min: 60, color: TONES.watch },
  risk: { zh: '差', en: 'At risk', min: 0, color: TONES.bad },
} as const;

const r1 = (x: number) => Math.round(x * 10) / 10;
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

export function gradeOf(score: number): SiteScore['grade'] {
  return score >= 90 ? 'good' : score >= 75 ? 'fair' : score >= 60 ? 'attention' : 'risk';
}

export function siteScore(i: ScoreInputs): SiteScore {
  const W = WEIGHTS;
  const hz = Math.min(W.hazards.max, W.hazards.critical * i.openCritical + W.hazards.alarm * i.openAlarm + W.hazards.warning * i.openWarning + W.hazards.overdue * i.overdueOpen);
  const weighted = W.alarms.warning * i.alarmsWarning + W.alarms.alarm * i.alarmsAlarm + W.alarms.critical * i.alarmsCritical;
  const per30 = i.windowDays > 0 ? (weighted * W.alarms.perDays) / i.windowDays : 0;
  const al = Math.min(W.alarms.max, W.alarms.perPoint * per30);
  const rs = i.meanAckHours == null ? 0 : W.response.max * clamp01((i.meanAckHours - W.response.freeHours) / (W.response.capHours - W.response.freeHours));
  const lateShare = i.dueHazards > 0 ? i.lateHazards / i.dueHazards : 0;
  const rt = W.rectification.max * lateShare;
  const offShare = i.devices > 0 ? 1 - i.devicesOnline / i.devices : 0;
  const dv = W.devices.max * offShare;
  const terms: ScoreTerm[] = [
    { key: 'hazards', zh: '未整改隐患', en: 'Open hazards', max: W.hazards.max, penalty: r1(hz),
      detailZh: `危急 ${i.openCritical}、报警 ${i.openAlarm}、预警 ${i.openWarning}；逾期 ${i.overdueOpen}`,
      detailEn: `critical ${i.openCritical}, alarm ${i.openAlarm}, warning ${i.openWarning}; overdue ${i.overdueOpen}` },
    { key: 'alarms', zh: '报警频次与级别', en: 'Alarm frequency and severity', max: W.alarms.max, penalty: r1(al),
      detailZh: `${i.windowDays} 天内 危急 ${i.alarmsCritical}、报警 ${i.alarmsAlarm}、预警 ${i.alarmsWarning}（折合每 30 天 ${r1(per30)} 分值）`,
      detailEn: `${i.windowDays} d: critical ${i.alarmsCritical}, alarm ${i.alarmsAlarm}, warning ${i.alarmsWarning} (${r1(per30)} weighted per 30 d)` },
    { key: 'response', zh: '报警响应（确认）时间', en: 'Response (acknowledgement) time', max: W.response.max, penalty: r1(rs),
      detailZh: i.meanAckHours == null ? '无报警' : `平均 ${r1(i.meanAckHours)} 小时（0.5 小时内不扣分，24 小时封顶）`,
      detailEn: i.meanAckHours == null ? 'no alarms' : `mean ${r1(i.meanAckHours)} h (free ≤ 0.5 h, capped at 24 h)` },
    { key: 'rectification', zh: '隐患整改时效', en: 'Rectification timeliness', max: W.rectification.max, penalty: r1(rt),
      detailZh: i.dueHazards ? `近 90 天到期 ${i.dueHazards} 项，逾期或未整改 ${i.lateHazards} 项` : '近 90 天无到期隐患',
      detailEn: i.dueHazards ? `${i.lateHazards} of ${i.dueHazards} due in 90 d late or open` : 'none due in 90 d' },
    { key: 'devices', zh: '设备在线', en: 'Device health', max: W.devices.max, penalty: r1(dv),
      detailZh: `在线 ${i.devicesOnline}/${i.devices}`, detailEn: `online ${i.devicesOnline}/${i.devices}` },
  ];
  const score = Math.max(0, Math.min(100, Math.round(100 - hz - al - rs - rt - dv)));
  return { score, grade: gradeOf(score), terms };
}

/** One line per term for a plain-text tooltip (title attribute) or a PDF footnote. */
export function explainText(s: SiteScore): string {
  return [`安全评分 ${s.score} = 100`, ...s.terms.map((t) => `− ${t.penalty.toFixed(1)} ${t.zh}（上限 ${t.max}；${t.detailZh}）`)].join('\n');
}
