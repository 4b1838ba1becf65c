/**
 * The alarm feed (right-column list and bottom ticker): the server's newest alarms merged with socket events
 * that arrived since, newest first, de-duplicated by id. Pure.
 */
import type { AlarmEventPayload } from '../../../lib/events/realtime.ts';
import type { AlarmType, Severity } from '../../../lib/protocol/v1.ts';
import { alarmStatus, isFaultType, severityRank } from '../../../lib/domain/vocabulary/index.ts';

export interface FeedItem {
  id: number;
  siteId: string;
  siteName: string;
  siteNameEn?: string;
  county: number;
  category: string;
  type: AlarmType;
  severity: Severity;
  openedAt: number;
  clearedAt: number | null;
  /** latched, its condition gone: awaiting a reset */
  recoveredAt?: number | null;
  circuitName: string | null;
}

export function fromEvent(a: AlarmEventPayload): FeedItem {
  return {
    id: a.id,
    siteId: a.siteId,
    siteName: a.siteName,
    county: a.countyAdcode,
    category: a.category,
    type: a.type,
    severity: a.severity,
    openedAt: a.openedAt,
    clearedAt: a.clearedAt,
    recoveredAt: a.recoveredAt,
    circuitName: a.circuitName,
  };
}

export function mergeFeed(server: readonly FeedItem[], live: readonly FeedItem[], limit = 30): FeedItem[] {
  const byId = new Map<number, FeedItem>();
  for (const x of server) byId.set(x.id, x);
  // socket events are newer than (or as new as) the last server answer for the same alarm
  for (const x of live) byId.set(x.id, { ...byId.get(x.id), ...x, siteNameEn: x.siteNameEn ?? byId.get(x.id)?.siteNameEn });
  return [...byId.values()].sort((a, b) => b.openedAt - a.openedAt || b.id - a.id).slice(0, limit);
}

/** the label a feed line wears: its severity, 故障 for equipment faults, 已恢复待复位 for a latched alarm that recovered */
export function feedLevel(x: Pick<FeedItem, 'type' | 'severity' | 'recoveredAt'>): 'fault' | 'recovered' | Severity {
  return alarmStatus(x.type, x.severity, x.recoveredAt != null);
}

/** active alarms for the right-column list: most severe first, then newest */
export function activeFirst(items: readonly FeedItem[], limit: number): FeedItem[] {
  return items
    .filter((x) => x.clearedAt == null && !isFaultType(x.type))
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.openedAt - a.openedAt)
    .slice(0, limit);
}
