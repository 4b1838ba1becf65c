/** Number, share and duration wording for reports (Chinese conventions from docs/UI.md), pure. */
export const num = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('en-US'));
export const pct = (x: number | null | undefined, digits = 1) => (x == null || !isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`);
export const fix1 = (x: number | null | undefined) => (x == null || !isFinite(x) ? '—' : (Math.round(x * 10) / 10).toFixed(1));

/** Hours as words: 45 分钟, 3 小时 20 分, 2 天 5 小时. */
export function hoursZh(h: number | null | undefined): string {
  if (h == null || !isFinite(h)) return '—';
  const m = Math.round(h * 60);
  if (m < 60) return `${m} 分钟`;
  if (m < 24 * 60) return m % 60 ? `${Math.floor(m / 60)} 小时 ${m % 60} 分` : `${m / 60} 小时`;
  const d = Math.floor(m / 1440);
  const rh = Math.round((m - d * 1440) / 60);
  return rh ? `${d} 天 ${rh} 小时` : `${d} 天`;
}

/** Beijing date-time 2026-11-28 14:05. */
export function bjTime(d: Date | null | undefined): string {
  if (!d) return '—';
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}
export const bjDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
/** 2026年11月28日 */
export const cnDate = (d: Date) => {
  const s = bjDate(d);
  return `${+s.slice(0, 4)}年${+s.slice(5, 7)}月${+s.slice(8, 10)}日`;
};
