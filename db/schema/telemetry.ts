import { bigint, bigserial, customType, integer, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
const tstz = (name: string) => timestamp(name, { withTimezone: true });

/** Partitioned by day in SQL (db/migrations); written by COPY from the ingest worker. */
export const readings = pgTable(
  'readings',
  {
    circuitId: integer('circuit_id').notNull(),
    ts: tstz('ts').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    ia: real('ia'),
    ib: real('ib'),
    ic: real('ic'),
    ir: real('ir'),
    ta: real('ta'),
    tb: real('tb'),
    tc: real('tc'),
    tn: real('tn'),
    ua: real('ua'),
    ub: real('ub'),
    uc: real('uc'),
    arc: integer('arc'),
    ambT: real('amb_t'),
    ambRh: real('amb_rh'),
  },
  (t) => [primaryKey({ columns: [t.circuitId, t.ts] })],
);

function rollup(name: string) {
  return pgTable(
    name,
    {
      circuitId: integer('circuit_id').notNull(),
      bucket: tstz('bucket').notNull(),
      n: integer('n').notNull(),
      iAvg: real('i_avg'),
      iMax: real('i_max'),
      irAvg: real('ir_avg'),
      irMax: real('ir_max'),
      tAvg: real('t_avg'),
      tMax: real('t_max'),
      arcSum: integer('arc_sum'),
    },
    (t) => [primaryKey({ columns: [t.circuitId, t.bucket] })],
  );
}
export const readings1m = rollup('readings_1m');
export const readings1h = rollup('readings_1h');

export const deviceEvents = pgTable('device_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  deviceId: text('device_id').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  ts: tstz('ts').notNull(),
  ch: integer('ch'),
  code: text('code').notNull(),
  value: real('value'),
  receivedAt: tstz('received_at').notNull().defaultNow(),
});

export const quarantine = pgTable('quarantine', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  receivedAt: tstz('received_at').notNull().defaultNow(),
  topic: text('topic').notNull(),
  deviceId: text('device_id'),
  reason: text('reason').notNull(),
  detail: text('detail').notNull().default(''),
  size: integer('size').notNull(),
  raw: bytea('raw').notNull(),
});

export const quarantineCounters = pgTable(
  'quarantine_counters',
  {
    reason: text('reason').notNull(),
    deviceId: text('device_id').notNull().default(''),
    count: bigint('count', { mode: 'number' }).notNull().default(0),
    lastAt: tstz('last_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reason, t.deviceId] })],
);
