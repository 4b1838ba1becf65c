/** Quiet hours in Beijing time (UTC+8, no DST). Critical alarms are never held back (pure). */
const BJ_OFFSET_MIN = 8 * 60;

/** "HH:MM[:SS]" → minutes after midnight */
export function parseHm(s: string): number {
  const [h, m] = s.split(':').map(Number);
  return h * 60 + (m || 0);
}
export function beijingMinuteOfDay(now: Date): number {
  return Math.floor((now.getTime() / 60_000 + BJ_OFFSET_MIN) % 1440);
}
export function inQuietHours(now: Date, start: string | null, end: string | null): boolean {
  if (!start || !end) return false;
  const m = beijingMinuteOfDay(now);
  const s = parseHm(start);
  const e = parseHm(end);
  if (s === e) return false;
  return s < e ? m >= s && m < e : m >= s || m < e; // window may wrap midnight
}
/** When the current quiet window ends (assumes inQuietHours(now)). */
export function quietEndsAt(now: Date, end: string): Date {
  const m = beijingMinuteOfDay(now);
  let delta = parseHm(end) - m;
  if (delta <= 0) delta += 1440;
  const t = new Date(now.getTime() + delta * 60_000);
  t.setUTCSeconds(0, 0);
  return t;
}
/** Hold a delivery until quiet hours end, unless it is critical or goes to the silent portal inbox. */
export function holdUntil(now: Date, severity: string, channel: string, quiet: { start: string | null; end: string | null }): Date | null {
  if (severity === 'critical' || channel === 'portal') return null;
  return inQuietHours(now, quiet.start, quiet.end) ? quietEndsAt(now, quiet.end!) : null;
}
export function formatBeijing(d: Date | number | null | undefined): string {
  if (d == null) return '';
  const t = new Date(typeof d === 'number' ? d : d.getTime());
  const b = new Date(t.getTime() + BJ_OFFSET_MIN * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCFullYear()}-${p(b.getUTCMonth() + 1)}-${p(b.getUTCDate())} ${p(b.getUTCHours())}:${p(b.getUTCMinutes())}`;
}
/** Duration in words: 3 小时 20 分 */
export function durationZh(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(min / 1440);
  const h = Math.floor((min % 1440) / 60);
  const m = min % 60;
  if (d) return `${d} 天${h ? ` ${h} 小时` : ''}`;
  if (h) return `${h} 小时${m ? ` ${m} 分` : ''}`;
  return `${m} 分`;
}
