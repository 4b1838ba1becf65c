/**
 * The heat scale shared by the 3D circuits, the legend and the side panel. A circuit's heat is a ratio:
 * temperature mode — rise over ambient against the insulation's allowed rise ((t − 15) / (max − 15));
 * load mode — the highest phase current against the breaker rating. 0 cold … 1 at the limit.
 * Stops follow the UI's status colours: teal normal, amber warning (≥ 0.8), red alarm (≥ 1), magenta critical.
 */
import type { CircuitLatest } from '../events/realtime.ts';
import { STATUS_COLOURS } from '../domain/vocabulary/index.ts';

export type HeatMode = 'temperature' | 'load';

export const HEAT_STOPS: readonly { at: number; color: string }[] = [
  { at: 0, color: '#2f6fdf' },
  { at: 0.35, color: STATUS_COLOURS.normal },
  { at: 0.65, color: '#c9e04a' },
  { at: 0.8, color: STATUS_COLOURS.warning },
  { at: 1, color: STATUS_COLOURS.alarm },
  { at: 1.25, color: STATUS_COLOURS.critical },
];
export const NO_DATA_COLOR = STATUS_COLOURS.offline;
export const AMBIENT_C = 15;

export interface HeatInputs {
  ratedCurrentA: number;
  maxConductorC: number;
}

export function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

const STOP_RGB = HEAT_STOPS.map((s) => ({ at: s.at, rgb: hexToRgb(s.color) }));

/** sRGB 0..1 colour of a heat ratio (clamped to the scale). */
export function heatRgb(ratio: number): [number, number, number] {
  if (!Number.isFinite(ratio)) return hexToRgb(NO_DATA_COLOR);
  const r = Math.max(STOP_RGB[0].at, Math.min(ratio, STOP_RGB[STOP_RGB.length - 1].at));
  for (let i = 1; i < STOP_RGB.length; i++) {
    const a = STOP_RGB[i - 1];
    const b = STOP_RGB[i];
    if (r <= b.at) {
      const f = (r - a.at) / (b.at - a.at);
      if (f >= 1) return [...b.rgb];
      return [a.rgb[0] + (b.rgb[0] - a.rgb[0]) * f, a.rgb[1] + (b.rgb[1] - a.rgb[1]) * f, a.rgb[2] + (b.rgb[2] - a.rgb[2]) * f];
    }
  }
  return STOP_RGB[STOP_RGB.length - 1].rgb;
}

const num = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function maxOf(...vs: (number | undefined)[]): number | undefined {
  let m: number | undefined;
  for (const v of vs) {
    const n = num(v);
    if (n !== undefined && (m === undefined || n > m)) m = n;
  }
  return m;
}

export function hottestC(l: CircuitLatest): number | undefined {
  return maxOf(l.ta, l.tb, l.tc, l.tn);
}

export function highestA(l: CircuitLatest): number | undefined {
  return maxOf(l.ia, l.ib, l.ic);
}

/** The heat ratio of a reading, or NaN when the reading lacks the measurement. */
export function heatRatio(mode: HeatMode, c: HeatInputs, l: CircuitLatest | undefined): number {
  if (!l) return NaN;
  if (mode === 'load') {
    const i = highestA(l);
    return i === undefined || c.ratedCurrentA <= 0 ? NaN : i / c.ratedCurrentA;
  }
  const t = hottestC(l);
  const span = Math.max(5, c.maxConductorC - AMBIENT_C);
  return t === undefined ? NaN : Math.max(0, (t - AMBIENT_C) / span);
}

/** Legend ticks for the current mode (label under the stop). */
export function legendTicks(mode: HeatMode, lang: 'zh' | 'en'): { at: number; label: string }[] {
  if (mode === 'load')
    return [0, 0.35, 0.8, 1, 1.25].map((at) => ({ at, label: `${Math.round(at * 100)}%` }));
  const lim = lang === 'zh' ? '限值' : 'limit';
  return [
    { at: 0, label: `${AMBIENT_C}°C` },
    { at: 0.5, label: `50% ${lim}` },
    { at: 0.8, label: '80%' },
    { at: 1, label: lim },
    { at: 1.25, label: '>' },
  ];
}

/** Whether the last sample is older than `factor` report intervals. */
export function isStale(l: CircuitLatest | undefined, reportIntervalS: number, now: number, factor = 3): boolean {
  return !l || now - l.ts > reportIntervalS * 1000 * factor;
}
