/**
 * Readings of one batch, inside the batch transaction, two ways:
 *  - `copyReadings`: binary COPY straight into the partitioned `readings` table (the fast path; about half the
 *    database work of an INSERT … ON CONFLICT, and one buffer to build instead of parameter arrays of strings).
 *    Every row is new or the whole COPY fails on the primary key, which the pipeline answers with …
 *  - `upsertReadings`: INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING, returning which messages had new
 *    rows (after a redelivery some were stored already).
 * Either way the minutes that got new rows are marked for the rollups (recomputed from readings on a timer,
 * rollups.ts) in the same transaction (after a COPY by the caller, last; with ON CONFLICT in the same statement).
 */
import type { TransactionSql } from 'postgres';
import type { Telemetry } from '../../lib/protocol/v1.ts';
import { copyIn } from './copy.ts';
import type { CircuitInfo } from './registry.ts';

export interface TelemetryRow {
  /** index of the message in the batch */
  mi: number;
  msg: Telemetry;
  circuits: CircuitInfo[];
}

const COLS = ['ia', 'ib', 'ic', 'ir', 'ta', 'tb', 'tc', 'tn', 'ua', 'ub', 'uc', 'arc'] as const;
const READINGS_COLS = 'circuit_id, ts, seq, ia, ib, ic, ir, ta, tb, tc, tn, ua, ub, uc, arc, amb_t, amb_rh';
export const COPY_TEXT_SQL = `COPY readings (${READINGS_COLS}) FROM STDIN`;
export const COPY_BINARY_SQL = `COPY readings (${READINGS_COLS}) FROM STDIN (FORMAT binary)`;
const MINUTE = 60_000;

/**
 * COPY text format of `readings`: tab-separated, \N for NULL. Numbers from zod-validated JSON are finite and need
 * no escaping; ts as ISO 8601 UTC. The benchmark's raw-COPY reference (a plain loader's format).
 */
export function copyText(rows: TelemetryRow[]): string {
  let out = '';
  for (const { msg, circuits } of rows) {
    const amb = msg.ambient;
    const head = `\t${new Date(msg.ts).toISOString()}\t${msg.seq}`;
    const tail = `\t${amb?.t ?? '\\N'}\t${amb?.rh ?? '\\N'}\n`;
    for (let i = 0; i < msg.channels.length; i++) {
      const c = msg.channels[i] as Record<string, number | undefined>;
      let line = circuits[i].id + head;
      for (const k of COLS) {
        const v = c[k];
        line += v === undefined ? '\t\\N' : `\t${v}`;
      }
      out += line + tail;
    }
  }
  return out;
}

const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const FIELDS = 17;
/** bytes of one row at most: field count, then length + value per field (8-byte ts and seq, 4-byte others) */
const ROW_MAX = 2 + FIELDS * 4 + 4 + 8 + 8 + 14 * 4;

/**
 * COPY binary format of `readings`: no text at all, so building it allocates one buffer per batch (the text form
 * made a few kilobytes of short-lived strings per message), and PostgreSQL reads the floats without parsing
 * them. Values go in as float4 (the columns' type), ts as microseconds since 2000-01-01, seq as int8.
 */
export function copyBinary(rows: TelemetryRow[]): Buffer {
  let n = 0;
  for (const r of rows) n += r.msg.channels.length;
  const b = Buffer.allocUnsafe(SIGNATURE.length + 8 + n * ROW_MAX + 2);
  let o = SIGNATURE.copy(b, 0);
  o = b.writeInt32BE(0, o); // flags
  o = b.writeInt32BE(0, o); // header extension length
  const int8 = (v: number) => {
    const hi = Math.floor(v / 4294967296);
    b.writeInt32BE(8, o);
    b.writeInt32BE(hi, o + 4);
    b.writeUInt32BE(v - hi * 4294967296, o + 8);
    o += 12;
  };
  const float4 = (v: number | undefined) => {
    if (v === undefined) o = b.writeInt32BE(-1, o);
    else {
      b.writeInt32BE(4, o);
      o = b.writeFloatBE(v, o + 4);
    }
  };
  for (const { msg, circuits } of rows) {
    const us = (msg.ts - PG_EPOCH_MS) * 1000;
    const amb = msg.ambient;
    for (let i = 0; i < msg.channels.length; i++) {
      const c = msg.channels[i];
      o = b.writeInt16BE(FIELDS, o);
      b.writeInt32BE(4, o);
      o = b.writeInt32BE(circuits[i].id, o + 4);
      int8(us);
      int8(msg.seq);
      float4(c.ia); float4(c.ib); float4(c.ic); float4(c.ir);
      float4(c.ta); float4(c.tb); float4(c.tc); float4(c.tn);
      float4(c.ua); float4(c.ub); float4(c.uc);
      if (c.arc === undefined) o = b.writeInt32BE(-1, o);
      else {
        b.writeInt32BE(4, o);
        o = b.writeInt32BE(c.arc, o + 4);
      }
      float4(amb?.t);
      float4(amb?.rh);
    }
  }
  o = b.writeInt16BE(-1, o); // trailer
  return b.subarray(0, o);
}

