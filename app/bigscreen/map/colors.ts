/** Status and risk colours of the big-screen map (docs/UI.md status colours; the category hue only when normal). */
import { STATUS_COLOURS, type SiteStatus } from '../../../lib/domain/vocabulary/index.ts';
import type { SiteCategory } from '../../../lib/protocol/v1.ts';
import { hexToRgba, siteFill, type RGBA } from '../../map/colors.ts';

export { hexToRgba, type RGBA };

const NORMAL: RGBA = hexToRgba(STATUS_COLOURS.normal, 215);

/** status colour; the sector's hue replaces the normal green only when the wall asks for colours by sector */
export function dotFill(category: SiteCategory, status: SiteStatus, stale = false, bySector = false): RGBA {
  const c = status === 'normal' && !bySector ? NORMAL : siteFill(category, status);
  // playback or stale data: desaturated, never mistaken for live colour
  if (!stale) return c;
  const g = Math.round(0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2]);
  return [Math.round((c[0] + g) / 2), Math.round((c[1] + g) / 2), Math.round((c[2] + g) / 2), c[3]];
}

/** hazards stand out by size and a white ring, not by colour alone (design px) */
export function dotRadius(status: SiteStatus): number {
  return status === 'critical'
    ? 9
    : status === 'alarm'
      ? 8
      : status === 'warning' || status === 'fault'
        ? 6
        : status === 'offline'
          ? 3
          : 3.6;
}

export function dotLine(status: SiteStatus): RGBA {
  return status === 'alarm' || status === 'critical' ? [255, 255, 255, 240] : [4, 10, 21, 210];
}

/** risk ramp for density and columns: cool blue → amber → red → magenta (never the normal dots' green) */
export const RISK_RANGE: RGBA[] = [
  [60, 120, 255, 150],
  [56, 198, 255, 180],
  [255, 200, 40, 205],
  [255, 140, 30, 220],
  hexToRgba(STATUS_COLOURS.alarm, 235),
  hexToRgba(STATUS_COLOURS.critical, 245),
];

export function riskColour(v: number, max: number): RGBA {
  if (max <= 0) return RISK_RANGE[0];
  const i = Math.min(RISK_RANGE.length - 1, Math.floor((v / max) * RISK_RANGE.length));
  return RISK_RANGE[i];
}

/** choropleth ramps (dark → lit): coverage from wine (little) to green (all), hazards from calm teal (none) to red */
export const COVERAGE_STOPS = ['#3a1830', '#5a2a2a', '#7a5a1e', '#1f6b6b', '#17a38a', STATUS_COLOURS.normal];
/** first stop: no open hazard — a calm tint, so the layer visibly says "none" rather than vanishing */
export const HAZARD_STOPS = ['#135a5a', '#4a3a12', '#7a5410', '#a8650c', '#d6700e', STATUS_COLOURS.alarm];

export function coverageColour(share: number | null): string {
  if (share == null) return 'rgba(0,0,0,0)';
  return COVERAGE_STOPS[Math.max(0, Math.min(COVERAGE_STOPS.length - 1, Math.floor(share * COVERAGE_STOPS.length)))];
}

export function hazardColour(n: number, max: number): string {
  if (n <= 0) return HAZARD_STOPS[0];
  const lit = HAZARD_STOPS.length - 1;
  return HAZARD_STOPS[1 + Math.min(lit - 1, Math.floor((n / Math.max(1, max)) * lit))];
}
