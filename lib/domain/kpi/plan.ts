/**
 * Plan progress, pure: the share of the target in service against the share the plan expects by today. A plan
 * that is complete is never "behind", and one with no target or no expectation has no verdict.
 */
import { ratio } from './ratio.ts';

/** how far behind the expected share still counts as on track (two percentage points) */
export const PLAN_TOLERANCE = 0.02;

export type PlanVerdict = 'complete' | 'ahead' | 'onTrack' | 'behind';

export interface PlanProgress {
  covered: number;
  target: number;
  /** covered / target (null: no target) */
  share: number | null;
  /** the share the plan expects by today (null: unknown) */
  expected: number | null;
  verdict: PlanVerdict | null;
}

export function planVerdict(share: number | null, expected: number | null): PlanVerdict | null {
  if (share == null) return null;
  if (share >= 1) return 'complete';
  if (expected == null) return null;
  if (share + PLAN_TOLERANCE < expected) return 'behind';
  return share > expected + PLAN_TOLERANCE ? 'ahead' : 'onTrack';
}

export function planProgress(covered: number, target: number, expected: number | null): PlanProgress {
  const share = ratio(covered, target);
  return { covered, target, share, expected, verdict: planVerdict(share, expected) };
}

export const PLAN_VERDICT_INFO: Record<PlanVerdict, { zh: string; en: string }> = {
  complete: { zh: '已完成', en: 'Complete' },
  ahead: { zh: '超前', en: 'Ahead' },
  onTrack: { zh: '按期', en: 'On track' },
  behind: { zh: '滞后', en: 'Behind' },
};
