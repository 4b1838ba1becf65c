/**
 * A site's status, pure: offline when none of its devices is live; otherwise the highest severity among its
 * active hazard alarms; 'fault' when the only active alarms are sensor faults / offline devices; else normal.
 */
import { alarmStatus, worseStatus, type SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import type { AlarmType, Severity } from '../../lib/protocol/v1.ts';

export function siteStatus(anyDeviceLive: boolean, active: Iterable<{ type: AlarmType; severity: Severity }>): SiteStatus {
  if (!anyDeviceLive) return 'offline';
  let worst: SiteStatus = 'normal';
  for (const a of active) worst = worseStatus(worst, alarmStatus(a.type, a.severity));
  return worst;
}

/** A device is live when its last word was "online" (or data) and it spoke within 3 report intervals. */
export function deviceLive(online: boolean, lastHeardMs: number | null, reportIntervalS: number, now: number): boolean {
  return online && lastHeardMs !== null && now - lastHeardMs <= 3 * reportIntervalS * 1000;
}
