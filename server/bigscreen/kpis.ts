/**
 * Headline figures for the big screen: sites and devices online, active alarms by severity and by type.
 * One grouped query over sites/devices/alarms (never readings), scope-filtered.
 */
import type { Sql } from '../../db/client.ts';
import type { AlarmType, Severity } from '../../lib/protocol/v1.ts';
import { siteScopeSql, type Scope } from '../auth/scope.ts';

export interface LiveKpis {
  sites: number;
  /** sites whose status is not offline */
  sitesOnline: number;
  /** sites by live status */
  sitesByStatus: Record<string, number>;
  devices: number;
  devicesOnline: number;
  activeAlarms: number;
  alarmsBySeverity: Record<Severity, number>;
  alarmsByType: Partial<Record<AlarmType, number>>;
  /** alarms opened since Beijing midnight */
  alarmsToday: number;
}

export function beijingMidnight(now: Date): Date {
  const bj = now.getTime() + 8 * 3600_000;
  return new Date(bj - (bj % 86_400_000) - 8 * 3600_000);
}

export async function liveKpis(sql: Sql, scope: Scope, now = new Date()): Promise<LiveKpis> {
  const where = siteScopeSql(sql, scope);
  const [sites, devices, alarms, today] = await Promise.all([
    sql<{ status: string; n: number }[]>`SELECT s.status, count(*)::int AS n FROM sites s WHERE ${where} GROUP BY 1`,
    sql<{ n: number; online: number }[]>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE d.online)::int AS online
      FROM devices d JOIN sites s ON s.id = d.site_id WHERE ${where}`,
    sql<{ type: AlarmType; severity: Severity; n: number }[]>`
      SELECT a.type, a.severity, count(*)::int AS n
      FROM alarms a JOIN sites s ON s.id = a.site_id
      WHERE a.cleared_at IS NULL AND NOT a.false_alarm AND ${where} GROUP BY 1, 2`,
    sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM alarms a JOIN sites s ON s.id = a.site_id
      WHERE a.opened_at >= ${beijingMidnight(now)} AND NOT a.false_alarm AND ${where}`,
  ]);
  const sitesByStatus: Record<string, number> = {};
  for (const r of sites) sitesByStatus[r.status] = r.n;
  const total = sites.reduce((a, r) => a + r.n, 0);
  const alarmsBySeverity: Record<Severity, number> = { warning: 0, alarm: 0, critical: 0 };
  const alarmsByType: Partial<Record<AlarmType, number>> = {};
  for (const r of alarms) {
    alarmsBySeverity[r.severity] += r.n;
    alarmsByType[r.type] = (alarmsByType[r.type] ?? 0) + r.n;
  }
  return {
    sites: total,
    sitesOnline: total - (sitesByStatus.offline ?? 0),
    sitesByStatus,
    devices: devices[0]?.n ?? 0,
    devicesOnline: devices[0]?.online ?? 0,
    activeAlarms: alarms.reduce((a, r) => a + r.n, 0),
    alarmsBySeverity,
    alarmsByType,
    alarmsToday: today[0]?.n ?? 0,
  };
}
