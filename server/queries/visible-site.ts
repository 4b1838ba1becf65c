/**
 * THE way to reach one site on behalf of a principal: load it, check scope (platform/scope.ts), then the role's
 * permission. One answer for the whole product:
 *  - missing, or outside the principal's scope → 404 NOT_FOUND, the same body either way (no existence oracle);
 *  - visible, but the role may not do what is asked → 403 FORBIDDEN.
 * API code calls requireVisibleSite (throws the AppError); pages and nested lookups call siteAccess / visibleSite
 * and map the answer to their medium (notFound(), a refusal page, the enclosing record's 404).
 */
import type { Sql } from '../../platform/db.ts';
import { canSeeSite, type Principal, type SiteRef } from '../../platform/scope.ts';
import { can, type Action } from '../../lib/domain/permissions.ts';
import { AppError } from '../http/errors.ts';

export interface SiteRow extends SiteRef {
  nameZh: string;
  nameEn: string;
}

export type SiteAccess = { kind: 'ok'; site: SiteRow } | { kind: 'not_found' } | { kind: 'forbidden' };

export interface AccessNeed {
  /** the role must also have this action on the site (403 when it does not) */
  permission?: Action;
  /** what the 403 says, when the default would not tell the user why */
  refusal?: { message: string; messageEn: string };
}

/** The site's scope-relevant facts and names, or null when there is no such site. Not scope-checked: callers decide. */
export async function findSite(sql: Sql, id: string): Promise<SiteRow | null> {
  const [s] = await sql<SiteRow[]>`
    SELECT id, category, county_adcode AS "countyAdcode", name_zh AS "nameZh", name_en AS "nameEn" FROM sites WHERE id = ${id}`;
  return s ?? null;
}

export async function siteAccess(sql: Sql, p: Principal, siteId: string, need: AccessNeed = {}): Promise<SiteAccess> {
  const site = await findSite(sql, siteId);
  if (!site || !canSeeSite(p.scope, site)) return { kind: 'not_found' };
  if (need.permission && !can(p.role, need.permission)) return { kind: 'forbidden' };
  return { kind: 'ok', site };
}

/** The site when the principal may see it, else null (missing and out of scope alike). */
export async function visibleSite(sql: Sql, p: Principal, siteId: string): Promise<SiteRow | null> {
  const a = await siteAccess(sql, p, siteId);
  return a.kind === 'ok' ? a.site : null;
}

export const siteNotFound = () => new AppError('NOT_FOUND', { message: '未找到该场所', messageEn: 'Site not found' });

/** The site, or the API's 404 / 403 as decided above. */
export async function requireVisibleSite(sql: Sql, p: Principal, siteId: string, need: AccessNeed = {}): Promise<SiteRow> {
  const a = await siteAccess(sql, p, siteId, need);
  if (a.kind === 'not_found') throw siteNotFound();
  if (a.kind === 'forbidden') throw new AppError('FORBIDDEN', need.refusal ?? { message: '您的角色无权执行此操作', messageEn: 'Your role may not do this' });
  return a.site;
}
