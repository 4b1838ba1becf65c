/**
 * Settings of the report scheduler process, validated once at boot (zod), like platform/env.ts. E-mail reuses #7's
 * NOTIFY_* settings from platform/env.ts (SMTP URL, sender, attempts, backoff, lease, timeout, poll).
 */
import { z } from 'zod';

const schema = z.object({
  /** due schedules and the nightly rollup are checked this often */
  REPORT_SCHEDULER_INTERVAL_S: z.coerce.number().positive().max(3600).default(60),
  /** the daily rollup waits this long after Beijing midnight (ingest finishes the last hour of readings_1h) */
  REPORT_ROLLUP_GRACE_MIN: z.coerce.number().min(0).max(120).default(10),
  /** missed days caught up after downtime, at most this far back (older days roll on demand) */
  REPORT_ROLLUP_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(400).default(31),
  /** days rolled per tick, so a long catch-up never holds up due schedules */
  REPORT_ROLLUP_DAYS_PER_TICK: z.coerce.number().int().min(1).max(100).default(4),
});
export type ReportConfig = z.infer<typeof schema>;

export function reportConfig(source: NodeJS.ProcessEnv = process.env): ReportConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith('REPORT_') && v !== ''));
  const r = schema.safeParse(cleaned);
  if (!r.success) {
    console.error(`配置错误 / invalid configuration:\n${r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
    process.exit(2);
  }
  return r.data;
}
