/** Node-only. May this principal see this site's twin? canSeeSite decides (403 vs 404); the queries guard again. */
import type { Sql } from '../../platform/db.ts';
import { canSeeSite, type Scope } from '../../platform/scope.ts';
import { AppError } from '../http/errors.ts';
import { siteRef } from '../queries/site-ref.ts';

export type TwinAccess = 'ok' | 'forbidden' | 'not_found';

export async function twinAccess(sql: Sql, scope: Scope, siteId: string): Promise<TwinAccess> {
  const ref = await siteRef(sql, siteId);
  if (!ref) return 'not_found';
  return canSeeSite(scope, ref) ? 'ok' : 'forbidden';
}

/** Throws the API's 404/403 unless the site is visible. */
export async function assertTwinAccess(sql: Sql, scope: Scope, siteId: string): Promise<void> {
  const a = await twinAccess(sql, scope, siteId);
  if (a === 'not_found') throw new AppError('NOT_FOUND', { message: '未找到该场所', messageEn: 'Site not found' });
  if (a === 'forbidden') throw new AppError('FORBIDDEN', { message: '无权查看该场所', messageEn: 'You may not view this site' });
}
