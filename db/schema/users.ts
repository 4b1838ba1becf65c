import { bigserial, boolean, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true });

export const roles = pgTable('roles', { id: text('id').primaryKey(), nameZh: text('name_zh').notNull(), nameEn: text('name_en').notNull() });

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  departmentId: text('department_id'),
  countyAdcode: integer('county_adcode'),
  email: text('email'),
  phone: text('phone'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export const userSites = pgTable('user_sites', { userId: integer('user_id').notNull(), siteId: text('site_id').notNull() }, (t) => [
  primaryKey({ columns: [t.userId, t.siteId] }),
]);
export const userDevices = pgTable('user_devices', { userId: integer('user_id').notNull(), deviceId: text('device_id').notNull() }, (t) => [
  primaryKey({ columns: [t.userId, t.deviceId] }),
]);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
  expiresAt: tstz('expires_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: tstz('at').notNull().defaultNow(),
  userId: integer('user_id'),
  username: text('username'),
  action: text('action').notNull(),
  target: text('target'),
  ip: text('ip'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
});
