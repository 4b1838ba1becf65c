/**
 * Chamdo weather (3,200 m, ~31.1°N 97.2°E), random access in time: every term is a closed-form function of
 * the timestamp (seasonal harmonics + hashed value noise), so a backfill can evaluate any instant directly.
 * Climate anchors: January mean ≈ −2.5 °C, July ≈ 16 °C, winter day–night swing ≈ 15 K (dry, clear),
 * summer ≈ 9 K; May–September monsoon raises rain frequency and humidity.
 */
import { SOLAR_NOON_BJT, DAY_MS, HOUR_MS, bjtDay, bjtHour, dayInfo, winterness } from './calendar.ts';
import { fbm2, hash32, noise1 } from './rng.ts';

export interface Weather {
  /** outdoor air temperature, °C */
  t: number;
  /** outdoor relative humidity, % */
  rh: number;
  raining: boolean;
}

export interface WeatherParts extends Weather {
  /** slow part (seasonal mean + synoptic + rain cooling), °C */
  mean: number;
  /** diurnal swing around `mean`, °C */
  diurnal: number;
  /** 0–1 cloud/rain wetness */
  wet: number;
}

/** Diurnal shape −1 at sunrise (~solar 6.5 h) → +1 at solar 15 h; asymmetric cosine halves. */
function diurnalShape(solarH: number): number {
  const hs = (solarH + 24) % 24;
  if (hs >= 6.5 && hs < 15) return -Math.cos((Math.PI * (hs - 6.5)) / 8.5);
  const x = hs >= 15 ? hs - 15 : hs + 9; // hours since 15:00 solar, 0–15.5
  return Math.cos((Math.PI * x) / 15.5);
}

/** Probability of rain at this day of year: ~0.04 in winter, ~0.4 in July. */
function rainChance(doy: number): number {
  const z = (doy - 200) / 58;
  return 0.04 + 0.36 * Math.exp(-z * z);
}

export function weatherParts(seed: number, tsMs: number): WeatherParts {
  const day = bjtDay(tsMs);
  const doy = dayInfo(day).doy + bjtHour(tsMs) / 24;
  const w = winterness(doy);
  const hours = tsMs / HOUR_MS;
  const s = hash32(seed, 0x7ea7);
  // rain: a smooth 5-h noise field crossing a seasonal threshold
  const rn = noise1(s ^ 1, hours / 5);
  const th = 1 - 2 * rainChance(doy);
  const raining = rn > th;
  const wet = Math.max(0, Math.min(1, (rn - th + 0.35) / 0.5)); // clouds build before rain starts
  const synoptic = 3 * fbm2(s ^ 2, tsMs / (2.5 * DAY_MS)) + 0.8 * noise1(s ^ 3, hours / 7);
  const mean = 6.75 - 9.25 * w + synoptic - 2.2 * wet;
  const range = (12.5 + 3 * w) * (1 - 0.55 * wet);
  const shape = diurnalShape(bjtHour(tsMs) - (SOLAR_NOON_BJT - 12));
  const diurnal = 0.5 * range * shape;
  const t = mean + diurnal;
  let rh = 50 - 18 * w - 14 * shape + 7 * noise1(s ^ 4, hours / 9) + wet * 25;
  if (raining) rh = Math.max(rh, 88 + 8 * noise1(s ^ 5, hours / 2));
  rh = Math.max(8, Math.min(100, rh));
  return { t, rh, raining, mean, diurnal, wet };
}

/** Outdoor weather at Chamdo for a seed (one seed = one weather history shared by the fleet). */
export function weather(seed: number, tsMs: number): Weather {
  const p = weatherParts(seed, tsMs);
  return { t: p.t, rh: p.rh, raining: p.raining };
}

/** Saturation vapour pressure (hPa), Magnus formula. */
export function satVapour(tC: number): number {
  return 6.112 * Math.exp((17.62 * tC) / (243.12 + tC));
}

/** Relative humidity after warming/cooling outdoor air (rhOut at tOut) to tIn, same vapour content. */
export function rhAt(tOut: number, rhOut: number, tIn: number): number {
  const rh = (rhOut * satVapour(tOut)) / satVapour(tIn);
  return rh > 100 ? 100 : rh < 3 ? 3 : rh;
}
