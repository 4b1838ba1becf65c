import { bigint, bigserial, boolean, integer, jsonb, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true });

export const alarms = pgTable('alarms', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  siteId: text('site_id').notNull(),
  deviceId: text('device_id').notNull(),
  ch: integer('ch'),
  circuitId: integer('circuit_id'),
  type: text('type').notNull(),
  severity: text('severity').notNull(),
  openedAt: tstz('opened_at').notNull(),
  clearedAt: tstz('cleared_at'),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  value: real('value'),
  threshold: real('threshold'),
  reasonZh: text('reason_zh').notNull().default(''),
  reasonEn: text('reason_en').notNull().default(''),
  evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
  acknowledgedAt: tstz('acknowledged_at'),
  acknowledgedBy: integer('acknowledged_by'),
  falseAlarm: boolean('false_alarm').notNull().default(false),
  falseAlarmReason: text('false_alarm_reason'),
});

export const detectionState = pgTable(
  'detection_state',
  {
    deviceId: text('device_id').notNull(),
    ch: integer('ch').notNull(),
    state: jsonb('state').notNull(),
    sampleTs: bigint('sample_ts', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.ch] })],
);

export const hazards = pgTable('hazards', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  siteId: text('site_id').notNull(),
  alarmId: bigint('alarm_id', { mode: 'number' }),
  circuitId: integer('circuit_id'),
  source: text('source').notNull().default('alarm'),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  severity: text('severity').notNull(),
  state: text('state').notNull().default('reported'),
  assigneeId: integer('assignee_id'),
  deadline: tstz('deadline'),
  createdBy: integer('created_by'),
  rectifiedBy: integer('rectified_by'),
  verifiedBy: integer('verified_by'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  closedAt: tstz('closed_at'),
});

export const meta = pgTable('meta', { key: text('key').primaryKey(), value: jsonb('value').notNull() });
