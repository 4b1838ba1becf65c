/**
 * Query-parameter schemas that refuse at validation what would otherwise fail deeper (a Date overflow, a bigint
 * cast, Postgres rejecting 2026-13-45): real calendar days and times in a sane range, and keyset cursors whose parts
 * fit the columns they are compared with. Messages in Chinese and English, like the rest of the API.
 */
import { z } from 'zod';

/** Years the platform can hold data for; anything outside is a typo or a probe. */
const MIN_YEAR = 1970;
const MAX_YEAR = 2100;
/** 2100-01-01T00:00Z in µs since the epoch: the newest instant a cursor may name. */
const MAX_US = 4_102_444_800_000_000n;

function realDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `YYYY-MM-DD` naming a day that exists. */
export function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && realDay(+m[1], +m[2], +m[3]);
}

/** `YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (or with T), both parts real. */
export function isCalendarDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(s);
  if (!m || !realDay(+m[1], +m[2], +m[3])) return false;
  return m[4] == null || (+m[4] <= 23 && +m[5] <= 59);
}

export const calendarDay = z
  .string()
  .max(10)
  .refine(isCalendarDay, '日期应为有效的 YYYY-MM-DD / Date must be a real YYYY-MM-DD');
export const calendarDateTime = z
  .string()
  .max(16)
  .refine(isCalendarDateTime, '日期格式应为 YYYY-MM-DD [HH:MM] / Date must be a real YYYY-MM-DD [HH:MM]');

/** A keyset cursor `<µs since epoch>_<id>`: both parts within what timestamptz and a bigint id can hold. */
export function isKeysetCursor(s: string): boolean {
  const m = /^(\d{1,16})_(\d{1,16})$/.exec(s);
  return !!m && BigInt(m[1]) <= MAX_US && Number.isSafeInteger(Number(m[2]));
}
export const keysetCursor = z
  .string()
  .max(40)
  .refine(isKeysetCursor, '分页游标无效 / Invalid paging cursor');
