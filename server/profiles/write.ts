/**
 * Set or clear one layer (the site, or one circuit of it) of a site's detection profile: authorise, check every
 * value against its GB range and every circuit it reaches, store, and audit before/after with the reason — all in
 * one transaction under a per-site lock. The commit notifies `esms_profiles` (trigger in 0007_profiles.sql); the
 * ingest worker applies the change within seconds. circuits.residual_set_ma follows the effective set point, so the
 * twin shows the threshold detection uses.
 */
import { z } from 'zod';
import type { Sql } from '../../platform/db.ts';
import { resolveProfile, type Overrides, type ProfileOverride } from '../../lib/detection/profile.ts';
import { audit } from '../auth/audit.ts';
import type { Principal } from '../../platform/scope.ts';
import { AppError } from '../http/errors.ts';
import { requireVisibleSite } from '../queries/visible-site.ts';
import { circuitKey, siteCircuits, typicalEntry } from './circuits.ts';
import { diff } from './history.ts';
import { checkResolves, parseOverride, type FieldIssue } from './validate.ts';

export const setBodySchema = z.object({
  /** null: the site layer */
  circuitId: z.number().int().positive().nullable(),
  /** null or {}: clear the layer (inherit everything) */
  override: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().max(2000),
  /** the layer's rev the form was based on (null: no override then); a mismatch is a conflict, not a silent overwrite */
  expectedRev: z.number().int().nullable().optional(),
});
export type SetBody = z.infer<typeof setBodySchema>;

export interface SetResult {
  changed: boolean;
  rev: number | null;
}

const invalid = (issues: FieldIssue[]) =>
  new AppError('VALIDATION', {
    message: issues.length === 1 ? issues[0].message : `${issues.length} 项阈值有误：${issues[0].message}`,
    messageEn: issues.length === 1 ? issues[0].messageEn : `${issues.length} values are invalid: ${issues[0].messageEn}`,
    details: issues,
  });

/**
 * Changing a profile takes `profile.edit` (administrator, fire department, the regulator of the site's sector) on a
 * visible site. Site managers and technicians read only: they are the ones a nagging alarm annoys, so loosening a
 * threshold is the supervising department's decision.
 */
const EDIT_REFUSAL = { message: '您的角色只能查看检测阈值，不能修改', messageEn: 'Your role may view the detection profile but not change it' };

export async function setOverride(sql: Sql, p: Principal, siteId: string, body: SetBody, ip: string | null): Promise<SetResult> {
  const site = await requireVisibleSite(sql, p, siteId, { permission: 'profile.edit', refusal: EDIT_REFUSAL });
  const reason = body.reason.trim();
  if (reason.length < 2 || reason.length > 500)
    throw invalid([{ path: 'reason', message: '请填写修改原因（2–500 字），将记入审计日志', messageEn: 'Give a reason (2–500 characters) for the audit log' }]);
  let next: ProfileOverride | null = null;
  if (body.override) {
    const parsed = parseOverride(body.override);
    if (!parsed.ok) throw invalid(parsed.issues);
    next = Object.keys(parsed.value).length ? parsed.value : null;
  }

  return sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    // one editor per site at a time: the cross-circuit check below must see the layers it is combined with
    await tx`SELECT pg_advisory_xact_lock(hashtext(${'esms.profile:' + siteId}))`;
    const circuits = await siteCircuits(tx, siteId);
    const target = body.circuitId === null ? null : circuits.find((c) => c.id === body.circuitId);
    if (body.circuitId !== null && !target) throw new AppError('NOT_FOUND', { message: '该场所没有此回路', messageEn: 'No such circuit at this site' });
    const rows = await tx<{ id: number; circuit_id: number | null; override: ProfileOverride; rev: number }[]>`
      SELECT id, circuit_id, override, rev FROM profile_overrides WHERE site_id = ${siteId}`;
    const cur = rows.find((r) => r.circuit_id === body.circuitId) ?? null;
    if (body.expectedRev !== undefined && (cur?.rev ?? null) !== body.expectedRev)
      throw new AppError('CONFLICT', { message: '该层阈值刚被他人修改，请刷新后重试', messageEn: 'Someone else changed this layer; reload and try again' });
    const before = cur?.override ?? null;
    const changes = diff(before, next);
    if (!changes.length) return { changed: false, rev: cur?.rev ?? null };

    // the site's overrides as they will be, checked on every circuit they reach
    const ov: Overrides = { sites: {}, circuits: {} };
    for (const r of rows) {
      if (r.id === cur?.id) continue;
      const c = circuits.find((x) => x.id === r.circuit_id);
      if (r.circuit_id === null) ov.sites![siteId] = r.override;
      else if (c) ov.circuits![circuitKey(c.entry)] = r.override;
    }
    if (next && target) ov.circuits![circuitKey(target.entry)] = next;
    else if (next) ov.sites![siteId] = next;
    const reached = target ? [target] : circuits.length ? circuits : [{ id: 0, nameZh: '（本场所）', nameEn: '(this site)', entry: typicalEntry(siteId, site.category) }];
    const issues = checkResolves(reached, ov);
    if (issues.length) throw invalid(issues);

    let rev: number | null = null;
    if (!next) await tx`DELETE FROM profile_overrides WHERE id = ${cur!.id}`;
    else if (cur) {
      [{ rev }] = await tx<{ rev: number }[]>`
        UPDATE profile_overrides SET override = ${tx.json(next as never)}, reason = ${reason}, updated_by = ${p.userId},
               updated_by_name = ${p.username}, updated_at = now()
         WHERE id = ${cur.id} RETURNING rev`;
    } else {
      [{ rev }] = await tx<{ rev: number }[]>`
        INSERT INTO profile_overrides (site_id, circuit_id, override, reason, updated_by, updated_by_name)
        VALUES (${siteId}, ${body.circuitId}, ${tx.json(next as never)}, ${reason}, ${p.userId}, ${p.username}) RETURNING rev`;
    }
    // keep the circuits' displayed set point equal to the one detection uses
    const ids: number[] = [], ma: number[] = [];
    for (const c of reached) {
      if (c.id === 0) continue;
      ids.push(c.id);
      ma.push(Math.round(resolveProfile(c.entry, ov).residualSetMa));
    }
    if (ids.length)
      await tx`UPDATE circuits c SET residual_set_ma = x.ma FROM unnest(${ids}::int[], ${ma}::int[]) AS x(id, ma)
                WHERE c.id = x.id AND c.residual_set_ma IS DISTINCT FROM x.ma`;
    await audit(tx, {
      userId: p.userId,
      username: p.username,
      action: next ? 'profile.set' : 'profile.clear',
      target: target ? `circuit:${target.id}` : `site:${siteId}`,
      ip,
      detail: {
        siteId,
        layer: target ? 'circuit' : 'site',
        circuitId: target?.id ?? null,
        circuitKey: target ? circuitKey(target.entry) : null,
        circuitName: target?.nameZh ?? null,
        before,
        after: next,
        reason,
      },
    });
    return { changed: true, rev };
  });
}
