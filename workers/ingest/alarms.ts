/**
 * Alarm records from detection → the alarms table (one active row per (device, ch, type), enforced by the
 * unique partial index alarms_one_active) and the in-memory book of active alarms per site that drives the
 * site status and the 'alarm' live events. Latching (lib/domain/alarm-latching.ts): a 报警/危急 hazard whose
 * condition ends is marked recovered_at and stays active until a person resets it (server/workflow/alarms/reset.ts);
 * if its condition returns first, the same row is active again at the worse severity.
 */
import type { TransactionSql } from 'postgres';
import type { Sql } from '../../platform/db.ts';
import type { AlarmEventPayload } from '../../lib/events/realtime.ts';
import type { AlarmType, Severity } from '../../lib/protocol/v1.ts';
import { severityRank } from '../../lib/domain/vocabulary/index.ts';
import { latches, worseSeverity } from '../../lib/domain/alarm-latching.ts';
import type { DetectionRecord } from './detect-stage.ts';
import type { Registry } from './registry.ts';

export interface ActiveAlarm {
  type: AlarmType;
  severity: Severity;
  /** its condition is gone; it awaits a reset */
  recovered: boolean;
}
export const keyOf = (device: string, ch: number | null | undefined, type: string) => `${device}/${ch ?? 0}/${type}`;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export class AlarmBook {
  /** site → alarm key → active alarm */
  bySite = new Map<string, Map<string, ActiveAlarm>>();

  async load(sql: Sql) {
    this.bySite.clear();
    const rows = await sql<{ site_id: string; device_id: string; ch: number | null; type: AlarmType; severity: Severity; recovered: boolean }[]>`
      SELECT site_id, device_id, ch, type, severity, recovered_at IS NOT NULL AS recovered FROM alarms WHERE cleared_at IS NULL`;
    for (const r of rows) this.set(r.site_id, keyOf(r.device_id, r.ch, r.type), { type: r.type, severity: r.severity, recovered: r.recovered });
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
  let active: ActiveAlarm | null;
  let severity = r.severity;
  let recoveredAt: number | null = null;
  let openedAt = r.openedAt;
  const held = prev ? worseSeverity(prev.severity, r.severity) : r.severity;
  if (r.clearedAt !== null && prev && latches(r.type, held)) {
    // the condition is gone, the alarm is not: 已恢复待复位 until a person resets it
    const [row] = await tx<{ id: number; opened_at: Date }[]>`
      UPDATE alarms SET recovered_at = ${new Date(r.clearedAt)}, updated_at = now(), value = ${value}, reason_zh = ${r.reasonZh},
        reason_en = ${r.reason}, evidence = ${evidence}::jsonb
      WHERE device_id = ${r.device} AND coalesce(ch, 0) = ${ch ?? 0} AND type = ${r.type} AND cleared_at IS NULL
      RETURNING id, opened_at`;
    if (!row) return null;
    id = row.id;
    openedAt = row.opened_at.getTime();
    severity = held;
    recoveredAt = r.clearedAt;
    change = 'recovered';
    active = { type: r.type, severity: held, recovered: true };
  } else if (r.clearedAt !== null) {
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
    active = null;
  } else {
    const [row] = await tx<{ id: number; inserted: boolean; opened_at: Date }[]>`
      INSERT INTO alarms (site_id, device_id, ch, circuit_id, type, severity, opened_at, value, threshold, reason_zh, reason_en, evidence)
      VALUES (${site.id}, ${r.device}, ${ch}, ${circuit?.id ?? null}, ${r.type}, ${r.severity}, ${new Date(r.openedAt)},
        ${value}, ${threshold}, ${r.reasonZh}, ${r.reason}, ${evidence}::jsonb)
      ON CONFLICT (device_id, (coalesce(ch, 0)), type) WHERE cleared_at IS NULL DO UPDATE SET
        severity = ${prev?.recovered ? held : r.severity}, value = excluded.value, threshold = excluded.threshold,
        reason_zh = excluded.reason_zh, reason_en = excluded.reason_en, evidence = excluded.evidence, recovered_at = NULL, updated_at = now()
      RETURNING id, (xmax = 0) AS inserted, opened_at`;
    id = row.id;
    openedAt = row.opened_at.getTime();
    // a latched alarm whose condition returns is the same alarm again, never milder than it was
    if (!row.inserted && prev?.recovered) severity = held;
    change = row.inserted || !prev ? 'opened' : severityRank(severity) > severityRank(prev.severity) ? 'escalated' : 'updated';
    active = { type: r.type, severity, recovered: false };
  }
  return {
    siteId: site.id,
    key,
    active,
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
      severity,
      openedAt,
      clearedAt: active ? null : r.clearedAt,
      recoveredAt,
      value,
      threshold,
      reasonZh: r.reasonZh,
      reasonEn: r.reason,
      change,
    },
  };
}

/** A person reset alarm `id` (server/workflow/alarms/reset.ts): the change that takes it off the site's active alarms. */
export async function resetChange(sql: Sql, reg: Registry, id: number): Promise<AlarmChange | null> {
  const [a] = await sql<{ device_id: string; ch: number | null; type: AlarmType; severity: Severity; opened_at: Date; cleared_at: Date | null;
    recovered_at: Date | null; value: number | null; threshold: number | null; reason_zh: string; reason_en: string }[]>`
    SELECT device_id, ch, type, severity, opened_at, cleared_at, recovered_at, value, threshold, reason_zh, reason_en
    FROM alarms WHERE id = ${id} AND reset_at IS NOT NULL`;
  const dev = a && reg.device(a.device_id);
  const site = dev && reg.sites.get(dev.siteId);
  if (!a || !dev || !site) return null;
  const circuit = a.ch === null ? undefined : dev.circuits.get(a.ch);
  return {
    siteId: site.id,
    key: keyOf(a.device_id, a.ch, a.type),
    active: null,
    event: {
      id, siteId: site.id, siteName: site.nameZh, countyAdcode: site.countyAdcode, category: site.category, deviceId: a.device_id, ch: a.ch,
      circuitId: circuit?.id ?? null, circuitName: circuit?.nameZh ?? null, type: a.type, severity: a.severity, openedAt: a.opened_at.getTime(),
      clearedAt: a.cleared_at?.getTime() ?? null, recoveredAt: a.recovered_at?.getTime() ?? null, value: a.value, threshold: a.threshold,
      reasonZh: a.reason_zh, reasonEn: a.reason_en, change: 'reset',
    },
  };
}
