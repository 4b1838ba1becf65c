/** Number, time and duration formats for the big screen (docs/UI.md): 1,234 · 1.2万 · 86.6% · Beijing time. Pure. */
// the portal's language (one mechanism: lib/i18n/portal.ts)
import type { Lang } from '../../../lib/i18n/portal.ts';
export type { Lang };

/** thousands separators; ≥ 100,000 in 万 (zh) or k/M (en) */
export function fmtCount(n: number, lang: Lang = 'zh'): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 100_000) {
    if (lang === 'zh') return `${(n / 10_000).toFixed(1).replace(/\.0$/, '')}万`;
    return n >= 1e6 ? `${(n / 1e6).toFixed(1).replace(/\.0$/, '')}M` : `${Math.round(n / 1000)}k`;
  }
  return Math.round(n).toLocaleString('en-US');
}

/** a share 0..1 as a percentage with one decimal ("—" when unknown) */
export function fmtPct(share: number | null | undefined): string {
  if (share == null || !Number.isFinite(share)) return '—';
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

const pad = (x: number) => String(x).padStart(2, '0');

/** 2026-11-28 14:05:09 in Beijing time (UTC+8, no DST) */
export function beijingClock(t: number): string {
  const d = new Date(t + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** 2026-11-28 14:05 */
export const beijingMinute = (t: number) => beijingClock(t).slice(0, 16);
/** 14:05:09 */
export const beijingTime = (t: number) => beijingClock(t).slice(11);

const WEEK_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEK_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export function beijingWeekday(t: number, lang: Lang): string {
  const d = new Date(t + 8 * 3600_000).getUTCDay();
  return lang === 'zh' ? `星期${WEEK_ZH[d]}` : WEEK_EN[d];
}

/** an age in words: 5 秒 / 3 分钟 / 3 小时 20 分 / 2 天 */
export function fmtAge(ms: number, lang: Lang = 'zh'): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const zh = lang === 'zh';
  if (s < 60) return zh ? `${s} 秒` : `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return zh ? `${m} 分钟` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return zh ? `${h} 小时${m % 60 ? ` ${m % 60} 分` : ''}` : `${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
  const d = Math.floor(h / 24);
  return zh ? `${d} 天` : `${d} d`;
}
