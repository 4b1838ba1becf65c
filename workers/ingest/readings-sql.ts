/**
 * Readings of one batch in one statement: insert into the partitioned `readings` table (PK conflict → ignored,
 * so redelivery is idempotent), merge the newly inserted rows into the 1-minute and 1-hour rollups, and return
 * which messages were new. Runs inside the batch transaction. `copyText` is the COPY encoding of the same rows
 * (the benchmark's raw-COPY reference).
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

// rollup columns: i = the highest phase current, t = the hottest terminal (what charts and reports show)
const rollupSelect = (width: string) => `
  SELECT circuit_id, date_bin('${width}', ts, timestamptz '2000-01-01 00:00:00+00') AS bucket, count(*)::int AS n,
    avg(greatest(ia, ib, ic))::real AS i_avg, max(greatest(ia, ib, ic))::real AS i_max,
    avg(ir)::real AS ir_avg, max(ir)::real AS ir_max,
    avg(greatest(ta, tb, tc, tn))::real AS t_avg, max(greatest(ta, tb, tc, tn))::real AS t_max,
    sum(arc)::int AS arc_sum
  FROM ins GROUP BY 1, 2`;

// weighted merge of averages; NULL on either side keeps the other
const merge = (table: string) => `
  ON CONFLICT (circuit_id, bucket) DO UPDATE SET
    n = ${table}.n + excluded.n,
    i_avg = CASE WHEN ${table}.i_avg IS NULL THEN excluded.i_avg WHEN excluded.i_avg IS NULL THEN ${table}.i_avg
            ELSE (${table}.i_avg * ${table}.n + excluded.i_avg * excluded.n) / (${table}.n + excluded.n) END,
    i_max = greatest(${table}.i_max, excluded.i_max),
    ir_avg = CASE WHEN ${table}.ir_avg IS NULL THEN excluded.ir_avg WHEN excluded.ir_avg IS NULL THEN ${table}.ir_avg
             ELSE (${table}.ir_avg * ${table}.n + excluded.ir_avg * excluded.n) / (${table}.n + excluded.n) END,
    ir_max = greatest(${table}.ir_max, excluded.ir_max),
    t_avg = CASE WHEN ${table}.t_avg IS NULL THEN excluded.t_avg WHEN excluded.t_avg IS NULL THEN ${table}.t_avg
            ELSE (${table}.t_avg * ${table}.n + excluded.t_avg * excluded.n) / (${table}.n + excluded.n) END,
    t_max = greatest(${table}.t_max, excluded.t_max),
    arc_sum = CASE WHEN ${table}.arc_sum IS NULL AND excluded.arc_sum IS NULL THEN NULL
              ELSE coalesce(${table}.arc_sum, 0) + coalesce(excluded.arc_sum, 0) END`;

const insertSql = (source: string, head = '') => `
WITH ${head}ins AS (
  INSERT INTO readings (circuit_id, ts, seq, ia, ib, ic, ir, ta, tb, tc, tn, ua, ub, uc, arc, amb_t, amb_rh)
  SELECT circuit_id, timestamptz 'epoch' + ts_ms * interval '1 millisecond', seq, ia, ib, ic, ir, ta, tb, tc, tn, ua, ub, uc, arc, amb_t, amb_rh
  FROM ${source}
  ON CONFLICT DO NOTHING
  RETURNING circuit_id, ts, ia, ib, ic, ir, ta, tb, tc, tn, arc
), m1 AS (
  INSERT INTO readings_1m AS r1 (circuit_id, bucket, n, i_avg, i_max, ir_avg, ir_max, t_avg, t_max, arc_sum)
  ${rollupSelect('1 minute')}
  ${merge('r1')}
), h1 AS (
  INSERT INTO readings_1h AS r2 (circuit_id, bucket, n, i_avg, i_max, ir_avg, ir_max, t_avg, t_max, arc_sum)
  ${rollupSelect('1 hour')}
  ${merge('r2')}
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
 * One statement with unnest() parameters rather than COPY into a staging table: measured as fast at our
 * batch sizes (the rollups dominate), one round trip, and postgres.js's COPY stream crashes the process
 * when the server goes away mid-COPY (the PostgreSQL-restart test found it).
 */
export async function insertReadings(tx: TransactionSql, rows: TelemetryRow[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const c = columns(rows);
  const out = await tx.unsafe<{ mi: number }[]>(UNNEST_SQL,
    [c.mi, c.cid, c.ts, c.seq, c.ia, c.ib, c.ic, c.ir, c.ta, c.tb, c.tc, c.tn, c.ua, c.ub, c.uc, c.arc, c.amb_t, c.amb_rh] as never[]);
  return new Set(out.map((r) => r.mi));
}
