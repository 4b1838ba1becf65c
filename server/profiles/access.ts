/**
 * Who may read and who may change a site's detection profile. Reading: anyone who may see the site (scope.ts).
 * Changing: the `profile.edit` permission (permissions.ts: administrator, fire department, the regulator of the
 * site's sector) AND the site inside the principal's scope. Site managers and service technicians read only: they
 * are the ones a nagging alarm annoys, so loosening a threshold is the supervising department's decision.
 */
import type { Sql } from '../../platform/db.ts';
import { can } from '../../lib/domain/permissions.ts';
import { canSeeSite, type Principal, type SiteRef } from '../../platform/scope.ts';
import { AppError } from '../http/errors.ts';

export interface ProfileSite extends SiteRef {
  nameZh: string;
  nameEn: string;
}

export const mayEditProfile = (p: Principal, site: SiteRef) => can(p.role, 'profile.edit') && canSeeSite(p.scope, site);

export async function profileSite(sql: Sql, id: string): Promise<ProfileSite | null> {
  const [r] = await sql<{ id: string; category: string; county_adcode: number; name_zh: string; name_en: string }[]>`
    SELECT id, category, county_adcode, name_zh, name_en FROM sites WHERE id = ${id}`;
  return r ? { id: r.id, category: r.category, countyAdcode: r.county_adcode, nameZh: r.name_zh, nameEn: r.name_en } : null;
}

/** The site, when the principal may see it (else the API's 404/403); `edit` also demands the right to change it. */
export async function assertProfileAccess(sql: Sql, p: Principal, siteId: string, edit: boolean): Promise<ProfileSite> {
  const site = await profileSite(sql, siteId);
  if (!site) throw new AppError('NOT_FOUND', { message: '未找到该场所', messageEn: 'Site not found' });
  if (!canSeeSite(p.scope, site)) throw new AppError('FORBIDDEN', { message: '该场所不在您的管辖范围内', messageEn: 'This site is outside your scope' });
  if (edit && !mayEditProfile(p, site))
    throw new AppError('FORBIDDEN', { message: '您的角色只能查看检测阈值，不能修改', messageEn: 'Your role may view the detection profile but not change it' });
  return site;
}
