/**
 * Events that cross processes over socket.io, typed once and versioned (v). Workers publish through the
 * portal's internal namespace; the portal relays to rooms decided by server/auth/scope.ts.
 */
import type { AlarmType, Severity } from '../protocol/v1.ts';
import type { SiteStatus } from '../domain/catalog.ts';

export const REALTIME_VERSION = 1 as const;

export interface SiteDelta {
  id: string;
  status: SiteStatus;
  /** epoch ms of the newest sample seen from the site */
  lastSeenAt: number | null;
  activeAlarms: number;
}

export interface CircuitLatest {
  circuitId: number;
  ts: number;
  ia?: number;
  ib?: number;
  ic?: number;
  ir?: number;
  ta?: number;
  tb?: number;
  tc?: number;
  tn?: number;
  ua?: number;
  ub?: number;
  uc?: number;
  arc?: number;
}

export interface AlarmEventPayload {
  id: number;
  siteId: string;
  siteName: string;
  countyAdcode: number;
  category: string;
  deviceId: string;
  ch: number | null;
  circuitId: number | null;
  circuitName: string | null;
  type: AlarmType;
  severity: Severity;
  openedAt: number;
  clearedAt: number | null;
  value: number | null;
  threshold: number | null;
  reasonZh: string;
  reasonEn: string;
  /** opened | escalated | updated | cleared */
  change: 'opened' | 'escalated' | 'updated' | 'cleared';
}

/** What browsers receive. Batches are coalesced per interval by the publisher. */
export interface ServerToClientEvents {
  'sites:delta': (msg: { v: 1; at: number; sites: SiteDelta[] }) => void;
  'circuits:delta': (msg: { v: 1; at: number; siteId: string; circuits: CircuitLatest[] }) => void;
  alarm: (msg: { v: 1; alarm: AlarmEventPayload }) => void;
  hello: (msg: { v: 1; rooms: string[]; user: string }) => void;
  /** a personal notification (alarm, escalation, hazard, digest), sent to the room userRoom(id) */
  notification: (msg: { v: 1; notification: NotificationPayload }) => void;
}

/** Per-user room every browser socket joins; only the notify worker publishes to it. */
export const userRoom = (userId: number) => `user:${userId}`;

export interface NotificationPayload {
  id: number;
  kind: 'alarm' | 'escalation' | 'hazard' | 'digest';
  change: string;
  severity: Severity;
  title: string;
  body: string;
  url: string;
  alarmId: number | null;
  hazardId: number | null;
  siteId: string | null;
  siteName: string | null;
  createdAt: number;
  /** when the underlying event was recorded (alarm row written): for latency */
  eventAt: number;
}

export type JoinAck = { ok: true; room: string } | { ok: false; room: string; error: string };
export interface ClientToServerEvents {
  join: (room: string, ack: (r: JoinAck) => void) => void;
  leave: (room: string) => void;
}

/** Internal namespace `/internal`: workers → portal. `rooms` are computed by the worker with roomsForSite(). */
export interface InternalPublish {
  v: 1;
  rooms: string[];
  event: 'sites:delta' | 'circuits:delta' | 'alarm' | 'notification';
  payload: unknown;
}
export interface InternalClientToServer {
  publish: (msg: InternalPublish) => void;
  /** liveness + counters for /api/health, every few seconds */
  beat: (info: Record<string, unknown>) => void;
}
