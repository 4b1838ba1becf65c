/**
 * Headline figures for the big screen: sites and devices online, active alarms by severity and by type.
 * One grouped query over sites/devices/alarms (never readings), scope-filtered.
 */
import type { Sql } from '../../platform/db.ts';
import type { AlarmType, Severity } from '../../lib/protocol/v1.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import { FAULT_TYPES, isFaultType } from '../../lib/domain/vocabulary/index.ts';
import { siteFigures } from '../../lib/domain/kpi/live.ts';

export interface LiveKpis {
  sites: number;
  /** sites with at least one device: the online rate's base (the rest are not fitted yet, 未接入) */
  sitesConnected: number;
  /** connected sites whose devices report (docs/KPI.md: 在线率（已接入单位）) */
  sitesOnline: number;
  /** sitesOnline / sitesConnected; null when nothing is fitted yet */
  sitesOnlineRate: number | null;
  /** sites with no device yet (未接入), never counted offline */
  sitesUnequipped: number;
  /** sites by live status */
  sitesByStatus: Record<string, number>;
  devices: number;
  devicesOnline: number;
  /** active hazard alarms (equipment faults are counted apart, in activeFaults) */
  activeAlarms: number;
  activeFaults: number;
  /** of the active hazard alarms, latched ones whose condition is gone (已恢复待复位) */
  activeRecovered: number;
  alarmsBySeverity: Record<Severity, number>;
  alarmsByType: Partial<Record<AlarmType, number>>;
  /** alarms opened since Beijing midnight */
  alarmsToday: number;
  /** alarms opened in the last 7 days, by type */
  alarms7dByType: Partial<Record<AlarmType, number>>;
}

export function beijingMidnight(now: Date): Date {
  const bj = now.getTime() + 8 * 3600_000;
  return new Date(bj - (bj % 86_400_000) - 8 * 3600_000);
}

export async function liveKpis(sql: Sql, scope: Scope, now = new Date()): Promise<LiveKpis> {
  const where = siteScopeSql(sql, scope);
  const [sites, devices, alarms, today, week] = await Promise.all([
    sql<{ status: string; connected: boolean; n: number }[]>`
      SELECT s.status, EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id) AS connected, count(*)::int AS n
      FROM sites s WHERE ${where} GROUP BY 1, 2`,
    sql<{ n: number; online: number }[]>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE d.online)::int AS online
      FROM devices d JOIN sites s ON s.id = d.site_id WHERE ${where}`,
    sql<{ type: AlarmType; severity: Severity; n: number; recovered: number }[]>`
      SELECT a.type, a.severity, count(*)::int AS n, count(*) FILTER (WHERE a.recovered_at IS NOT NULL)::int AS recovered
      FROM alarms a JOIN sites s ON s.id = a.site_id
      WHERE a.cleared_at IS NULL AND NOT a.false_alarm AND ${where} GROUP BY 1, 2`,
    sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM alarms a JOIN sites s ON s.id = a.site_id
      WHERE a.opened_at >= ${beijingMidnight(now)} AND NOT a.false_alarm AND a.type <> ALL(${FAULT_TYPES as unknown as string[]}::text[]) AND ${where}`,
    sql<{ type: AlarmType; n: number }[]>`
      SELECT a.type, count(*)::int AS n FROM alarms a JOIN sites s ON s.id = a.site_id
      WHERE a.opened_at >= ${new Date(now.getTime() - 7 * 86_400_000)} AND NOT a.false_alarm AND a.type <> ALL(${FAULT_TYPES as unknown as string[]}::text[]) AND ${where} GROUP BY 1`,
  ]);
  const sitesByStatus: Record<string, number> = {};
  for (const r of sites) sitesByStatus[r.status] = (sitesByStatus[r.status] ?? 0) + r.n;
  const fig = siteFigures(sites.map((r) => ({ status: r.status, fitted: r.connected, n: r.n })));
  const alarmsBySeverity: Record<Severity, number> = { warning: 0, alarm: 0, critical: 0 };
  const alarmsByType: Partial<Record<AlarmType, number>> = {};
  let activeFaults = 0;
  let activeRecovered = 0;
  for (const r of alarms) {
    if (isFaultType(r.type)) {
      activeFaults += r.n;
      continue;
    }
    activeRecovered += r.recovered;
    alarmsBySeverity[r.severity] += r.n;
    alarmsByType[r.type] = (alarmsByType[r.type] ?? 0) + r.n;
  }
  return {
    sites: fig.sites,
    sitesConnected: fig.fitted,
    sitesOnline: fig.online,
    sitesOnlineRate: fig.onlineRate,
    sitesUnequipped: fig.unequipped,
    sitesByStatus,
    devices: devices[0]?.n ?? 0,
    devicesOnline: devices[0]?.online ?? 0,
    activeAlarms: alarms.reduce((a, r) => a + (isFaultType(r.type) ? 0 : r.n), 0),
    activeFaults,
    activeRecovered,
    alarmsBySeverity,
    alarmsByType,
    alarmsToday: today[0]?.n ?? 0,
    alarms7dByType: Object.fromEntries(week.map((r) => [r.type, r.n])),
  };
}
