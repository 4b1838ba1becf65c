/**
 * Latching (GB 14287: the alarm state is kept until manual reset). An electrical hazard of severity 报警 or 危急 holds
 * until a person resets it: when its condition is no longer seen it is 已恢复待复位 (recoveredAt), still active. 预警,
 * sensor faults and offline devices clear themselves. The ingest worker applies the rule to the alarms table; replay
 * applies it with `Latch`, so live and replay give the same records (docs/telemetry-v1.md, alarm record).
 */
import type { AlarmRecord, AlarmType, Severity } from '../protocol/v1.ts';
import { ALARM_TYPE_INFO } from './vocabulary/alarm-types.ts';
import { severityRank } from './vocabulary/severities.ts';

/** NOTIFY channel on which a reset tells the ingest worker (payload: the alarm id) */
export const ALARM_RESET_CHANNEL = 'esms_alarm_reset';

export function latches(type: AlarmType, severity: Severity): boolean {
  return !ALARM_TYPE_INFO[type].fault && severity !== 'warning';
}

export const worseSeverity = (a: Severity, b: Severity): Severity => (severityRank(a) >= severityRank(b) ? a : b);

interface Held {
  openedAt: number;
  severity: Severity;
  recoveredAt: number | null;
}

/**
 * Turns detection's records (open, escalate, clear) into latched alarm records for one stream. A latched alarm that
 * recovers gains recoveredAt and keeps clearedAt null; if its condition returns before a reset, the same alarm (same
 * openedAt) is active again, at the worse of the two severities. Nobody resets in a replay; `reset` is for tests.
 */
export class Latch {
  private held = new Map<string, Held>();

  apply<R extends AlarmRecord>(r: R): R {
    const key = `${r.device}/${r.ch ?? 0}/${r.type}`;
    const h = this.held.get(key);
    if (r.clearedAt === null) {
      if (h) {
        h.severity = worseSeverity(h.severity, r.severity);
        h.recoveredAt = null;
        return { ...r, openedAt: h.openedAt, severity: h.severity, recoveredAt: null };
      }
      if (latches(r.type, r.severity)) this.held.set(key, { openedAt: r.openedAt, severity: r.severity, recoveredAt: null });
      return r;
    }
    if (!h) return r;
    h.recoveredAt = r.clearedAt;
    const out: R & { reasonZh?: string } = { ...r, openedAt: h.openedAt, severity: h.severity, clearedAt: null, recoveredAt: r.clearedAt };
    out.reason = r.reason.replace(/^cleared; /, 'recovered, awaiting reset; ');
    if (typeof out.reasonZh === 'string') out.reasonZh = out.reasonZh.replace(/^已恢复；/, '已恢复待复位；');
    return out;
  }

  reset(device: string, ch: number | undefined, type: AlarmType): void {
    this.held.delete(`${device}/${ch ?? 0}/${type}`);
  }
}
