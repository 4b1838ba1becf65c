/** The plan's phases from plan_phases (static after the migration: cached per process). */
import type { Sql } from '../../platform/db.ts';
import type { Phase } from '../../lib/domain/rollout/phases.ts';

let cache: Phase[] | null = null;

export async function loadPhases(sql: Sql): Promise<Phase[]> {
  if (cache) return cache;
  const rows = await sql<Phase[]>`
    SELECT phase, name_zh AS "nameZh", name_en AS "nameEn", starts_on::text AS "startsOn", ends_on::text AS "endsOn",
           goal_zh AS "goalZh", goal_en AS "goalEn", expected_share AS "expectedShare"
    FROM plan_phases ORDER BY phase`;
  cache = rows.map((r) => ({ ...r }));
  return cache;
}
