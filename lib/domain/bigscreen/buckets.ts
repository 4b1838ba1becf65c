/** Time buckets for the alarm trend, aligned to Beijing hours/days (UTC+8, no DST). Pure. */
export type TrendRange = '24h' | '7d' | '30d';

export interface BucketPlan {
  /** epoch ms of the first bucket's start */
  start: number;
  stepMs: number;
  n: number;
}

const H = 3600_000;
const BJ = 8 * H;

export function bucketPlan(range: TrendRange, now: number): BucketPlan {
  const [stepMs, n] = range === '24h' ? [H, 24] : range === '7d' ? [6 * H, 28] : [24 * H, 30];
  // the last bucket is the one holding `now`; boundaries fall on Beijing hour / 6-hour / midnight marks
  const lastStart = Math.floor((now + BJ) / stepMs) * stepMs - BJ;
  return { start: lastStart - (n - 1) * stepMs, stepMs, n };
}

/** Bucket labels in Beijing time: "14:00" for hours, "11-27 06时" for 6-hour buckets, "11-27" for days. */
export function bucketLabel(range: TrendRange, t: number, lang: 'zh' | 'en' = 'zh'): string {
  const d = new Date(t + BJ);
  const p = (x: number) => String(x).padStart(2, '0');
  const md = `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  if (range === '24h') return `${p(d.getUTCHours())}:00`;
  if (range === '7d') return lang === 'en' ? `${md} ${p(d.getUTCHours())}h` : `${md} ${p(d.getUTCHours())}时`;
  return md;
}
