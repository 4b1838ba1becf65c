/** Rectification deadlines by severity (pure; browser-safe). The severities themselves live in the vocabulary. */
import type { Severity } from '../../protocol/v1.ts';

/** Rectification deadlines by severity (critical 24 h, alarm 72 h, warning 7 d). */
export const DEADLINE_HOURS: Record<Severity, number> = { critical: 24, alarm: 72, warning: 7 * 24 };
export function deadlineFor(severity: Severity, from: Date): Date {
  return new Date(from.getTime() + DEADLINE_HOURS[severity] * 3600_000);
}
