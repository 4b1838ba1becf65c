/**
 * A site's status, pure: offline when none of its devices is live; otherwise the highest severity among its
 * active hazard alarms; 'fault' when the only active alarms are sensor faults / offline devices; else normal.
 */
import type { SiteStatus } from '../../lib/domain/catalog.ts';
import type { AlarmType, Severity } from '../../lib/protocol/v1.ts';

const FAULT_TYPES: ReadonlySet<AlarmType> = new Set(['sensor_fault', 'device_offline']);
const RANK: Record<Severity, number> = { warning: 1, alarm: 2, critical: 3 };

export function siteStatus(anyDeviceLive: boolean, active: Iterable<{ type: AlarmType; severity: Severity }>): SiteStatus {
  if (!anyDeviceLive) return 'offline';
  let best: Severity | null = null;
  let fault = false;
  for (const a of active) {
    if (FAULT_TYPES.has(a.type)) fault = true;
    else if (!best || RANK[a.severity] > RANK[best]) best = a.severity;
  }
  return best ?? (fault ? 'fault' : 'normal');
}

/** A device is live when its last word was "online" (or data) and it spoke within 3 report intervals. */
export function deviceLive(online: boolean, lastHeardMs: number | null, reportIntervalS: number, now: number): boolean {
  return online && lastHeardMs !== null && now - lastHeardMs <= 3 * reportIntervalS * 1000;
}
