/**
 * The plan's phases (plan_phases, 0005) and what share of a county × sector target should be in service on a
 * given day. Pure. Before phase 3 nothing is expected; by the end of phase 3 the pilot share; during phase 4
 * the expectation rises linearly to 100 % on 2021-05-10; afterwards 100 %.
 */
export interface Phase {
  phase: number;
  nameZh: string;
  nameEn: string;
  startsOn: string; // YYYY-MM-DD (Beijing dates)
  endsOn: string;
  goalZh: string;
  goalEn: string;
  expectedShare: number;
}

const dayNum = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

/** The phase a day falls in (the later phase wins on a shared boundary day); null before phase 1. */
export function phaseAt(day: string, phases: Phase[]): Phase | null {
  const d = dayNum(day);
  let hit: Phase | null = null;
  for (const p of [...phases].sort((a, b) => a.phase - b.phase)) if (d >= dayNum(p.startsOn)) hit = p;
  return hit;
}

/** Expected in-service share of a target on `day` (0..1). */
export function expectedShareAt(day: string, phases: Phase[]): number {
  const sorted = [...phases].sort((a, b) => a.phase - b.phase);
  const d = dayNum(day);
  let before = 0;
  for (const p of sorted) {
    const s = dayNum(p.startsOn);
    const e = dayNum(p.endsOn);
    if (d < s) return before;
    if (d <= e) {
      if (p.expectedShare <= before) return before;
      // the share is due at the phase end; it ramps up linearly over the phase
      return before + (p.expectedShare - before) * Math.min(1, (d - s + 1) / (e - s + 1));
    }
    before = Math.max(before, p.expectedShare);
  }
  return before;
}

/** A cell lags when its achieved share is below the expected share (with a small tolerance) and work is due. */
export function isLaggard(achieved: number, target: number, expected: number, tolerance = 0.02): boolean {
  if (target <= 0 || expected <= 0) return false;
  return achieved / target < expected - tolerance;
}

/** Beijing calendar day of an instant. */
export function bjDay(t: Date = new Date()): string {
  return new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
