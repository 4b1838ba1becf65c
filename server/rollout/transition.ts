/** Applies a site rollout edit: scope + permission checked, decided by pure/transition.ts, audited twice
 * (site_rollout_events for the site's history, audit_log for the security trail), in one transaction. */
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import { can } from '../../lib/domain/permissions.ts';
import { audit } from '../auth/audit.ts';
import { AppError } from '../http/errors.ts';
import { requireVisibleSite, siteNotFound } from '../queries/visible-site.ts';
import type { RolloutState } from '../../lib/domain/vocabulary/index.ts';
import { decideRollout, type RolloutEdit, type RolloutFacts } from '../../lib/domain/rollout/transition.ts';
import { bjDay } from '../../lib/domain/rollout/phases.ts';

export async function loadRolloutFacts(sql: Sql, id: string) {
  const [s] = await sql<(RolloutFacts & { id: string; category: string; countyAdcode: number; nameZh: string })[]>`
    SELECT id, name_zh AS "nameZh", category, county_adcode AS "countyAdcode", rollout_state AS state,
           planned_at::text AS "plannedAt", surveyed_at::text AS "surveyedAt", installed_at::text AS "installedAt",
           commissioned_at::text AS "commissionedAt", in_service_at::text AS "inServiceAt",
           power_ok AS "powerOk", network_ok AS "networkOk", service_provider AS "serviceProvider"
    FROM sites WHERE id = ${id}`;
  return s ?? null;
}

export async function updateSiteRollout(sql: Sql, p: Principal, id: string, edit: RolloutEdit, ip: string | null) {
  if (!can(p.role, 'rollout.edit')) throw new AppError('FORBIDDEN');
  return sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    await tx`SELECT 1 FROM sites WHERE id = ${id} FOR UPDATE`;
    await requireVisibleSite(tx, p, id);
    const cur = await loadRolloutFacts(tx, id);
    if (!cur) throw siteNotFound();
    const d = decideRollout(cur, edit, bjDay());
    if (!d.ok) throw new AppError('VALIDATION', { message: d.zh, messageEn: d.en, details: [{ path: d.field, message: d.zh }] });
    if (!d.changed.length) return { changed: [] as string[], state: cur.state as RolloutState };
    const n = d.next;
    await tx`
      UPDATE sites SET rollout_state = ${n.state}, planned_at = ${n.plannedAt}::date, surveyed_at = ${n.surveyedAt}::date,
             installed_at = ${n.installedAt}::date, commissioned_at = ${n.commissionedAt}::date, in_service_at = ${n.inServiceAt}::date,
             power_ok = ${n.powerOk}, network_ok = ${n.networkOk}, service_provider = ${n.serviceProvider}
      WHERE id = ${id}`;
    const changes = Object.fromEntries(d.changed.map((k) => [k, { from: cur[k as keyof RolloutFacts], to: n[k as keyof RolloutFacts] }]));
    const reason = (edit.reason ?? '').trim();
    await tx`
      INSERT INTO site_rollout_events (site_id, user_id, username, ip, from_state, to_state, backwards, reason, changes)
      VALUES (${id}, ${p.userId}, ${p.username}, ${ip}, ${cur.state}, ${n.state}, ${d.backwards}, ${reason}, ${tx.json(changes as never)})`;
    await audit(tx, { userId: p.userId, username: p.username, action: 'rollout.transition', target: id, ip, detail: { from: cur.state, to: n.state, backwards: d.backwards, reason, changes } });
    return { changed: d.changed, state: n.state };
  });
}

export async function rolloutHistory(sql: Sql, id: string) {
  return sql<{ id: number; at: Date; username: string | null; fromState: string; toState: string; backwards: boolean; reason: string; changes: Record<string, { from: unknown; to: unknown }> }[]>`
    SELECT id, at, username, from_state AS "fromState", to_state AS "toState", backwards, reason, changes
    FROM site_rollout_events WHERE site_id = ${id} ORDER BY id DESC LIMIT 100`;
}
