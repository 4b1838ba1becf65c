/**
 * A region = a principal's scope narrowed by optional county and sector filters. Supervision, reports, exports
 * and the archive all query through regionSql (which always includes siteScopeSql) — nothing widens a scope.
 */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import { categoryLabel, DEPARTMENT_INFO, type DepartmentId } from '../../lib/domain/vocabulary/index.ts';
import { COUNTY_NAMES_ZH } from './names.ts';

export interface Region {
  scope: Scope;
  county?: number | null;
  category?: string | null;
}

export function regionSql(sql: Sql, r: Region, alias = 's') {
  const a = sql.unsafe(alias);
  return sql`${siteScopeSql(sql, r.scope, alias)}
    AND ${r.county ? sql`${a}.county_adcode = ${r.county}` : sql`true`}
    AND ${r.category ? sql`${a}.category = ${r.category}` : sql`true`}`;
}


/** e.g. 「昌都市 · 全部行业」「卡若区 · 寄宿制学校」「昌都市 · 市教育局主管行业」 */
export function regionLabel(r: Region, departmentId?: string | null): string {
  const place = r.county ? COUNTY_NAMES_ZH[r.county] ?? String(r.county) : r.scope.kind === 'county' ? COUNTY_NAMES_ZH[r.scope.adcode] ?? '' : '昌都市';
  let sector = '全部行业';
  if (r.category) sector = categoryLabel(r.category);
  else if (r.scope.kind === 'sectors') {
    const d = departmentId ? DEPARTMENT_INFO[departmentId as DepartmentId] : undefined;
    sector = d ? `${d.zh}主管行业（${r.scope.categories.map((c) => categoryLabel(c)).join('、')}）` : r.scope.categories.map((c) => categoryLabel(c)).join('、');
  } else if (r.scope.kind === 'sites') sector = `指定 ${r.scope.siteIds.length} 家单位`;
  return `${place} · ${sector}`;
}

/** The categories a region can contain (null: any). */
function regionCategories(r: Region): string[] | null {
  const fromScope = r.scope.kind === 'sectors' ? (r.scope.categories as string[]) : null;
  if (r.category) return fromScope && !fromScope.includes(r.category) ? [] : [r.category];
  return fromScope;
}
function regionCounty(r: Region): number | null {
  if (r.scope.kind === 'county') return r.county && r.county !== r.scope.adcode ? -1 : r.scope.adcode;
  return r.county ?? null;
}

/** May a viewer with `viewer` scope see everything in region `r`? (archive access; conservative) */
export function scopeCovers(viewer: Scope, r: Region): boolean {
  switch (viewer.kind) {
    case 'all':
      return true;
    case 'sectors': {
      const cats = regionCategories(r);
      return cats != null && cats.every((c) => (viewer.categories as string[]).includes(c));
    }
    case 'county':
      return regionCounty(r) === viewer.adcode;
    case 'sites':
      return r.scope.kind === 'sites' && r.scope.siteIds.every((id) => viewer.siteIds.includes(id));
  }
}
