/** Scope and permission checks for workflow services (the rules live in server/auth/scope.ts and permissions.ts). */
import type { Sql } from '../../platform/db.ts';
import { AppError } from '../http/errors.ts';
import { can, type Action } from '../../lib/domain/permissions.ts';
import { canSeeSite, siteScopeSql, type Principal, type SiteRef } from '../../platform/scope.ts';

export function requireAction(p: Principal, action: Action) {
  if (!can(p.role, action)) throw new AppError('FORBIDDEN');
}

export async function siteRef(sql: Sql, siteId: string): Promise<(SiteRef & { nameZh: string }) | null> {
  const [s] = await sql<{ id: string; category: string; countyAdcode: number; nameZh: string }[]>`
    SELECT id, category, county_adcode AS "countyAdcode", name_zh AS "nameZh" FROM sites WHERE id = ${siteId}`;
  return s ?? null;
}

/** Out-of-scope targets look exactly like missing ones (no existence oracle). */
export async function requireSite(sql: Sql, p: Principal, siteId: string) {
  const s = await siteRef(sql, siteId);
  if (!s || !canSeeSite(p.scope, s)) throw new AppError('NOT_FOUND', { message: '未找到该场所', messageEn: 'Site not found' });
  return s;
}

export function conflict(message: string, messageEn = 'Conflict') {
  return new AppError('CONFLICT', { message, messageEn });
}
export function notFound(what = '记录', en = 'Record') {
  return new AppError('NOT_FOUND', { message: `未找到该${what}`, messageEn: `${en} not found` });
}
export function invalid(message: string, path = '') {
  return new AppError('VALIDATION', { message, details: [{ path, message }] });
}

/** Sites the principal may report a hazard for (picker), small scopes first-class: managers see their own. */
export async function sitesForPicker(sql: Sql, p: Principal, limit = 300) {
  return sql<{ id: string; nameZh: string }[]>`
    SELECT s.id, s.name_zh AS "nameZh" FROM sites s WHERE ${siteScopeSql(sql, p.scope)} ORDER BY s.is_pilot DESC, s.name_zh LIMIT ${limit}`;
}
