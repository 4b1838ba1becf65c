/**
 * A site's status (docs/UI.md): its words, colour, icon (never colour alone) and rank, and the one rule that
 * turns an active alarm into a status: equipment faults read 'fault', hazards their severity, and a latched hazard
 * whose condition is gone 'recovered' (已恢复待复位) until a person resets it. A site with no detector fitted yet is
 * 'unequipped' (未接入), never 'offline': offline means fitted devices that stopped talking.
 */
import type { AlarmType, Severity } from '../../protocol/v1.ts';
import { isFaultType } from './alarm-types.ts';
import { STATUS_COLOURS } from './colours.ts';

export const SITE_STATUSES = ['normal', 'warning', 'alarm', 'critical', 'fault', 'recovered', 'offline', 'unequipped'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];

export interface SiteStatusInfo {
  zh: string;
  en: string;
  colour: string;
  icon: string;
  /** higher is worse: a site shows its worst */
  rank: number;
}

export const SITE_STATUS_INFO: Record<SiteStatus, SiteStatusInfo> = {
  unequipped: { zh: '未接入', en: 'Not yet fitted', colour: STATUS_COLOURS.unequipped, icon: '◌', rank: -1 },
  offline: { zh: '离线', en: 'Offline', colour: STATUS_COLOURS.offline, icon: '○', rank: 0 },
  normal: { zh: '正常', en: 'Normal', colour: STATUS_COLOURS.normal, icon: '●', rank: 1 },
  fault: { zh: '故障', en: 'Fault', colour: STATUS_COLOURS.fault, icon: '■', rank: 2 },
  recovered: { zh: '已恢复待复位', en: 'Recovered, awaiting reset', colour: STATUS_COLOURS.recovered, icon: '◇', rank: 3 },
  warning: { zh: '预警', en: 'Warning', colour: STATUS_COLOURS.warning, icon: '▲', rank: 4 },
  alarm: { zh: '报警', en: 'Alarm', colour: STATUS_COLOURS.alarm, icon: '◆', rank: 5 },
  critical: { zh: '危急', en: 'Critical', colour: STATUS_COLOURS.critical, icon: '★', rank: 6 },
};

/** worst first: legends and lists read from the most urgent down */
export const STATUSES_WORST_FIRST: SiteStatus[] = [...SITE_STATUSES].sort((a, b) => SITE_STATUS_INFO[b].rank - SITE_STATUS_INFO[a].rank);

export const statusRank = (s: SiteStatus) => SITE_STATUS_INFO[s].rank;

/** the status an active alarm gives its site; `recovered`: its condition is gone and it awaits a reset */
export const alarmStatus = <S extends Severity>(type: AlarmType, severity: S, recovered = false): 'fault' | 'recovered' | S =>
  isFaultType(type) ? 'fault' : recovered ? 'recovered' : severity;

/** the statuses of sites whose devices report (online rates count these) */
export const isReporting = (s: SiteStatus) => s !== 'offline' && s !== 'unequipped';

/** the worse of two statuses (null: none yet) */
export const worseStatus = (a: SiteStatus | null | undefined, b: SiteStatus): SiteStatus => (a && statusRank(a) >= statusRank(b) ? a : b);
