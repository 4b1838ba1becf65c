/**
 * Site states at an instant, rebuilt from stored alarm intervals (opened_at/cleared_at) with the same rule as
 * the live system (workers/ingest/site-status.ts): the highest severity of the active hazard alarms, 'fault'
 * when only sensor faults / offline devices are active. Pure; used by the playback in the browser.
 */
import { alarmStatus, worseStatus, type SiteStatus } from '../vocabulary/index.ts';
import type { AlarmType, Severity } from '../../protocol/v1.ts';

export interface ReplayInterval {
  id: number;
  siteId: string;
  openedAt: number;
  clearedAt: number | null;
  severity: Severity;
  type: AlarmType;
}

export const isActiveAt = (a: ReplayInterval, t: number) => a.openedAt <= t && (a.clearedAt == null || a.clearedAt > t);

/** Abnormal sites at time t (sites not in the map are in their base state). */
export function statesAt(intervals: readonly ReplayInterval[], t: number): Map<string, SiteStatus> {
  const out = new Map<string, SiteStatus>();
  for (const a of intervals) {
    if (!isActiveAt(a, t)) continue;
    out.set(a.siteId, worseStatus(out.get(a.siteId), alarmStatus(a.type, a.severity)));
  }
  return out;
}

/** Alarms opened in (t0, t1]: the pulses and ticker lines of one playback step. */
export function openedBetween(intervals: readonly ReplayInterval[], t0: number, t1: number): ReplayInterval[] {
  return intervals.filter((a) => a.openedAt > t0 && a.openedAt <= t1);
}

/** Alarms active at t, newest first (the playback ticker). */
export function activeAt(intervals: readonly ReplayInterval[], t: number, limit = 30): ReplayInterval[] {
  const out: ReplayInterval[] = [];
  for (let i = intervals.length - 1; i >= 0 && out.length < limit; i--) if (isActiveAt(intervals[i], t)) out.push(intervals[i]);
  return out.sort((a, b) => b.openedAt - a.openedAt || b.id - a.id);
}

export const PLAYBACK_SPEEDS = [60, 600, 3600] as const;
