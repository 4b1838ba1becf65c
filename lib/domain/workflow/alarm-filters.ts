/**
 * Alarm-centre filters (pure, browser-safe): one zod schema for the URL, the API and the export, and the keyset
 * cursor (opened_at in µs since the epoch + id) that keeps paging fast at millions of rows.
 */
import { z } from 'zod';
import { ALARM_TYPES, SEVERITIES, SITE_CATEGORIES } from '../../protocol/v1.ts';
import { calendarDateTime, keysetCursor } from '../params.ts';

export const ALARM_STATES = ['active', 'recovered', 'cleared', 'unacknowledged', 'acknowledged', 'false'] as const;
export const ALARM_STATE_INFO: Record<(typeof ALARM_STATES)[number], { zh: string; en: string }> = {
  active: { zh: '未解除', en: 'Active' },
  recovered: { zh: '已恢复待复位', en: 'Recovered, awaiting reset' },
  cleared: { zh: '已解除', en: 'Cleared' },
  unacknowledged: { zh: '未确认', en: 'Unacknowledged' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  false: { zh: '误报', en: 'False alarm' },
};

const empty = (v: unknown) => (v === '' || v == null ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(empty, s.optional());

export const alarmFilterSchema = z.object({
  severity: opt(z.enum(SEVERITIES)),
  type: opt(z.enum(ALARM_TYPES)),
  site: opt(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  sector: opt(z.enum(SITE_CATEGORIES)),
  county: opt(z.coerce.number().int().min(100000).max(999999)),
  from: opt(calendarDateTime),
  to: opt(calendarDateTime),
  state: opt(z.enum(ALARM_STATES)),
  q: opt(z.string().trim().max(40)),
  // both refuse at validation what would overflow a Date or a bigint further down
  cursor: opt(keysetCursor),
  limit: opt(z.coerce.number().int().min(1).max(200)),
});
export type AlarmFilter = z.infer<typeof alarmFilterSchema>;

export const encodeCursor = (openedUs: number | string, id: number) => `${openedUs}_${id}`;
export function decodeCursor(c: string): { us: string; id: number } {
  const [us, id] = c.split('_');
  return { us, id: Number(id) };
}

/** Beijing calendar date/time → instant. `to` dates are inclusive of the whole day. */
export function bjInstant(s: string, endOfDay = false): Date {
  const [d, t] = s.replace('T', ' ').split(' ');
  const base = new Date(`${d}T${t ?? '00:00'}:00+08:00`);
  return endOfDay && !t ? new Date(base.getTime() + 86_400_000) : base;
}

/** The filters as URL query (for links and export), cursor dropped unless asked for. */
export function filterQuery(f: AlarmFilter, keepCursor = false): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v != null && v !== '' && (keepCursor || k !== 'cursor')) p.set(k, String(v));
  return p.toString();
}
