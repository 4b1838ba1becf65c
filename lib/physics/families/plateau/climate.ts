/**
 * Changdu (Qamdo, 31.14 °N 97.17 °E, 3,240 m) outdoor climate for the plateau scenario family, written from
 * station normals, not from the project's own weather model:
 *  - CMA climate normals, Qamdo station 56137, 1991–2020 (monthly mean max/min, relative humidity, rain days):
 *    January ≈ 8 / −9 °C, rh ≈ 35 %, ~1 precipitation day; July ≈ 23.5 / 11.5 °C, rh ≈ 70 %, ~20 rain days,
 *    rain mostly at night and in afternoon showers (the valley climate of eastern Tibet).
 *  - Clear-sky irradiance at altitude: G ≈ 1,360 · 0.75^(AM^0.678) W/m² (Meinel & Meinel, "Applied Solar Energy",
 *    1976), air mass scaled by station pressure p/p0 ≈ 0.68 — the plateau sun is ~15 % stronger than at sea level.
 *  - Vapour pressure over water, Magnus form (Alduchov & Eskridge, J. Appl. Meteor. 35, 1996).
 * Everything is a pure function of (seed, time): day-level draws are hashed on the solar day, so any instant
 * can be evaluated directly.
 */
import { hash32, noise1, unit } from '../../rng.ts';

export type Season = 'winter' | 'rainy';
const HOUR = 3_600_000, DAY = 86_400_000;
/** local solar time = UTC + longitude / 15 h */
const SOLAR_OFFSET_MS = (97.17 / 15) * HOUR;
const LAT = (31.14 * Math.PI) / 180;
const PRESSURE_RATIO = 0.68; // 3,240 m

interface SeasonNormals { tMax: number; tMin: number; dewMean: number; rainDayP: number; cloudMean: number; doy: number }
const NORMALS: Record<Season, SeasonNormals> = {
  winter: { tMax: 8.0, tMin: -9.0, dewMean: -15.5, rainDayP: 0.04, cloudMean: 0.2, doy: 15 },
  rainy: { tMax: 23.5, tMin: 11.5, dewMean: 11.0, rainDayP: 0.65, cloudMean: 0.62, doy: 196 },
};

/** Saturation vapour pressure over water (hPa), Magnus form. */
export function satHpa(t: number): number {
  return 6.1094 * Math.exp((17.625 * t) / (t + 243.04));
}

/** Dew point (°C) of air holding vapour pressure e (hPa). */
export function dewPointOf(e: number): number {
  const g = Math.log(Math.max(e, 1e-3) / 6.1094);
  return (243.04 * g) / (17.625 - g);
}

export interface Outdoor {
  /** air temperature, °C */
  t: number;
  /** relative humidity, % */
  rh: number;
  /** vapour pressure, hPa */
  e: number;
  /** global irradiance on a horizontal surface, W/m² */
  ghi: number;
  /** sun elevation (rad, negative at night) and azimuth from south (rad, + west) */
  elev: number;
  azim: number;
  raining: boolean;
  /** thunderstorm in progress (surges on the supply; rainy season afternoons) */
  storm: boolean;
  /** clear-night radiative cooling strength 0–1 (dew on outdoor metal) */
  clearNight: number;
  /** solar hour 0–24 */
  solarH: number;
}

const u = (seed: number, d: number, k: number) => unit(hash32(seed, d, 0x7e00 + k));
type Draws = ReturnType<typeof drawDay>;
const memo: { seed: number; season: string; d: number; x: Draws }[] = [];
/** Day-level weather draws for the solar day `d` (hashed: random access; the last few are kept). */
function dayDraws(seed: number, season: Season, d: number): Draws {
  for (const m of memo) if (m.d === d && m.seed === seed && m.season === season) return m.x;
  const x = drawDay(seed, season, d);
  memo.unshift({ seed, season, d, x });
  if (memo.length > 4) memo.pop();
  return x;
}

function drawDay(seed: number, season: Season, d: number) {
  const n = NORMALS[season];
  // synoptic anomaly: smooth over ~2.5 days
  const anomaly = 2.8 * noise1(hash32(seed, 0xa11), d / 2.5);
  const cloud = Math.min(1, Math.max(0, n.cloudMean + 0.35 * (u(seed, d, 1) - 0.5) * 2 + 0.15 * noise1(hash32(seed, 0xc10), d / 1.7)));
  const rainDay = u(seed, d, 2) < n.rainDayP;
  return {
    anomaly,
    cloud,
    rainDay,
    // rainy-season rain comes at night (20–06 h) and in afternoon showers (14–19 h)
    nightRain: rainDay && u(seed, d, 3) < 0.75,
    showerStart: 14 + 3 * u(seed, d, 4),
    showerLen: rainDay && u(seed, d, 5) < 0.55 ? 0.5 + 2.5 * u(seed, d, 6) : 0,
    storm: rainDay && season === 'rainy' && u(seed, d, 7) < 0.35,
    dewAnom: 2.5 * (u(seed, d, 8) - 0.5) * 2,
  };
}

