/**
 * The live figures from grouped counts, pure: which sites the online rate counts (fitted ones only; 未接入
 * sites are named beside it, never counted offline), and the all-time rectification share.
 */
import { isReporting, type SiteStatus } from '../vocabulary/index.ts';
import { ratio } from './ratio.ts';

export interface SiteCountRow {
  status: string;
  /** the site has at least one device */
  fitted: boolean;
  n: number;
}

export interface SiteFigures {
  sites: number;
  /** sites with at least one device: the online rate's base */
  fitted: number;
  unequipped: number;
  /** fitted sites whose devices report (not offline) */
  online: number;
  offline: number;
  onlineRate: number | null;
}

export function siteFigures(rows: SiteCountRow[]): SiteFigures {
  let sites = 0, fitted = 0, online = 0;
  for (const r of rows) {
    sites += r.n;
    if (!r.fitted) continue;
    fitted += r.n;
    if (isReporting(r.status as SiteStatus)) online += r.n;
  }
  return { sites, fitted, unequipped: sites - fitted, online, offline: fitted - online, onlineRate: ratio(online, fitted) };
}

/** the status a site is drawn with: a site without devices is 未接入 whatever its stored status says */
export const shownStatus = (status: SiteStatus, fitted: boolean): SiteStatus => (fitted ? status : 'unequipped');
