/** Node-only. One circuit of a site, scope-guarded: its registry row, latest reading and alarms. */
import type { Sql } from '../../platform/db.ts';
import type { TwinAlarm } from '../../lib/twin/types.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import { alarmsOfCircuit } from './alarms.ts';

/** The circuit id when it belongs to this (visible) site, else null. */
export async function circuitOfSite(sql: Sql, scope: Scope, siteId: string, circuitId: number): Promise<number | null> {
  const [r] = await sql<{ id: number }[]>`
    SELECT k.id FROM circuits k JOIN sites s ON s.id = k.site_id
    WHERE k.id = ${circuitId} AND k.site_id = ${siteId} AND ${siteScopeSql(sql, scope)}`;
  return r?.id ?? null;
}

export async function circuitAlarms(sql: Sql, siteId: string, circuitId: number): Promise<{ active: TwinAlarm[]; past: TwinAlarm[] }> {
  const all = await alarmsOfCircuit(sql, siteId, circuitId, 40);
  return { active: all.filter((a) => a.clearedAt == null), past: all.filter((a) => a.clearedAt != null) };
}
