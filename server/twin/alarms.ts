/** Node-only. Alarms for the twin: the site's active ones, and one circuit's active and past ones. */
import type { Sql } from '../../platform/db.ts';
import type { TwinAlarm } from '../../lib/twin/types.ts';

const COLS = (sql: Sql) => sql`
  a.id::int AS id, a.circuit_id AS "circuitId", a.device_id AS "deviceId", a.ch, a.type, a.severity,
  (extract(epoch FROM a.opened_at) * 1000)::float8 AS "openedAt",
  (extract(epoch FROM a.cleared_at) * 1000)::float8 AS "clearedAt",
  (extract(epoch FROM a.recovered_at) * 1000)::float8 AS "recoveredAt",
  a.value, a.threshold, a.reason_zh AS "reasonZh", a.reason_en AS "reasonEn"`;

export async function activeAlarmsOfSite(sql: Sql, siteId: string): Promise<TwinAlarm[]> {
  return sql<TwinAlarm[]>`
    SELECT ${COLS(sql)} FROM alarms a
    WHERE a.site_id = ${siteId} AND a.cleared_at IS NULL AND NOT a.false_alarm
    ORDER BY a.opened_at DESC LIMIT 500`;
}

export async function alarmsOfCircuit(sql: Sql, siteId: string, circuitId: number, limit = 30): Promise<TwinAlarm[]> {
  return sql<TwinAlarm[]>`
    SELECT ${COLS(sql)} FROM alarms a
    WHERE a.site_id = ${siteId} AND a.circuit_id = ${circuitId}
    ORDER BY (a.cleared_at IS NULL) DESC, a.opened_at DESC LIMIT ${limit}`;
}
