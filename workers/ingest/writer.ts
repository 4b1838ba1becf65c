/**
 * One batch, one transaction: readings (+ rollup marks; the rollups follow on a timer, rollups.ts), device
 * events, device counters and status, quarantine and its counters, alarms. Everything is idempotent under
 * redelivery (PK / unique conflicts are ignored, or refused and the batch rewritten with ON CONFLICT, and only
 * newly stored messages move the counters), so "commit, then PUBACK" gives exactly-once storage.
 */
import type { TransactionSql } from 'postgres';
import type { Sql } from '../../platform/db.ts';
import { writeAlarms, type AlarmBook, type AlarmChange } from './alarms.ts';
import type { PreparedItem } from './prepare.ts';
import { rawForQuarantine } from './prepare.ts';
import { countRejects, safeTopic } from './quarantine.ts';
import { copyReadings, markMinutes, minutesOf, upsertReadings, type TelemetryRow } from './readings-sql.ts';
import type { Registry } from './registry.ts';
import { accountSeqs, type SeqDelta, type SeqMsg } from './seq.ts';
import { inTransaction } from './tx.ts';

export interface WriteResult {
  /** indices of telemetry/event messages stored for the first time */
  stored: Set<number>;
  seq: Map<string, SeqDelta>;
  changes: AlarmChange[];
  duplicates: number;
  rejected: number;
}

export interface WriterCtx {
  registry: Registry;
  book: AlarmBook;
  /** device → last stored seq (mirror of devices.last_seq; this worker owns its devices) */
  lastSeq: Map<string, number | null>;
  /** device → sample time of that seq, once this worker has seen it (seq plausibility, seq.ts) */
  lastSeqTs?: Map<string, number | null>;
}

/**
 * `copy`: readings by COPY (every row must be new, else the transaction fails with CopyRefused and the caller
 * writes the batch again without `copy`); otherwise by INSERT … ON CONFLICT DO NOTHING.
 */
export async function writeBatch(sql: Sql, ctx: WriterCtx, items: PreparedItem[], idx: number[], copy = false): Promise<WriteResult> {
  return inTransaction(sql, (tx) => writeIn(tx, ctx, items, idx, copy));
}

