import { boolean, date, integer, jsonb, pgTable, real, serial, smallint, text, timestamp, unique, bigint } from 'drizzle-orm/pg-core';
import { counties, departments } from './geo.ts';
import { point, polygon } from './types.ts';

export const sites = pgTable('sites', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  category: text('category').notNull(),
  countyAdcode: integer('county_adcode').notNull().references(() => counties.adcode),
  departmentId: text('department_id').notNull().references(() => departments.id),
  address: text('address').notNull().default(''),
  contactName: text('contact_name').notNull().default(''),
  contactPhone: text('contact_phone').notNull().default(''),
  geom: point('geom').notNull(),
  generated: boolean('generated').notNull().default(true),
  source: text('source').notNull().default(''),
  coordQuality: text('coord_quality').notNull().default('generated'),
  isPilot: boolean('is_pilot').notNull().default(false),
  rolloutState: text('rollout_state').notNull().default('planned'),
  plannedAt: date('planned_at'),
  surveyedAt: date('surveyed_at'),
  installedAt: date('installed_at'),
  commissionedAt: date('commissioned_at'),
  inServiceAt: date('in_service_at'),
  serviceProvider: text('service_provider').notNull().default(''),
  powerOk: boolean('power_ok').notNull().default(true),
  networkOk: boolean('network_ok').notNull().default(true),
  status: text('status').notNull().default('offline'),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const buildings = pgTable('buildings', {
  id: serial('id').primaryKey(),
  siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind').notNull(),
  footprint: polygon('footprint').notNull(),
  floors: integer('floors').notNull(),
  heightM: real('height_m').notNull(),
  structure: text('structure').notNull(),
  builtYear: integer('built_year'),
});

export const panels = pgTable('panels', {
  id: serial('id').primaryKey(),
  siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
  buildingId: integer('building_id').notNull().references(() => buildings.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  floor: integer('floor').notNull().default(0),
  x: real('x').notNull(),
  y: real('y').notNull(),
  z: real('z').notNull(),
});

export const devices = pgTable('devices', {
  id: text('id').primaryKey(),
  siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
  panelId: integer('panel_id').references(() => panels.id, { onDelete: 'set null' }),
  model: text('model').notNull().default('ESMS-DT4'),
  fw: text('fw'),
  rssi: real('rssi'),
  reportIntervalS: integer('report_interval_s').notNull().default(60),
  online: boolean('online').notNull().default(false),
  onlineChangedAt: timestamp('online_changed_at', { withTimezone: true }),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  lastSeq: bigint('last_seq', { mode: 'number' }),
  messagesReceived: bigint('messages_received', { mode: 'number' }).notNull().default(0),
  messagesDuplicate: bigint('messages_duplicate', { mode: 'number' }).notNull().default(0),
  messagesLost: bigint('messages_lost', { mode: 'number' }).notNull().default(0),
});

export type RoutePoint = [number, number, number];

export const circuits = pgTable(
  'circuits',
  {
    id: serial('id').primaryKey(),
    deviceId: text('device_id').notNull().references(() => devices.id, { onDelete: 'cascade' }),
    ch: integer('ch').notNull(),
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    buildingId: integer('building_id').references(() => buildings.id, { onDelete: 'set null' }),
    panelId: integer('panel_id').references(() => panels.id, { onDelete: 'set null' }),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    phases: smallint('phases').notNull(),
    ratedCurrentA: real('rated_current_a').notNull(),
    cableMm2: real('cable_mm2').notNull(),
    insulation: text('insulation').notNull(),
    maxConductorC: real('max_conductor_c').notNull(),
    loadType: text('load_type').notNull(),
    reportIntervalS: integer('report_interval_s').notNull().default(60),
    residualSetMa: integer('residual_set_ma').notNull().default(300),
    route: jsonb('route').$type<RoutePoint[]>().notNull().default([]),
  },
  (t) => [unique().on(t.deviceId, t.ch)],
);
