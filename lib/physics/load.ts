/**
 * Calendar load profiles: the fraction (≈0–1.1) of a circuit's design peak load drawn at a given instant,
 * by site category and load type, in Beijing time. Pure function of time; an optional Rng adds sample
 * noise and switches motors on/off (duty cycle) — without it the mean profile is returned.
 */
import type { LoadType } from '../protocol/v1.ts';
import { SOLAR_NOON_BJT, bjtDay, bjtHour, dayInfo, dayLengthH, winterness, type DayInfo } from './calendar.ts';
import type { Rng } from './rng.ts';

/** Smooth on-window [start, end) in hours, wrapping midnight, with ~ramp h edges. */
export function win(h: number, start: number, end: number, ramp = 0.5): number {
  const len = (end - start + 24) % 24 || 24;
  const x = (h - start + 24) % 24; // hours since window start
  if (x < len) return Math.min(1, (x + ramp / 2) / ramp, (len - x + ramp / 2) / ramp);
  const after = x - len; // hours since window end
  const before = 24 - x; // hours until window start
  return Math.max(0, 0.5 - after / ramp, 0.5 - before / ramp);
}

/** Gaussian bump centred at c (h) with width w (h), wrapping midnight. */
export function bump(h: number, c: number, w: number): number {
  let d = Math.abs(h - c);
  if (d > 12) d = 24 - d;
  return Math.exp(-0.5 * (d / w) * (d / w));
}

/** 1 in darkness, 0 in daylight (civil twilight ramps), solar time of Chamdo. */
export function darkness(h: number, doy: number): number {
  const half = dayLengthH(doy) / 2;
  return 1 - win(h, SOLAR_NOON_BJT - half, SOLAR_NOON_BJT + half, 1);
}

/** Heating need 0–1: full Nov–Mar, little May–Sep (Chamdo nights stay cool even in summer). */
export function heatingSeason(doy: number): number {
  return Math.min(1, Math.max(0.08, 0.55 + 0.75 * winterness(doy)));
}

interface Activity {
  occ: number; // people/equipment activity 0–1
  light: number; // floor of lighting independent of occupancy (security, lamps)
  heat: number; // heater use given heating need, 0–1
}

