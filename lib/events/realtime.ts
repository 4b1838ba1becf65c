/**
 * Events that cross processes over socket.io, typed once and versioned (v). Workers publish through the
 * portal's internal namespace (platform/realtime/internal-client.ts); the portal (server/realtime/gateway.ts)
 * relays to rooms decided by platform/scope.ts.
 */
import type { AlarmType, Severity } from '../protocol/v1.ts';
import type { SiteStatus } from '../domain/vocabulary/index.ts';

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
  /** 报警/危急 whose condition is no longer seen: still active until a person resets it (lib/domain/alarm-latching.ts) */
  recoveredAt: number | null;
  value: number | null;
  threshold: number | null;
  reasonZh: string;
  reasonEn: string;
  /** recovered: the condition is gone, the alarm awaits reset; reset: a person reset it (it is cleared) */
  change: 'opened' | 'escalated' | 'updated' | 'recovered' | 'cleared' | 'reset';
}

/**
 * Each browser-bound event's message, by event name: the one map that both what browsers receive
 * (ServerToClientEvents) and what workers publish (InternalPublish) derive from. Batches are coalesced per
 * interval by the publisher.
 */
export interface RealtimeMessages {
  'sites:delta': { v: typeof REALTIME_VERSION; at: number; sites: SiteDelta[] };
  'circuits:delta': { v: typeof REALTIME_VERSION; at: number; siteId: string; circuits: CircuitLatest[] };
  alarm: { v: typeof REALTIME_VERSION; alarm: AlarmEventPayload };
  /** the portal's own greeting on connect (never relayed) */
  hello: { v: typeof REALTIME_VERSION; rooms: string[]; user: string };
  /** a personal notification (alarm, escalation, hazard, digest), sent to the room userRoom(id) */
  notification: { v: typeof REALTIME_VERSION; notification: NotificationPayload };
}

/** What browsers receive. */
export type ServerToClientEvents = { [E in keyof RealtimeMessages]: (msg: RealtimeMessages[E]) => void };

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

/** The events a worker may have the portal relay to rooms. */
export const RELAYED_EVENTS = ['sites:delta', 'circuits:delta', 'alarm', 'notification'] as const satisfies readonly (keyof RealtimeMessages)[];
export type RelayedEvent = (typeof RELAYED_EVENTS)[number];

/**
 * Internal namespace `/internal`: workers → portal. One variant per relayed event, so the payload's type follows
 * `event`; `rooms` are computed by the worker with roomsForSite() / userRoom().
 */
export type InternalPublish = {
  [E in RelayedEvent]: { v: typeof REALTIME_VERSION; rooms: string[]; event: E; payload: RealtimeMessages[E] };
}[RelayedEvent];

/** The message a worker publishes for one event (e.g. InternalPublishOf<'alarm'>). */
export type InternalPublishOf<E extends RelayedEvent> = Extract<InternalPublish, { event: E }>;
export interface InternalClientToServer {
  publish: (msg: InternalPublish) => void;
  /** liveness + counters for /api/health, every few seconds */
  beat: (info: Record<string, unknown>) => void;
}
