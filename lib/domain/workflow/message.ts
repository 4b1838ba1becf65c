/** What a notification says, in Chinese first (pure): one render for every channel. */
import { alarmTypeLabel, SEVERITY_INFO } from '../vocabulary/index.ts';
import { LEVEL_INFO } from './escalation.ts';
import { durationZh, formatBeijing } from './quiet-hours.ts';

export interface NotificationMessage {
  kind: 'alarm' | 'escalation' | 'hazard' | 'digest';
  change: string;
  severity: 'warning' | 'alarm' | 'critical';
  title: string;
  body: string;
  /** portal path, absolute URLs are made by the channel */
  url: string;
  alarmId: number | null;
  hazardId: number | null;
  siteId: string | null;
  siteName: string | null;
  /** epoch ms when the underlying event was recorded (latency measurements) */
  eventAt: number;
}

export interface EventFacts {
  kind: NotificationMessage['kind'];
  change: string;
  severity: NotificationMessage['severity'];
  level: number;
  createdAt: Date;
  alarm?: { id: number; type: string; openedAt: Date; circuitName: string | null; deviceId: string; reasonZh: string; value: number | null; threshold: number | null } | null;
  hazard?: { id: number; title: string; state: string; deadline: Date | null } | null;
  site?: { id: string; nameZh: string } | null;
  digest?: { id: number; periodStart: Date; periodEnd: Date; newHazards: number; open: number; overdue: number; closed: number; alarms: number; falseRate: number } | null;
}

const CHANGE_ZH: Record<string, string> = { opened: '新报警', escalated: '报警升级', cleared: '报警解除' };
const HAZARD_CHANGE_ZH: Record<string, string> = {
  assigned: '隐患已派发给您',
  overdue: '隐患整改已超期',
  submitted: '隐患整改待验收',
  returned: '隐患整改被退回',
  closed: '隐患已销号',
};

export function renderMessage(e: EventFacts): NotificationMessage {
  const base = {
    kind: e.kind,
    change: e.change,
    severity: e.severity,
    alarmId: e.alarm?.id ?? null,
    hazardId: e.hazard?.id ?? null,
    siteId: e.site?.id ?? null,
    siteName: e.site?.nameZh ?? null,
    eventAt: e.createdAt.getTime(),
  };
  const sev = SEVERITY_INFO[e.severity].zh;
  const where = e.site?.nameZh ?? '';
  if ((e.kind === 'alarm' || e.kind === 'escalation') && e.alarm) {
    const a = e.alarm;
    const type = alarmTypeLabel(a.type);
    const circuit = a.circuitName ? ` · ${a.circuitName}` : ` · ${a.deviceId}`;
    const measured = a.value != null ? `（测量值 ${round(a.value)}${a.threshold != null ? `，阈值 ${round(a.threshold)}` : ''}）` : '';
    const head =
      e.kind === 'escalation'
        ? `【${sev}·未确认升级】${where} ${type}`
        : e.change === 'cleared'
          ? `【已解除】${where} ${type}（${sev}）`
          : `【${sev}】${CHANGE_ZH[e.change] ?? ''}：${where} ${type}`;
    const lines = [
      `${where}${circuit}：${type}${measured}`,
      a.reasonZh,
      `发生时间 ${formatBeijing(a.openedAt)}`,
      e.kind === 'escalation'
        ? `报警 ${durationZh(e.createdAt.getTime() - a.openedAt.getTime())} 未确认，已升级至${LEVEL_INFO[e.level]?.zh ?? ''}，请督促处置。`
        : e.change === 'cleared'
          ? '报警已解除，请确认现场情况。'
          : '请及时到场核查并在平台确认处置。',
    ].filter(Boolean);
    return { ...base, title: head, body: lines.join('\n'), url: `/alarms/${a.id}` };
  }
  if (e.kind === 'hazard' && e.hazard) {
    const h = e.hazard;
    const deadline = h.deadline ? `整改期限 ${formatBeijing(h.deadline)}` : '';
    return {
      ...base,
      title: `【隐患·${sev}】${HAZARD_CHANGE_ZH[e.change] ?? e.change}：${where}`,
      body: [`隐患 #${h.id} ${h.title}`, deadline].filter(Boolean).join('\n'),
      url: `/hazards/${h.id}`,
    };
  }
  if (e.kind === 'digest' && e.digest) {
    const d = e.digest;
    return {
      ...base,
      title: `【抄告】${formatBeijing(d.periodStart)} 至 ${formatBeijing(d.periodEnd)} 用电安全简报`,
      body: `新增隐患 ${d.newHazards}，未整改 ${d.open}，超期 ${d.overdue}，已销号 ${d.closed}；报警 ${d.alarms} 起，误报率 ${(d.falseRate * 100).toFixed(1)}%。`,
      url: `/records/digests/${d.id}`,
    };
  }
  return { ...base, title: `【${sev}】${where}`, body: '', url: '/alarms' };
}

const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 10) / 10);
