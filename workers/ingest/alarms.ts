/**
 * Alarm records from detection → the alarms table (one active row per (device, ch, type), enforced by the
 * unique partial index alarms_one_active) and the in-memory book of active alarms per site that drives the
 * site status and the 'alarm' live events.
 */
import type { TransactionSql } from 'postgres';
import type { Sql } from '../../platform/db.ts';
import type { AlarmEventPayload } from '../../lib/events/realtime.ts';
import type { AlarmType, Severity } from '../../lib/protocol/v1.ts';
import { severityRank } from '../../lib/domain/vocabulary/index.ts';
import type { DetectionRecord } from './detect-stage.ts';
import type { Registry } from './registry.ts';

export interface ActiveAlarm {
  type: AlarmType;
  severity: Severity;
}
const keyOf = (device: string, ch: number | null | undefined, type: string) => `${device}/${ch ?? 0}/${type}`;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export class AlarmBook {
  /** site → alarm key → active alarm */
  bySite = new Map<string, Map<string, ActiveAlarm>>();

  async load(sql: Sql) {
    this.bySite.clear();
    const rows = await sql<{ site_id: string; device_id: string; ch: number | null; type: AlarmType; severity: Severity }[]>`
      SELECT site_id, device_id, ch, type, severity FROM alarms WHERE cleared_at IS NULL`;
    for (const r of rows) this.set(r.site_id, keyOf(r.device_id, r.ch, r.type), { type: r.type, severity: r.severity });
  }
  get(site: string, key: string) {
    return this.bySite.get(site)?.get(key);
  }
  set(site: string, key: string, a: ActiveAlarm | null) {
    let m = this.bySite.get(site);
    if (!a) return void m?.delete(key);
    if (!m) this.bySite.set(site, (m = new Map()));
    m.set(key, a);
  }
  active(site: string): Iterable<ActiveAlarm> {
    return this.bySite.get(site)?.values() ?? [];
  }
  count(site: string): number {
    return this.bySite.get(site)?.size ?? 0;
  }
}

export interface AlarmChange {
  siteId: string;
  key: string;
  active: ActiveAlarm | null;
  event: AlarmEventPayload;
}

/**
 * Write the batch's records in order inside its transaction; returns the changes to apply to the book after
 * commit (the book itself changes only after commit, so a retried batch starts from the same state).
 */
export async function writeAlarms(tx: TransactionSql, reg: Registry, book: AlarmBook, records: readonly DetectionRecord[]) {
  const overlay = new Map<string, ActiveAlarm | null>();
  const changes: AlarmChange[] = [];
  for (const r of records) {
    const c = await writeAlarm(tx, reg, (site, key) => (overlay.has(key) ? overlay.get(key) ?? undefined : book.get(site, key)), r);
    if (!c) continue;
    overlay.set(c.key, c.active);
    changes.push(c);
  }
  return changes;
}

async function writeAlarm(
  tx: TransactionSql, reg: Registry, prevOf: (site: string, key: string) => ActiveAlarm | undefined, r: DetectionRecord,
): Promise<AlarmChange | null> {
  const dev = reg.device(r.device);
  if (!dev) return null;
  const site = reg.sites.get(dev.siteId);
  if (!site) return null;
  const ch = r.ch ?? null;
  const circuit = ch === null ? undefined : dev.circuits.get(ch);
  const key = keyOf(r.device, ch, r.type);
  const prev = prevOf(site.id, key);
  const evidence = JSON.stringify(r.evidence ?? {});
  const value = num(r.value);
  const threshold = num(r.threshold);
  let id: number;
  let change: AlarmEventPayload['change'];
  if (r.clearedAt !== null) {
    const [row] = await tx<{ id: number }[]>`
      UPDATE alarms SET cleared_at = ${new Date(r.clearedAt)}, updated_at = now(), value = ${value}, reason_zh = ${r.reasonZh},
        reason_en = ${r.reason}, evidence = ${evidence}::jsonb
      WHERE device_id = ${r.device} AND coalesce(ch, 0) = ${ch ?? 0} AND type = ${r.type} AND cleared_at IS NULL
      RETURNING id`;
    if (row) id = row.id;
    else {
      // the opening was never stored (e.g. state restored from an older snapshot): keep a closed record
      const [ins] = await tx<{ id: number }[]>`
        INSERT INTO alarms (site_id, device_id, ch, circuit_id, type, severity, opened_at, cleared_at, value, threshold, reason_zh, reason_en, evidence)
        VALUES (${site.id}, ${r.device}, ${ch}, ${circuit?.id ?? null}, ${r.type}, ${r.severity}, ${new Date(r.openedAt)},
          ${new Date(r.clearedAt)}, ${value}, ${threshold}, ${r.reasonZh}, ${r.reason}, ${evidence}::jsonb)
        RETURNING id`;
      id = ins.id;
    }
    change = 'cleared';
  } else {
    const [row] = await tx<{ id: number; inserted: boolean }[]>`
      INSERT INTO alarms (site_id, device_id, ch, circuit_id, type, severity, opened_at, value, threshold, reason_zh, reason_en, evidence)
      VALUES (${site.id}, ${r.device}, ${ch}, ${circuit?.id ?? null}, ${r.type}, ${r.severity}, ${new Date(r.openedAt)},
        ${value}, ${threshold}, ${r.reasonZh}, ${r.reason}, ${evidence}::jsonb)
      ON CONFLICT (device_id, (coalesce(ch, 0)), type) WHERE cleared_at IS NULL DO UPDATE SET
        severity = excluded.severity, value = excluded.value, threshold = excluded.threshold, reason_zh = excluded.reason_zh,
        reason_en = excluded.reason_en, evidence = excluded.evidence, updated_at = now()
      RETURNING id, (xmax = 0) AS inserted`;
    id = row.id;
    change = row.inserted || !prev ? 'opened' : severityRank(r.severity) > severityRank(prev.severity) ? 'escalated' : 'updated';
  }
  return {
    siteId: site.id,
    key,
    active: r.clearedAt === null ? { type: r.type, severity: r.severity } : null,
    event: {
      id,
      siteId: site.id,
      siteName: site.nameZh,
      countyAdcode: site.countyAdcode,
      category: site.category,
      deviceId: r.device,
      ch,
      circuitId: circuit?.id ?? null,
      circuitName: circuit?.nameZh ?? null,
      type: r.type,
      severity: r.severity,
      openedAt: r.openedAt,
      clearedAt: r.clearedAt,
      value,
      threshold,
      reasonZh: r.reasonZh,
      reasonEn: r.reason,
      change,
    },
  };
}