function activity(cat: string, h: number, d: DayInfo): Activity {
  const off = d.weekend || d.holiday;
  const fest = d.festival;
  switch (cat) {
    case 'temple': {
      // prayer assemblies at dawn 5–7 and dusk 18–20; electric "butter lamps" burn all day
      const occ = 0.3 + 0.55 * bump(h, 6, 0.7) + 0.55 * bump(h, 19, 0.7) + 0.15 * win(h, 9, 17);
      return { occ: Math.min(1, occ * (1 + 0.35 * fest)), light: 0.45 + 0.15 * fest, heat: 0.35 + 0.5 * win(h, 20, 7, 1) };
    }
    case 'relic': {
      const occ = 0.08 + (off ? 0.8 : 0.55) * win(h, 9.5, 18) * (1 + 0.3 * fest);
      return { occ: Math.min(1, occ), light: 0.15, heat: 0.3 + 0.4 * win(h, 9, 18) };
    }
    case 'school': {
      if (d.schoolVacation) return { occ: 0.06, light: 0.08, heat: 0.1 };
      const occ = off
        ? 0.15 + 0.3 * win(h, 9, 18) + 0.75 * win(h, 19, 23)
        : 0.12 + 0.75 * (win(h, 8, 12) + win(h, 14.5, 18.5)) + 0.85 * win(h, 19.5, 23);
      // dormitory heaters: mostly at night (lights-out → morning), classrooms by day
      return { occ: Math.min(1, occ), light: 0.1, heat: 0.25 + 0.75 * win(h, 21, 7.5, 1) };
    }
    case 'welfare': {
      const occ = 0.35 + 0.3 * bump(h, 7.5, 0.8) + 0.35 * bump(h, 12.5, 0.8) + 0.35 * bump(h, 18.5, 0.8) + 0.15 * win(h, 8, 21);
      return { occ: Math.min(1, occ), light: 0.25, heat: 0.7 + 0.3 * win(h, 20, 8, 1) };
    }
    case 'hospital': {
      const occ = 0.5 + 0.38 * win(h, 8.5, 18.5) + 0.1 * win(h, 18.5, 22);
      return { occ: Math.min(1, occ * (off ? 0.9 : 1)), light: 0.35, heat: 0.85 };
    }
    case 'mall': {
      const occ = 0.1 + 0.85 * win(h, 10, 22) * (off ? 1.1 : 0.95) * (1 + 0.15 * fest);
      return { occ: Math.min(1, occ), light: 0.12, heat: 0.1 + 0.8 * win(h, 9.5, 22) };
    }
    case 'entertainment': {
      const occ = 0.07 + 0.88 * win(h, 19, 3) * (off ? 1.1 : 0.9) * (1 + 0.1 * fest);
      return { occ: Math.min(1, occ), light: 0.08, heat: 0.1 + 0.8 * win(h, 18, 3) };
    }
    case 'gas': {
      // traffic drives pump duty; canopy lighting at night
      const occ = 0.12 + 0.6 * win(h, 7, 22.5) + 0.25 * bump(h, 9, 1) + 0.25 * bump(h, 18.5, 1.2);
      return { occ: Math.min(1, occ), light: 0.3, heat: 0.5 };
    }
    case 'mine': {
      // two 12-h shifts, day shift heavy; deep winter and Losar slow the works
      const slow = (d.month === 12 || d.month <= 2 ? 0.75 : 1) * (fest >= 1 ? 0.35 : 1);
      const dips = 1 - 0.35 * bump(h, 8, 0.3) - 0.35 * bump(h, 20, 0.3);
      const occ = (0.45 + 0.5 * win(h, 8, 20)) * dips * slow;
      return { occ, light: 0.3, heat: 0.6 };
    }
    case 'hazchem': {
      // continuous 3-shift process with short shift-change dips
      const dips = 1 - 0.22 * (bump(h, 0, 0.3) + bump(h, 8, 0.3) + bump(h, 16, 0.3));
      return { occ: (off ? 0.72 : 0.8) * dips, light: 0.35, heat: 0.5 };
    }
    default: {
      const occ = 0.15 + 0.7 * win(h, 8, 20);
      return { occ, light: 0.2, heat: 0.5 };
    }
  }
}

/**
 * Fraction of the circuit's design peak load at tsMs. `category` is a SiteCategory (unknown strings get a
 * generic office profile). With `rng`, ±4 % sample noise is applied and motor loads switch on/off.
 */
export function loadFactor(category: string, loadType: LoadType, tsMs: number, rng?: Rng): number {
  const h = bjtHour(tsMs);
  const d = dayInfo(bjtDay(tsMs));
  const a = activity(category, h, d);
  const dark = darkness(h, d.doy);
  const lighting = Math.min(1, a.light + dark * (0.25 + 0.55 * a.occ) + 0.2 * a.occ);
  const sockets = 0.08 + 0.85 * a.occ;
  const heating = 0.03 + 0.95 * heatingSeason(d.doy) * a.heat;
  let f: number;
  switch (loadType) {
    case 'lighting':
      f = lighting;
      break;
    case 'sockets':
      f = sockets;
      break;
    case 'heating':
      f = heating;
      break;
    case 'motor': {
      // pumps/compressors/ventilation: duty grows with activity; mean value without rng
      const duty = Math.min(0.95, 0.15 + 0.75 * a.occ);
      if (!rng) return 0.05 + 0.9 * duty;
      return rng.next() < duty ? 0.95 + 0.05 * rng.gauss() : 0.05;
    }
    default:
      f = 0.4 * lighting + 0.35 * sockets + 0.25 * heating;
  }
  if (rng) f *= 1 + 0.04 * rng.gauss();
  return f < 0 ? 0 : f;
}
