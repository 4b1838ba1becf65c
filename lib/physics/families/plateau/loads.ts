/**
 * Loads of the plateau family: daily schedules of Changdu sites (people live on Beijing time, the sun is
 * ~1.5 h late), winter electric heating with thermostat cycling, duty-cycled motors, brush-motor appliances
 * used now and then, and celebrations (Losar, weddings, the summer horse-race festival) that run circuits
 * hard for a day or two — heavy but honest load. Sources for the shapes: GB/T 50293 / JGJ 16 demand factors
 * for the levels (peak 30–70 % of the breaker), Tibet school calendars (winter break ≈ 20 Dec – 25 Feb,
 * summer from mid-July), and oil-filled radiator thermostats (hysteresis ≈ 2 K, cycles 10–30 min).
 * Pure functions of (circuit seed, time): the same instant always gives the same load.
 */
import type { LoadType } from '../../../protocol/v1.ts';
import { SmoothNoise, hash32, unit } from '../../rng.ts';

const HOUR = 3_600_000, DAY = 86_400_000;
const BJT = 8 * HOUR;

/** Beijing hour 0–24 and day number. */
export function bjt(ts: number): { h: number; d: number } {
  const x = ts + BJT;
  return { h: (((x % DAY) + DAY) % DAY) / HOUR, d: Math.floor(x / DAY) };
}
const bjtHour = (ts: number) => ((((ts + BJT) % DAY) + DAY) % DAY) / HOUR;

const bump = (h: number, c: number, w: number) => Math.exp(-(((((h - c + 36) % 24) - 12) / w) ** 2));

/** Activity 0–1 of a site category at Beijing hour h (school vacations lower the school's). */
export function activity(category: string, h: number, vacation: boolean): number {
  switch (category) {
    case 'temple': return 0.35 + 0.55 * bump(h, 6, 1.3) + 0.6 * bump(h, 19.5, 1.6);
    case 'relic': return h >= 9.5 && h < 18.5 ? 0.75 : 0.12;
    case 'school': return vacation ? 0.1 : 0.15 + 0.6 * (h >= 8.5 && h < 12 ? 1 : 0) + 0.55 * (h >= 14.5 && h < 18 ? 1 : 0) + 0.7 * bump(h, 21, 1.5);
    case 'welfare':
    case 'hospital': return 0.5 + 0.25 * bump(h, 10, 3) + 0.25 * bump(h, 19.5, 2);
    case 'mall': return h >= 10 && h < 22 ? 0.8 + 0.2 * bump(h, 20, 1.5) : 0.08;
    case 'entertainment': return h >= 19 || h < 2 ? 0.85 : h >= 12 && h < 19 ? 0.25 : 0.06;
    case 'gas': return 0.3 + 0.5 * (h >= 8 && h < 21 ? 1 : 0) * (0.6 + 0.4 * bump(h, 13, 3));
    case 'mine': return (h >= 8 && h < 20 ? 0.85 : 0.45) * (Math.abs(h - 8) < 0.4 || Math.abs(h - 20) < 0.4 ? 0.4 : 1);
    default: return 0.7;
  }
}

/** Tibet school winter break and summer vacation (approximate calendar days of year). */
export function schoolVacation(doy: number): boolean {
  return doy < 56 || doy >= 354 || (doy >= 196 && doy < 233);
}

export interface LoadParams {
  loadType: LoadType;
  category: string;
  /** running current at full activity (A) */
  peakA: number;
  seed: number;
  /** motors: rated running current (A) and duty 0–1 */
  motorA: number;
  /** heaters: element current when on (A) */
  heaterA: number;
  /** brush-motor appliance: current (A) and uses per day (0 = none) */
  brushA: number;
  brushPerDay: number;
}

/** Per-circuit noise with its knots cached (same values as noise1, cheaper as time advances). */
export interface LoadNoise { slow: SmoothNoise; fast: SmoothNoise; period: number }
export function loadNoise(p: LoadParams): LoadNoise {
  return { slow: new SmoothNoise(hash32(p.seed, 0x10ad)), fast: new SmoothNoise(hash32(p.seed, 0x10ae)), period: 12 + 10 * unit(hash32(p.seed, 0x7e)) };
}

export interface LoadNow {
  /** RMS current (A) of the circuit's own load */
  iA: number;
  /** a brush-motor appliance is running */
  brush: boolean;
  /** a motor started within this step (inrush) */
  started: boolean;
}

/** The circuit's load at ts, room temperature roomC, day of year doy. */
export function loadAt(p: LoadParams, nz: LoadNoise, ts: number, roomC: number, doy: number, out: LoadNow): void {
  const h = bjtHour(ts);
  const vac = p.category === 'school' && schoolVacation(doy);
  const act = activity(p.category, h, vac);
  const wander = 1 + 0.15 * nz.slow.at(ts / (47 * 60_000)) + 0.05 * nz.fast.at(ts / (7 * 60_000));
  let i = 0;
  out.started = false;
  switch (p.loadType) {
    case 'lighting': {
      // lamps follow darkness (solar time ≈ BJT − 1.5 h) and the site's hours
      const sh = (h - 1.5 + 24) % 24;
      const dark = sh < 7 || sh > 19 ? 1 : 0.35;
      i = p.peakA * act * dark * wander;
      break;
    }
    case 'heating': {
      // thermostat: duty rises as the room gets colder; the element is either on or off in a step
      const duty = Math.min(1, Math.max(0, (19 - roomC) / 14)) * (h >= 7 && h < 9 ? 1 : h >= 18 || h < 7 ? 0.9 : 0.45) * (vac ? 0.3 : 1);
      const period = nz.period;
      const phase = ((ts / 60_000) % period) / period;
      const on = phase < duty ? 1 : 0;
      i = p.heaterA * on + 0.05 * p.peakA * act;
      break;
    }
    case 'motor': {
      const duty = 0.2 + 0.7 * act;
      const runs = unit(hash32(p.seed, Math.floor(ts / (9 * 60_000)), 0xd0)) < duty;
      const ran = unit(hash32(p.seed, Math.floor((ts - 60_000) / (9 * 60_000)), 0xd0)) < duty;
      i = runs ? p.motorA * (0.9 + 0.15 * wander) : 0.02 * p.motorA;
      out.started = runs && !ran;
      break;
    }
    default: // sockets, mixed: everyday appliances around the site's activity
      i = p.peakA * act * wander * (0.75 + 0.5 * unit(hash32(p.seed, Math.floor(ts / (5 * 60_000)), 0x50)));
  }
  // a brush-motor appliance (vacuum cleaner, drill, blender) in use for 5–40 min a few times a day
  out.brush = false;
  if (p.brushA > 0 && p.brushPerDay > 0) {
    const d = Math.floor((ts + BJT) / DAY);
    for (let s = 0; s < 4; s++) {
      const u = unit(hash32(p.seed, d, 0xb0 + s));
      if (u > p.brushPerDay / 4) continue;
      const start = 8 + 13 * unit(hash32(p.seed, d, 0xc0 + s));
      const len = (5 + 35 * unit(hash32(p.seed, d, 0xd0 + s))) / 60;
      if (h >= start && h < start + len) { out.brush = true; i += p.brushA; }
    }
  }
  out.iA = Math.max(0, i);
}