async function writeIn(tx: TransactionSql, ctx: WriterCtx, items: PreparedItem[], idx: number[], copy: boolean): Promise<WriteResult> {
  const tel: TelemetryRow[] = [];
  const ev = { mi: [] as number[], dev: [] as string[], seq: [] as number[], ts: [] as number[], ch: [] as (number | null)[], code: [] as string[], value: [] as (number | null)[] };
  const lastStatus = new Map<string, { online: boolean; at: number | null; fw: string | null; rssi: number | null }>();
  const rejects: { mi: number; it: PreparedItem }[] = [];
  for (const mi of idx) {
    const it = items[mi];
    const v = it.verdict;
    if (v.kind === 'reject') rejects.push({ mi, it });
    else if (it.duplicate) continue;
    else if (v.kind === 'telemetry') tel.push({ mi, msg: v.msg, circuits: v.circuits });
    else if (v.kind === 'event') {
      ev.mi.push(mi); ev.dev.push(v.device.id); ev.seq.push(v.msg.seq); ev.ts.push(v.msg.ts);
      ev.ch.push(v.msg.ch ?? null); ev.code.push(v.msg.code); ev.value.push(v.msg.value ?? null);
    } else lastStatus.set(v.device.id, { online: v.msg.online, at: v.msg.ts ?? it.raw.receivedAt, fw: v.msg.fw ?? null, rssi: v.msg.rssi ?? null });
  }

  const stored = copy ? await copyReadings(tx, tel) : await upsertReadings(tx, tel);
  if (ev.mi.length) {
    const rows = await tx<{ device_id: string; seq: number; ms: number }[]>`
      INSERT INTO device_events (device_id, seq, ts, ch, code, value)
      SELECT d, s, timestamptz 'epoch' + t * interval '1 millisecond', c, k, v
      FROM unnest(${ev.dev}::text[], ${ev.seq}::bigint[], ${ev.ts}::bigint[], ${ev.ch}::int[], ${ev.code}::text[], ${ev.value}::real[]) AS x(d, s, t, c, k, v)
      ON CONFLICT (device_id, seq, ts) DO NOTHING
      RETURNING device_id, seq, (extract(epoch FROM ts) * 1000)::bigint AS ms`;
    const fresh = new Set(rows.map((r) => `${r.device_id}\u0000${r.seq}\u0000${r.ms}`));
    ev.mi.forEach((mi, i) => fresh.has(`${ev.dev[i]}\u0000${ev.seq[i]}\u0000${ev.ts[i]}`) && stored.add(mi));
  }

  // counters per device, from newly stored messages only, in arrival order
  const perDev = new Map<string, { seqs: SeqMsg[]; dup: number; seen: number }>();
  for (const mi of idx) {
    const it = items[mi];
    const v = it.verdict;
    if (v.kind !== 'telemetry' && v.kind !== 'event') continue;
    let d = perDev.get(v.device.id);
    if (!d) perDev.set(v.device.id, (d = { seqs: [], dup: 0, seen: 0 }));
    if (stored.has(mi)) d.seqs.push({ seq: v.msg.seq, ts: v.msg.ts });
    else d.dup += 1;
    if (v.msg.ts > d.seen) d.seen = v.msg.ts;
  }
  const seq = new Map<string, SeqDelta>();
  let duplicates = 0;
  if (perDev.size) {
    const ids: string[] = [], rec: number[] = [], dup: number[] = [], lost: number[] = [], last: (number | null)[] = [], seen: number[] = [];
    for (const [id, d] of perDev) {
      const lastTs = (ctx.lastSeqTs ??= new Map());
      const delta = accountSeqs(ctx.lastSeq.get(id) ?? null, d.seqs, lastTs.get(id) ?? null, (ctx.registry.device(id)?.reportIntervalS ?? 60) * 1000);
      lastTs.set(id, delta.lastTs);
      seq.set(id, delta);
      duplicates += d.dup;
      ids.push(id); rec.push(delta.received); dup.push(d.dup); lost.push(delta.lost); last.push(delta.lastSeq); seen.push(d.seen);
    }
    await tx`
      UPDATE devices AS d SET messages_received = d.messages_received + x.r, messages_duplicate = d.messages_duplicate + x.u,
        messages_lost = greatest(0, d.messages_lost + x.l), last_seq = coalesce(x.q, d.last_seq),
        last_seen_at = greatest(d.last_seen_at, timestamptz 'epoch' + x.s * interval '1 millisecond')
      FROM unnest(${ids}::text[], ${rec}::int[], ${dup}::int[], ${lost}::int[], ${last}::bigint[], ${seen}::bigint[]) AS x(id, r, u, l, q, s)
      WHERE d.id = x.id`;
  }
  if (lastStatus.size) {
    const ids = [...lastStatus.keys()];
    const st = [...lastStatus.values()];
    await tx`
      UPDATE devices AS d SET online = x.o::boolean,
        online_changed_at = CASE WHEN d.online IS DISTINCT FROM x.o::boolean OR d.online_changed_at IS NULL
          THEN timestamptz 'epoch' + x.a * interval '1 millisecond' ELSE d.online_changed_at END,
        fw = coalesce(x.f, d.fw), rssi = coalesce(x.r, d.rssi)
      FROM unnest(${ids}::text[], ${st.map((s) => String(s.online))}::text[], ${st.map((s) => s.at)}::bigint[],
        ${st.map((s) => s.fw)}::text[], ${st.map((s) => s.rssi)}::real[]) AS x(id, o, a, f, r)
      WHERE d.id = x.id`;
  }
  if (rejects.length) await writeQuarantine(tx, rejects.map((r) => r.it));

  const records = idx.flatMap((mi) => items[mi].records);
  const changes = records.length ? await writeAlarms(tx, ctx.registry, ctx.book, records) : [];
  if (copy) await markMinutes(tx, minutesOf(tel)); // last: the rows concurrent lanes share (readings-sql.ts)
  return { stored, seq, changes, duplicates, rejected: rejects.length };
}

async function writeQuarantine(tx: TransactionSql, its: PreparedItem[]) {
  const rows = its.flatMap((it) => {
    const v = it.verdict;
    if (v.kind !== 'reject' || !it.keepRaw) return [];
    return [{ topic: safeTopic(it.raw.topic), device_id: v.deviceId, reason: v.reason, detail: v.detail.replace(/\u0000/g, ''), size: it.raw.payload.length, raw: rawForQuarantine(it.raw.payload) }];
  });
  if (rows.length) await tx`INSERT INTO quarantine ${tx(rows, 'topic', 'device_id', 'reason', 'detail', 'size', 'raw')}`;
  const inc = countRejects(its.flatMap((it) => (it.verdict.kind === 'reject' ? [it.verdict] : [])));
  await tx`
    INSERT INTO quarantine_counters AS q (reason, device_id, count, last_at)
    SELECT r, d, c, now() FROM unnest(${inc.map((i) => i.reason)}::text[], ${inc.map((i) => i.deviceId)}::text[], ${inc.map((i) => i.count)}::bigint[]) AS x(r, d, c)
    ON CONFLICT (reason, device_id) DO UPDATE SET count = q.count + excluded.count, last_at = excluded.last_at`;
}
