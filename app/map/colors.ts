/** Site colours per docs/UI.md: the category hue only when normal, the status colour otherwise. */
import { CATEGORIES, SITE_STATUS_INFO, type SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import type { SiteCategory } from '../../lib/protocol/v1.ts';

export type RGBA = [number, number, number, number];

export function hexToRgba(hex: string, a = 255): RGBA {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, a];
}

const CAT_RGBA = Object.fromEntries(Object.values(CATEGORIES).map((c) => [c.id, hexToRgba(c.hue)])) as Record<SiteCategory, RGBA>;
const STATUS_RGBA = Object.fromEntries(Object.entries(SITE_STATUS_INFO).map(([k, v]) => [k, hexToRgba(v.colour)])) as Record<SiteStatus, RGBA>;

export function siteFill(category: SiteCategory, status: SiteStatus): RGBA {
  if (status === 'normal') return CAT_RGBA[category] ?? STATUS_RGBA.normal;
  if (status === 'offline') return hexToRgba(SITE_STATUS_INFO.offline.colour, 200);
  return STATUS_RGBA[status];
}

/** hazards stand out by size and a light ring too, not by colour alone */
export function siteRadius(status: SiteStatus): number {
  return status === 'critical' ? 8 : status === 'alarm' ? 7 : status === 'warning' || status === 'fault' ? 6 : 4.5;
}

export function siteLine(status: SiteStatus): RGBA {
  return status === 'alarm' || status === 'critical' ? [255, 255, 255, 230] : [4, 10, 21, 200];
}
