/**
 * Rollout targets per county × sector (rollout_targets). Derived once from the site registry — the units that
 * meet the installation conditions (通电、通网) — then edited by people with 'rollout.edit' within their scope.
 */
import type { Sql } from '../../platform/db.ts';
import { canSeeSite, type Principal } from '../../platform/scope.ts';
import { audit } from '../auth/audit.ts';
import { AppError } from '../http/errors.ts';

const KEY = Symbol.for('esms.rollout.targetsEnsuredAt');
type G = typeof globalThis & { [KEY]?: number };

/** Inserts a derived target for every county × sector with sites and no target yet (at most every 10 min). */
export async function ensureTargets(sql: Sql, force = false) {
  const g = globalThis as G;
  if (!force && g[KEY] && Date.now() - g[KEY]! < 600_000) return;
  await sql`
    INSERT INTO rollout_targets (county_adcode, category, target_units, derived, note)
    SELECT county_adcode, category, count(*) FILTER (WHERE power_ok AND network_ok)::int, true, '由登记单位中具备通电、通网条件的数量生成'
    FROM sites GROUP BY county_adcode, category
    ON CONFLICT DO NOTHING`;
  g[KEY] = Date.now();
}

export async function setTarget(sql: Sql, p: Principal, input: { county: number; category: string; target: number; note: string }, ip: string | null) {
  // the target belongs to a county × sector cell: the principal must see that whole cell
  if (!canSeeSite(p.scope, { id: '', category: input.category, countyAdcode: input.county }) || p.scope.kind === 'sites')
    throw new AppError('FORBIDDEN');
  const [old] = await sql<{ target_units: number }[]>`
    SELECT target_units FROM rollout_targets WHERE county_adcode = ${input.county} AND category = ${input.category}`;
  await sql`
    INSERT INTO rollout_targets (county_adcode, category, target_units, derived, note, updated_by, updated_at)
    VALUES (${input.county}, ${input.category}, ${input.target}, false, ${input.note}, ${p.userId}, now())
    ON CONFLICT (county_adcode, category) DO UPDATE
      SET target_units = EXCLUDED.target_units, derived = false, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = now()`;
  await audit(sql, {
    userId: p.userId, username: p.username, action: 'rollout.target', target: `${input.county}/${input.category}`, ip,
    detail: { from: old?.target_units ?? null, to: input.target, note: input.note },
  });
}
