/**
 * The status palette of docs/UI.md (dark theme): one colour per meaning on every screen, chart, PDF and e-mail.
 * Everything else that means "good / watch / bad" borrows these, so a red always says the same thing.
 */
import type { SiteStatus } from './site-statuses.ts';

export const STATUS_COLOURS: Record<SiteStatus, string> = {
  normal: '#2bd9a0',
  warning: '#ffb020',
  alarm: '#ff4d4f',
  critical: '#ff1f6b',
  fault: '#f5e14b',
  recovered: '#b48cff',
  offline: '#6b7785',
  unequipped: '#3c4858',
};

/** The same meanings for white paper (report PDFs and their charts): darker, so they print and photocopy. */
export const PRINT_STATUS_COLOURS: Record<SiteStatus, string> = {
  normal: '#1f9d74',
  warning: '#e69500',
  alarm: '#d9363e',
  critical: '#b0124f',
  fault: '#a68f00',
  recovered: '#7a4fd6',
  offline: '#8c96a3',
  unequipped: '#c3c9d1',
};

/** Tones for figures that are not a site's status (overdue counts, scores, rates): the same hues, named by use. */
export const TONES = {
  good: STATUS_COLOURS.normal,
  watch: STATUS_COLOURS.warning,
  bad: STATUS_COLOURS.alarm,
  severe: STATUS_COLOURS.critical,
  muted: STATUS_COLOURS.offline,
} as const;
export type Tone = keyof typeof TONES;

/**
 * The palette as CSS custom properties (--normal, --warning, …), set once on the root element so style sheets
 * use var(--alarm) instead of repeating the hex.
 */
export const STATUS_CSS_VARS: Record<`--${SiteStatus}`, string> = Object.fromEntries(
  Object.entries(STATUS_COLOURS).map(([k, v]) => [`--${k}`, v]),
) as Record<`--${SiteStatus}`, string>;
