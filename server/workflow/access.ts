/** Permission checks and error helpers for workflow services; sites are reached through server/queries/visible-site.ts. */
import type { Sql } from '../../platform/db.ts';
import { AppError } from '../http/errors.ts';
import { can, type Action } from '../../lib/domain/permissions.ts';
import { siteScopeSql, type Principal } from '../../platform/scope.ts';

export function requireAction(p: Principal, action: Action) {
  if (!can(p.role, action)) throw new AppError('FORBIDDEN');
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
