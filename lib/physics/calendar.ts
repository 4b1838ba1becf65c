/**
 * Beijing-time (UTC+8) calendar for load profiles: weekday/weekend, national holidays, Tibetan festivals
 * and Tibetan school vacations. Day facts are cached per local day (samples arrive roughly time-ordered).
 * Festival dates are approximations (the Tibetan calendar is lunisolar); good enough for load shapes.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const BJT_MS = 8 * HOUR_MS;
/** Chamdo lies at ~97.2°E: solar noon is ~1.5 h after 12:00 Beijing time. */
export const SOLAR_NOON_BJT = 13.52;

/** Local (Beijing) day number since 1970-01-01. */
export function bjtDay(tsMs: number): number {
  return Math.floor((tsMs + BJT_MS) / DAY_MS);
}
/** Fractional local hour 0–24. */
export function bjtHour(tsMs: number): number {
  const r = (tsMs + BJT_MS) % DAY_MS;
  return (r < 0 ? r + DAY_MS : r) / HOUR_MS;
}

// Losar (Tibetan new year), approximate per year; other years fall back to mid-February.
const LOSAR: Record<number, string> = {
  2022: '2022-03-03',
  2023: '2023-02-21',
  2024: '2024-02-10',
  2025: '2025-02-28',
  2026: '2026-02-18',
  2027: '2027-02-07',
};
// Chinese Spring Festival (national 7-day holiday starts on its eve).
const SPRING: Record<number, string> = {
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
};
/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; no Date object needed). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
/** Inverse of daysFromCivil. */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}
const dayOf = (iso: string): number => daysFromCivil(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));

export interface DayInfo {
  day: number;
  year: number;
  month: number; // 1–12
  dom: number;
  dow: number; // 0 = Sunday
  doy: number; // 0-based
  weekend: boolean;
  /** national public holiday (incl. Spring Festival week, Losar days off in Tibet) */
  holiday: boolean;
  /** festival intensity 0–1: Losar, Monlam, Saga Dawa, Shoton — temples and malls peak */
  festival: number;
  /** boarding schools mostly empty */
  schoolVacation: boolean;
}

const cache = new Map<number, DayInfo>();

export function dayInfo(day: number): DayInfo {
  const hit = cache.get(day);
  if (hit) return hit;
  if (cache.size > 8192) cache.clear();
  const { y: year, m: month, d: dom } = civilFromDays(day);
  const dow = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const doy = day - daysFromCivil(year, 1, 1);
  const losar = LOSAR[year] ? dayOf(LOSAR[year]) : daysFromCivil(year, 2, 15);
  const spring = SPRING[year] ? dayOf(SPRING[year]) : daysFromCivil(year, 2, 5);
  const sinceLosar = day - losar;
  let festival = 0;
  if (sinceLosar >= -1 && sinceLosar <= 3)
    festival = 1; // Losar itself
  else if (sinceLosar >= 4 && sinceLosar <= 15)
    festival = 0.6; // Monlam prayer festival
  else if (Math.abs(sinceLosar - 103) <= 1)
    festival = 0.8; // Saga Dawa full moon (~4th month 15th)
  else if (sinceLosar >= 176 && sinceLosar <= 182) festival = 0.5; // Shoton week (late Aug)
  const md = month * 100 + dom;
  const national = md === 101 || (md >= 501 && md <= 505) || (md >= 1001 && md <= 1007) || (day >= spring - 1 && day <= spring + 6);
  const holiday = national || (sinceLosar >= 0 && sinceLosar <= 6);
  // Tibet: long winter break (~10 Jan – 1 Mar, extended to cover Losar), short summer (~12 Jul – 20 Aug).
  const schoolVacation =
    (md >= 110 && md <= 301) || (sinceLosar >= -3 && sinceLosar <= 8) || (md >= 712 && md <= 820) || (md >= 1001 && md <= 1007);
  const info: DayInfo = {
    day,
    year,
    month,
    dom,
    dow,
    doy,
    weekend: dow === 0 || dow === 6,
    holiday,
    festival,
    schoolVacation,
  };
  cache.set(day, info);
  return info;
}

/** Day length (h) at 31°N: ~10.1 h at the winter solstice, ~13.9 h at the summer solstice. */
export function dayLengthH(doy: number): number {
  return 12 + 1.9 * Math.sin((2 * Math.PI * (doy - 80)) / 365.25);
}

/** Seasonal cosine: +1 mid-January (coldest), −1 mid-July. */
export function winterness(doy: number): number {
  return Math.cos((2 * Math.PI * (doy - 15)) / 365.25);
}
