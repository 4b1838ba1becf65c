/**
 * Every incoming message passes here first: topic → size → UTF-8 → JSON → registry → schema → topic/payload
 * agreement → time window → channels. Pure (the registry and the clock are passed in), so it is unit-tested
 * against the hostile corpus without I/O. The first failing check decides the reason.
 */
import { isUtf8 } from 'node:buffer';
import type { z } from 'zod';
import {
  deviceEventSchema, MAX_TELEMETRY_BYTES, parseTopic, statusSchema, telemetrySchema,
  type DeviceEvent, type ParsedTopic, type Status, type Telemetry,
} from '../../lib/protocol/v1.ts';
import { fastCheck } from './fast-check.ts';
import type { RejectReason } from '../../lib/protocol/reject-reasons.ts';
import type { CircuitInfo, DeviceInfo } from './registry.ts';

export interface ValidateOpts {
  now: number;
  maxFutureMs: number;
  maxAgeMs: number;
  device(id: string): DeviceInfo | undefined;
}

export type Accepted =
  | { kind: 'telemetry'; topic: string; device: DeviceInfo; msg: Telemetry; circuits: CircuitInfo[] }
  | { kind: 'event'; topic: string; device: DeviceInfo; msg: DeviceEvent }
  | { kind: 'status'; topic: string; device: DeviceInfo; msg: Status };
export interface Rejected {
  kind: 'reject';
  reason: RejectReason;
  detail: string;
  /** the registered device the message came from; null when it could not be identified */
  deviceId: string | null;
}
export type Verdict = Accepted | Rejected;

const reject = (reason: RejectReason, detail: string, deviceId: string | null = null): Rejected => ({ kind: 'reject', reason, detail, deviceId });

/** Telemetry that passes this is exactly what zod would return (fast-check.ts); the rest goes through zod. */
const telemetryOk = fastCheck(telemetrySchema);

/**
 * parseTopic, remembered: a fleet uses a few topics per device, each on every report, and splitting them each
 * time was a good share of the worker's garbage. Bounded (cleared when full) against floods of made-up topics.
 */
const topics = new Map<string, ParsedTopic | null>();
const TOPICS_MAX = 200_000;
export function topicOf(topic: string): ParsedTopic | null {
  let t = topics.get(topic);
  if (t === undefined) {
    t = parseTopic(topic);
    if (topics.size >= TOPICS_MAX) topics.clear();
    topics.set(topic, t);
  }
  return t;
}

// zod issue → our reason; when several issues, the most telling one wins
const PRIORITY: RejectReason[] = ['unsupported_version', 'wrong_type', 'unknown_field', 'out_of_range', 'invalid'];
function schemaReason(err: z.ZodError): { reason: RejectReason; detail: string } {
  let best: RejectReason = 'invalid';
  let detail = '';
  for (const i of err.issues) {
    const path = i.path.join('.');
    let r: RejectReason = 'invalid';
    if (path === 'v') r = 'unsupported_version';
    else if (i.code === 'invalid_type') r = 'wrong_type';
    else if (i.code === 'unrecognized_keys') r = 'unknown_field';
    else if (i.code === 'too_big' || i.code === 'too_small') r = 'out_of_range';
    if (!detail || PRIORITY.indexOf(r) < PRIORITY.indexOf(best)) {
      best = r;
      detail = `${path || '(root)'}: ${i.message}`.slice(0, 200);
    }
  }
  return { reason: best, detail };
}

export function validate(topic: string, payload: Buffer, o: ValidateOpts): Verdict {
  const t = topicOf(topic);
  if (!t || (t.kind !== 'telemetry' && t.kind !== 'event' && t.kind !== 'status')) return reject('bad_topic', topic.slice(0, 200));
  const dev = o.device(t.device);
  const devId = dev ? dev.id : null;
  if (payload.length > MAX_TELEMETRY_BYTES) return reject('oversized', `${payload.length} bytes`, devId);
  if (!isUtf8(payload)) return reject('invalid_utf8', 'payload is not valid UTF-8', devId);
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch (e) {
    return reject('malformed_json', (e as Error).message.slice(0, 200), devId);
  }
  if (!dev) return reject('unknown_device', t.device);
  if (dev.siteId !== t.site) return reject('topic_mismatch', `device ${dev.id} belongs to site ${dev.siteId}, topic says ${t.site}`, devId);

  if (t.kind === 'status') {
    const r = statusSchema.safeParse(json);
    if (!r.success) return reject(...spread(schemaReason(r.error)), devId);
    if (r.data.ts !== undefined) {
      const bad = checkTs(r.data.ts, o);
      if (bad) return reject(bad.reason, bad.detail, devId);
    }
    return { kind: 'status', topic, device: dev, msg: r.data };
  }
  let msg: Telemetry | DeviceEvent;
  if (t.kind === 'telemetry' && telemetryOk?.(json)) msg = json as Telemetry;
  else {
    const r = (t.kind === 'telemetry' ? telemetrySchema : deviceEventSchema).safeParse(json);
    if (!r.success) return reject(...spread(schemaReason(r.error)), devId);
    msg = r.data;
  }
  if (msg.device !== t.device) return reject('topic_mismatch', `payload device ${msg.device} ≠ topic device ${t.device}`, devId);
  const bad = checkTs(msg.ts, o);
  if (bad) return reject(bad.reason, bad.detail, devId);

  if (t.kind === 'event') {
    const ev = msg as DeviceEvent;
    if (ev.ch !== undefined && !dev.circuits.has(ev.ch)) return reject('unknown_channel', `ch ${ev.ch}`, devId);
    return { kind: 'event', topic, device: dev, msg: ev };
  }
  const tel = msg as Telemetry;
  const circuits: CircuitInfo[] = [];
  let seen = 0;
  for (const c of tel.channels) {
    const info = dev.circuits.get(c.ch);
    if (!info) return reject('unknown_channel', `ch ${c.ch}`, devId);
    if (seen & (1 << c.ch)) return reject('duplicate_channel', `ch ${c.ch}`, devId);
    seen |= 1 << c.ch;
    circuits.push(info);
  }
  return { kind: 'telemetry', topic, device: dev, msg: tel, circuits };
}

function checkTs(ts: number, o: ValidateOpts): { reason: RejectReason; detail: string } | null {
  if (ts > o.now + o.maxFutureMs) return { reason: 'ts_future', detail: `ts ${ts} is ${Math.round((ts - o.now) / 1000)} s ahead` };
  if (ts < o.now - o.maxAgeMs) return { reason: 'ts_past', detail: `ts ${ts} is ${Math.round((o.now - ts) / 86_400_000)} days old` };
  return null;
}

function spread(x: { reason: RejectReason; detail: string }): [RejectReason, string] {
  return [x.reason, x.detail];
}
