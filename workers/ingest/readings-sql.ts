/**
 * Readings of one batch in one statement: insert into the partitioned `readings` table (PK conflict → ignored,
 * so redelivery is idempotent), mark the minutes that got new rows for the rollups (recomputed from readings on
 * a timer, rollups.ts), and return which messages were new. Runs inside the batch transaction. `copyText` is the
 * COPY encoding of the same rows (the benchmark's raw-COPY reference).
 */
import type { TransactionSql } from 'postgres';
import type { Telemetry } from '../../lib/protocol/v1.ts';
import type { CircuitInfo } from './registry.ts';

export interface TelemetryRow {
  /** index of the message in the batch */
  mi: number;
  msg: Telemetry;
  circuits: CircuitInfo[];
}

const COLS = ['ia', 'ib', 'ic', 'ir', 'ta', 'tb', 'tc', 'tn', 'ua', 'ub', 'uc', 'arc'] as const;

/** COPY text format: tab-separated, \N for NULL. Numbers from zod-validated JSON need no escaping. */
export function copyText(rows: TelemetryRow[]): string {
  const parts: string[] = [];
  for (const { mi, msg, circuits } of rows) {
    const amb = msg.ambient;
    const tail = `\t${amb?.t ?? '\\N'}\t${amb?.rh ?? '\\N'}\n`;
    for (let i = 0; i < msg.channels.length; i++) {
      const c = msg.channels[i] as Record<string, number | undefined>;
      let line = `${mi}\t${circuits[i].id}\t${msg.ts}\t${msg.seq}`;
      for (const k of COLS) {
        const v = c[k];
        line += v === undefined ? '\t\\N' : `\t${v}`;
      }
      parts.push(line + tail);
    }
  }
  return parts.join('');
}

const insertSql = (source: string, head = '') => `
WITH ${head}ins AS (
  INSERT INTO readings (circuit_id, ts, seq, ia, ib, ic, ir, ta, tb, tc, tn, ua, ub, uc, arc, amb_t, amb_rh)
  SELECT circuit_id, timestamptz 'epoch' + ts_ms * interval '1 millisecond', seq, ia, ib, ic, ir, ta, tb, tc, tn, ua, ub, uc, arc, amb_t, amb_rh
  FROM ${source}
  ON CONFLICT DO NOTHING
  RETURNING circuit_id, ts
), mark AS (
  -- the rollups are recomputed from readings on a timer (rollups.ts); here only the minutes that got new rows are
  -- marked, in this transaction. DO UPDATE (not DO NOTHING) so the mark's row lock orders us against a recompute.
  INSERT INTO readings_1m_dirty AS d (bucket)
  SELECT DISTINCT date_bin('1 minute', ts, timestamptz '2000-01-01 00:00:00+00') FROM ins ORDER BY 1 -- lock order
  ON CONFLICT (bucket) DO UPDATE SET ver = d.ver + 1, marked_at = now()
)
SELECT DISTINCT s.mi FROM ${source} s
JOIN ins ON ins.circuit_id = s.circuit_id AND ins.ts = timestamptz 'epoch' + s.ts_ms * interval '1 millisecond'`;

const UNNEST_SQL = insertSql('src', `src AS (SELECT * FROM unnest($1::int[], $2::int[], $3::bigint[], $4::bigint[],
    $5::real[], $6::real[], $7::real[], $8::real[], $9::real[], $10::real[], $11::real[], $12::real[], $13::real[], $14::real[], $15::real[],
    $16::int[], $17::real[], $18::real[]) AS u(mi, circuit_id, ts_ms, seq, ia, ib, ic, ir, ta, tb, tc, tn, ua, ub, uc, arc, amb_t, amb_rh)), `);

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
 * Store the batch's readings; returns the indices (mi) of messages that had at least one new row.
 * One statement with unnest() parameters rather than COPY into a staging table: measured as fast at our batch
 * sizes, one round trip, and postgres.js's COPY stream crashes the process when the server goes away mid-COPY
 * (the PostgreSQL-restart test found it). Only the keys come back (RETURNING circuit_id, ts): the rollups no
 * longer need the new rows' values here.
 */
export async function insertReadings(tx: TransactionSql, rows: TelemetryRow[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const c = columns(rows);
  const out = await tx.unsafe<{ mi: number }[]>(UNNEST_SQL,
    [c.mi, c.cid, c.ts, c.seq, c.ia, c.ib, c.ic, c.ir, c.ta, c.tb, c.tc, c.tn, c.ua, c.ub, c.uc, c.arc, c.amb_t, c.amb_rh] as never[]);
  return new Set(out.map((r) => r.mi));
}