function sun(tsMs: number, doy: number): { elev: number; azim: number; solarH: number } {
  const solarMs = tsMs + SOLAR_OFFSET_MS;
  const solarH = (((solarMs % DAY) + DAY) % DAY) / HOUR;
  const decl = (-23.44 * Math.PI / 180) * Math.cos((2 * Math.PI * (doy + 10)) / 365);
  const hAngle = ((solarH - 12) * 15 * Math.PI) / 180;
  const sinE = Math.sin(LAT) * Math.sin(decl) + Math.cos(LAT) * Math.cos(decl) * Math.cos(hAngle);
  const elev = Math.asin(sinE);
  const cosA = (Math.sin(elev) * Math.sin(LAT) - Math.sin(decl)) / (Math.cos(elev) * Math.cos(LAT) + 1e-9);
  const azim = Math.sign(hAngle) * Math.acos(Math.max(-1, Math.min(1, cosA)));
  return { elev, azim, solarH };
}

let lastSeed = NaN, lastSeason = '', lastDoy = NaN, lastMinute = NaN;
let last: Outdoor | undefined;
/**
 * Outdoor weather at tsMs for a season (the scenario's calendar month decides the sun's declination), evaluated
 * on the whole minute: the devices of a fleet step a few seconds apart and share one sky, so the last minute is
 * kept. Do not mutate the result.
 */
export function outdoor(seed: number, season: Season, tsMs: number, doy: number): Outdoor {
  const minute = Math.floor(tsMs / 60_000);
  if (minute === lastMinute && seed === lastSeed && season === lastSeason && doy === lastDoy && last) return last;
  lastMinute = minute; lastSeed = seed; lastSeason = season; lastDoy = doy;
  return (last = outdoorAt(seed, season, minute * 60_000, doy));
}

function outdoorAt(seed: number, season: Season, tsMs: number, doy: number): Outdoor {
  const n = NORMALS[season];
  const { elev, azim, solarH } = sun(tsMs, doy);
  const d = Math.floor((tsMs + SOLAR_OFFSET_MS) / DAY);
  const w = dayDraws(seed, season, d);
  const wPrev = dayDraws(seed, season, d - 1);
  // diurnal shape: minimum near sunrise (~7 h solar), maximum at ~15 h; clouds shrink the range
  const range = (n.tMax - n.tMin) * (1 - 0.55 * w.cloud);
  const mean = (n.tMax + n.tMin) / 2 + w.anomaly;
  const x = ((solarH - 15 + 24) % 24) / 24; // 0 at the maximum
  const shape = x < 16 / 24 ? Math.cos((Math.PI * x) / (16 / 24)) : -Math.cos((Math.PI * (x - 16 / 24)) / (8 / 24));
  const nightRain = (solarH >= 20 && w.nightRain) || (solarH < 6 && wPrev.nightRain);
  const shower = w.showerLen > 0 && solarH >= w.showerStart && solarH < w.showerStart + w.showerLen;
  const raining = nightRain || shower;
  const t = mean + (range / 2) * shape - (raining ? 2.0 : 0) + 0.4 * noise1(hash32(seed, 0x7f), tsMs / (40 * 60_000));
  // vapour: the day's dew point, moister while it rains; never supersaturated
  const dew = Math.min(t, n.dewMean + w.dewAnom + (raining ? 2.5 : 0) + 0.8 * noise1(hash32(seed, 0xde), tsMs / (3 * HOUR)));
  const e = satHpa(dew);
  const rh = Math.min(100, raining ? Math.max(92, (100 * e) / satHpa(t)) : (100 * e) / satHpa(t));
  let ghi = 0;
  if (elev > 0.02) {
    const am = PRESSURE_RATIO / Math.sin(elev);
    const clear = 1361 * Math.sin(elev) * 0.75 ** (am ** 0.678) * 1.1; // 10 % diffuse on top of the beam
    const cloudNow = Math.min(1, Math.max(0, w.cloud + 0.25 * noise1(hash32(seed, 0xc1), tsMs / (25 * 60_000))));
    ghi = clear * (1 - 0.75 * cloudNow ** 3.4) * (raining ? 0.25 : 1);
  }
  const clearNight = elev < 0 ? Math.max(0, 1 - w.cloud * 1.4) : 0;
  const storm = w.storm && solarH >= w.showerStart && solarH < w.showerStart + Math.max(1, w.showerLen);
  return { t, rh, e, ghi, elev, azim, raining, storm, clearNight, solarH };
}
