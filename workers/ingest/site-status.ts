/**
 * A site's status, pure: unequipped (未接入) when it has no device yet; offline when none of its devices is live;
 * otherwise the worst of its active alarms (lib/domain/vocabulary/site-statuses.ts: severity, 'fault' for equipment
 * faults, 'recovered' for a latched alarm awaiting reset); else normal.
 */
import { alarmStatus, worseStatus, type SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import type { AlarmType, Severity } from '../../lib/protocol/v1.ts';

export function siteStatus(hasDevices: boolean, anyDeviceLive: boolean, active: Iterable<{ type: AlarmType; severity: Severity; recovered?: boolean }>): SiteStatus {
  if (!hasDevices) return 'unequipped';
  if (!anyDeviceLive) return 'offline';
  let worst: SiteStatus = 'normal';
  for (const a of active) worst = worseStatus(worst, alarmStatus(a.type, a.severity, a.recovered));
  return worst;
}

/** A device is live when its last word was "online" (or data) and it spoke within 3 report intervals. */
export function deviceLive(online: boolean, lastHeardMs: number | null, reportIntervalS: number, now: number): boolean {
  return online && lastHeardMs !== null && now - lastHeardMs <= 3 * reportIntervalS * 1000;
}
