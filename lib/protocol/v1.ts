/**
 * Device protocol v1 (docs/telemetry-v1.md), typed once for every process and the browser.
 * Schemas are strict: unknown keys are rejected so vendor drift is visible in quarantine.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1 as const;
export const MAX_TELEMETRY_BYTES = 16 * 1024;
export const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const registryId = z.string().regex(ID_RE);

const epochMs = z.number().int().nonnegative();
const amps = z.number().finite().min(0).max(6300);
const celsius = z.number().finite().min(-40).max(300);
const volts = z.number().finite().min(0).max(500);

export const channelSchema = z
  .object({
    ch: z.number().int().min(1).max(16),
    ia: amps.optional(),
    ib: amps.optional(),
    ic: amps.optional(),
    ir: z.number().finite().min(0).max(30000).optional(),
    ta: celsius.optional(),
    tb: celsius.optional(),
    tc: celsius.optional(),
    tn: celsius.optional(),
    ua: volts.optional(),
    ub: volts.optional(),
    uc: volts.optional(),
    arc: z.number().int().nonnegative().optional(),
  })
  .strict();
export type Channel = z.infer<typeof channelSchema>;

export const ambientSchema = z
  .object({ t: z.number().finite().min(-60).max(120).optional(), rh: z.number().finite().min(0).max(100).optional() })
  .strict();

export const telemetrySchema = z
  .object({
    v: z.literal(1),
    device: registryId,
    seq: z.number().int().min(0).max(2 ** 32 - 1),
    ts: epochMs,
    channels: z.array(channelSchema).min(1).max(16),
    ambient: ambientSchema.optional(),
  })
  .strict();
export type Telemetry = z.infer<typeof telemetrySchema>;

export const EVENT_CODES = [
  'residual_alarm',
  'temperature_alarm',
  'arc_alarm',
  'sensor_fault',
  'self_test',
  'power_lost',
  'power_restored',
  'tamper',
] as const;
export type EventCode = (typeof EVENT_CODES)[number];

export const deviceEventSchema = z
  .object({
    v: z.literal(1),
    device: registryId,
    seq: z.number().int().min(0).max(2 ** 32 - 1),
    ts: epochMs,
    ch: z.number().int().min(1).max(16).optional(),
    code: z.enum(EVENT_CODES),
    value: z.number().finite().optional(),
  })
  .strict();
export type DeviceEvent = z.infer<typeof deviceEventSchema>;

export const statusSchema = z
  .object({
    v: z.literal(1),
    online: z.boolean(),
    ts: epochMs.optional(), // the will message carries no ts
    fw: z.string().max(64).optional(),
    rssi: z.number().finite().optional(),
  })
  .strict();
export type Status = z.infer<typeof statusSchema>;

export const COMMANDS = ['self_test', 'trip', 'reset', 'set_thresholds'] as const;
export const commandSchema = z
  .object({
    v: z.literal(1),
    id: z.string().uuid(),
    cmd: z.enum(COMMANDS),
    ch: z.number().int().min(1).max(16).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    ts: epochMs,
  })
  .strict();
export type Command = z.infer<typeof commandSchema>;

export const commandAckSchema = z
  .object({ v: z.literal(1), id: z.string().uuid(), ok: z.boolean(), error: z.string().max(500).optional(), ts: epochMs })
  .strict();
export type CommandAck = z.infer<typeof commandAckSchema>;

// ---- circuit registry --------------------------------------------------------------------------
export const INSULATIONS = ['PVC', 'XLPE', 'rubber'] as const;
export type Insulation = (typeof INSULATIONS)[number];
export const INSULATION_LIMIT_C: Record<Insulation, number> = { PVC: 70, XLPE: 90, rubber: 60 };
export const LOAD_TYPES = ['lighting', 'sockets', 'heating', 'motor', 'mixed'] as const;
export type LoadType = (typeof LOAD_TYPES)[number];

export const SITE_CATEGORIES = [
  'relic',
  'temple',
  'school',
  'welfare',
  'hospital',
  'mall',
  'entertainment',
  'gas',
  'mine',
  'hazchem',
] as const;
export type SiteCategory = (typeof SITE_CATEGORIES)[number];

export const registryEntrySchema = z.object({
  device: registryId,
  ch: z.number().int().min(1).max(16),
  site: registryId,
  siteCategory: z.string().min(1).max(64),
  phases: z.union([z.literal(1), z.literal(3)]),
  ratedCurrentA: z.number().positive().max(6300),
  cableMm2: z.number().positive().max(1000),
  insulation: z.enum(INSULATIONS),
  maxConductorC: z.number().min(20).max(300),
  loadType: z.enum(LOAD_TYPES),
  reportIntervalS: z.number().positive().max(86400),
});
export type RegistryEntry = z.infer<typeof registryEntrySchema>;
export const registryFileSchema = z.array(registryEntrySchema);

// ---- alarms ------------------------------------------------------------------------------------
export const ALARM_TYPES = [
  'overload',
  'overtemperature',
  'residual_current',
  'insulation_degradation',
  'abnormal_heating',
  'arc_fault',
  'phase_imbalance',
  'voltage_abnormal',
  'sensor_fault',
  'device_offline',
] as const;
export type AlarmType = (typeof ALARM_TYPES)[number];
export const SEVERITIES = ['warning', 'alarm', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const alarmRecordSchema = z.object({
  device: registryId,
  ch: z.number().int().min(1).max(16).optional(),
  type: z.enum(ALARM_TYPES),
  severity: z.enum(SEVERITIES),
  openedAt: epochMs,
  clearedAt: epochMs.nullable(),
  /** an alarm/critical hazard whose condition is no longer seen: still active until a person resets it */
  recoveredAt: epochMs.nullable().optional(),
  value: z.number().nullable().optional(),
  threshold: z.number().nullable().optional(),
  reason: z.string(),
});
export type AlarmRecord = z.infer<typeof alarmRecordSchema>;

// ---- topics ------------------------------------------------------------------------------------
export const TOPIC_KINDS = ['telemetry', 'event', 'status', 'cmd', 'cmd/ack'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];
export interface ParsedTopic {
  version: 1;
  site: string;
  device: string;
  kind: TopicKind;
}

export function topicFor(site: string, device: string, kind: TopicKind): string {
  return `esms/v1/${site}/${device}/${kind}`;
}

/** Returns null when the topic is not a v1 topic with valid registry ids. */
export function parseTopic(topic: string): ParsedTopic | null {
  const parts = topic.split('/');
  if (parts.length < 5 || parts[0] !== 'esms' || parts[1] !== 'v1') return null;
  const [, , site, device, ...rest] = parts;
  const kind = rest.join('/');
  if (!ID_RE.test(site) || !ID_RE.test(device)) return null;
  if (!(TOPIC_KINDS as readonly string[]).includes(kind)) return null;
  return { version: 1, site, device, kind: kind as TopicKind };
}

/** One line of a replay file. */
export const replayLineSchema = z.object({ topic: z.string(), payload: z.unknown() });
