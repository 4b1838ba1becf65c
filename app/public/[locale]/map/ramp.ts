/** Coverage colour ramp (light → dark = low → high), shared by the map and its HTML legend. Universal. */
export const RAMP: { min: number; color: string }[] = [
  { min: 0, color: '#fde7cf' },
  { min: 50, color: '#f9bc82' },
  { min: 70, color: '#e68a3e' },
  { min: 85, color: '#b45a1c' },
  { min: 95, color: '#6e300c' },
];
export const NO_DATA = '#d5d8dc';

export function rampColor(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return NO_DATA;
  let c = RAMP[0].color;
  for (const r of RAMP) if (rate >= r.min) c = r.color;
  return c;
}

export const RAMP_EXPRESSION = [
  'case',
  ['==', ['get', 'rate'], null],
  NO_DATA,
  ['step', ['get', 'rate'], RAMP[0].color, ...RAMP.slice(1).flatMap((r) => [r.min, r.color])],
];