/** The rollup minutes (date_bin('1 minute', ts, 2000-01-01) = whole epoch minutes) of `rows`, ascending. */
export function minutesOf(rows: TelemetryRow[]): number[] {
  const s = new Set<number>();
  for (const r of rows) s.add(r.msg.ts - (r.msg.ts % MINUTE));
  return [...s].sort((a, b) => a - b);
}

/**
 * Mark minutes dirty. DO UPDATE (not DO NOTHING) so the mark's row lock orders us against a recompute. These rows
 * are the only ones concurrent batch transactions share: ascending order (no deadlock), and as the last statement
 * before COMMIT (the other lane waits for the lock no longer than this transaction's commit).
 */
export async function markMinutes(tx: TransactionSql, minutes: number[]) {
  if (!minutes.length) return;
  await tx`
    INSERT INTO readings_1m_dirty AS d (bucket)
    SELECT timestamptz 'epoch' + m * interval '1 millisecond' FROM unnest(${minutes}::bigint[]) AS u(m) ORDER BY 1
    ON CONFLICT (bucket) DO UPDATE SET ver = d.ver + 1, marked_at = now()`;
}

/**
 * Fast path: all rows are new, or this throws (duplicate key → CopyRefused) and the transaction is lost. The
 * caller marks `minutesOf(rows)` at the end of the transaction.
 */
export async function copyReadings(tx: TransactionSql, rows: TelemetryRow[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  await copyIn(tx, COPY_BINARY_SQL, copyBinary(rows));
  return new Set(rows.map((r) => r.mi));
}

const UPSERT_SQL = `
WITH src AS (
  SELECT * FROM unnest($1::int[], $2::int[], $3::bigint[], $4::bigint[],
    $5::real[], $6::real[], $7::real[], $8::real[], $9::real[], $10::real[], $11::real[], $12::real[], $13::real[], $14::real[], $15::real[],
    $16::int[], $17::real[], $18::real[]) AS u(mi, circuit_id, ts_ms, seq, ia, ib, ic, ir, ta, tb, tc, tn, ua, ub, uc, arc, amb_t, amb_rh)
), ins AS (
  INSERT INTO readings (${READINGS_COLS})
  SELECT circuit_id, timestamptz 'epoch' + ts_ms * interval '1 millisecond', seq, ia, ib, ic, ir, ta, tb, tc, tn, ua, ub, uc, arc, amb_t, amb_rh
  FROM src
  ON CONFLICT DO NOTHING
  RETURNING circuit_id, ts, seq
), mark AS (
  INSERT INTO readings_1m_dirty AS d (bucket)
  SELECT DISTINCT date_bin('1 minute', ts, timestamptz '2000-01-01 00:00:00+00') FROM ins ORDER BY 1
  ON CONFLICT (bucket) DO UPDATE SET ver = d.ver + 1, marked_at = now()
)
SELECT DISTINCT s.mi FROM src s
JOIN ins ON ins.circuit_id = s.circuit_id AND ins.ts = timestamptz 'epoch' + s.ts_ms * interval '1 millisecond' AND ins.seq = s.seq`;

const COLS_ALL = ['ia', 'ib', 'ic', 'ir', 'ta', 'tb', 'tc', 'tn', 'ua', 'ub', 'uc'] as const;

/** Column arrays for unnest(): one element per channel sample. */
export function columns(rows: TelemetryRow[]) {
  const mi: number[] = [], cid: number[] = [], ts: number[] = [], seq: number[] = [], arc: (number | null)[] = [];
  const amb_t: (number | null)[] = [], amb_rh: (number | null)[] = [];
  const v: Record<(typeof COLS_ALL)[number], (number | null)[]> = { ia: [], ib: [], ic: [], ir: [], ta: [], tb: [], tc: [], tn: [], ua: [], ub: [], uc: [] };
  for (const r of rows) {
    const at = r.msg.ambient?.t ?? null, arh = r.msg.ambient?.rh ?? null;
    for (let i = 0; i < r.msg.channels.length; i++) {
      const c = r.msg.channels[i] as Record<string, number | undefined>;
      mi.push(r.mi); cid.push(r.circuits[i].id); ts.push(r.msg.ts); seq.push(r.msg.seq); arc.push(c.arc ?? null);
      amb_t.push(at); amb_rh.push(arh);
      for (const k of COLS_ALL) v[k].push(c[k] ?? null);
    }
  }
  return { mi, cid, ts, seq, arc, amb_t, amb_rh, ...v };
}

/**
 * Store the batch's readings, skipping rows already stored; returns the indices (mi) of messages that had at
 * least one new row. Prepared (postgres.js's unsafe() would otherwise describe the statement on every call: one
 * more round trip). Only the keys come back (RETURNING circuit_id, ts, seq: two messages may share a ts).
 */
export async function upsertReadings(tx: TransactionSql, rows: TelemetryRow[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const c = columns(rows);
  const out = await tx.unsafe<{ mi: number }[]>(UPSERT_SQL,
    [c.mi, c.cid, c.ts, c.seq, c.ia, c.ib, c.ic, c.ir, c.ta, c.tb, c.tc, c.tn, c.ua, c.ub, c.uc, c.arc, c.amb_t, c.amb_rh] as never[], { prepare: true });
  return new Set(out.map((r) => r.mi));
}
