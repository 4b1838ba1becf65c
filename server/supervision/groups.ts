/** Roll site figures up to groups (the whole region, counties, sectors): KPIs and rankings, pure. */
import type { ScoredSite } from './stats.ts';
import { meanOf, ratio } from '../../lib/domain/kpi/ratio.ts';

export interface GroupStats {
  key: string;
  sites: number;
  connected: number;
  avgScore: number | null;
  minScore: number | null;
  atRisk: number;
  alarms: number;
  falseAlarms: number;
  falseRate: number | null;
  alarmsPerSite: number | null;
  meanAckHours: number | null;
  ackRate: number | null;
  hazardsNew: number;
  rectificationRate: number | null;
  meanRectifyHours: number | null;
  open: number;
  overdue: number;
  devices: number;
  devicesOnline: number;
  onlineRate: number | null;
  /** handling performance 0–100: 100 minus the response and rectification penalties, averaged over connected sites */
  handling: number | null;
}

export function group(key: string, rows: ScoredSite[]): GroupStats {
  let connected = 0, scoreSum = 0, minScore: number | null = null, atRisk = 0, alarms = 0, falseAlarms = 0, ackSum = 0, ackN = 0, acked = 0;
  let hazardsNew = 0, newDone = 0, rectN = 0, rectH = 0, open = 0, overdue = 0, devices = 0, online = 0, handlingSum = 0;
  for (const r of rows) {
    alarms += r.alarms;
    falseAlarms += r.falseAlarms;
    ackSum += r.ackHoursSum;
    ackN += r.ackN;
    acked += r.acked;
    hazardsNew += r.hazardsNew;
    newDone += r.hazardsNewRectified;
    rectN += r.rectifiedInWindow;
    rectH += r.rectifyHoursSum;
    open += r.openCritical + r.openAlarm + r.openWarning;
    overdue += r.overdueOpen;
    devices += r.devices;
    online += r.devicesOnline;
    if (r.score) {
      connected++;
      scoreSum += r.score.score;
      minScore = minScore == null ? r.score.score : Math.min(minScore, r.score.score);
      if (r.score.grade === 'risk') atRisk++;
      const pen = r.score.terms.filter((t) => t.key === 'response' || t.key === 'rectification').reduce((s, t) => s + t.penalty, 0);
      handlingSum += 100 - (pen * 100) / 30;
    }
  }
  return {
    key, sites: rows.length, connected,
    avgScore: meanOf(scoreSum, connected), minScore, atRisk,
    alarms, falseAlarms, falseRate: ratio(falseAlarms, alarms), alarmsPerSite: ratio(alarms, connected),
    meanAckHours: meanOf(ackSum, ackN), ackRate: ratio(acked, alarms),
    hazardsNew, rectificationRate: ratio(newDone, hazardsNew), meanRectifyHours: meanOf(rectH, rectN),
    open, overdue, devices, devicesOnline: online, onlineRate: ratio(online, devices),
    handling: meanOf(handlingSum, connected),
  };
}

export function groupBy(rows: ScoredSite[], keyOf: (r: ScoredSite) => string): GroupStats[] {
  const m = new Map<string, ScoredSite[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(r);
  }
  return [...m.entries()].map(([k, v]) => group(k, v));
}

/** Risk ranking: lowest average score first (no score last), then most open hazards. */
export function byRisk(a: GroupStats, b: GroupStats): number {
  return (a.avgScore ?? 101) - (b.avgScore ?? 101) || b.open - a.open || a.key.localeCompare(b.key);
}
/** Handling ranking: best handling first. */
export function byHandling(a: GroupStats, b: GroupStats): number {
  return (b.handling ?? -1) - (a.handling ?? -1) || (b.rectificationRate ?? -1) - (a.rectificationRate ?? -1) || a.key.localeCompare(b.key);
}
