/** A principal's scope in words (zh and en), for the header and GET /api/me. */
import type { Sql } from '../../platform/db.ts';
import { CATEGORIES } from '../../lib/domain/vocabulary/index.ts';
import type { Scope } from '../../platform/scope.ts';

export interface ScopeDescription {
  kind: Scope['kind'];
  zh: string;
  en: string;
}

export async function describeScope(sql: Sql, scope: Scope): Promise<ScopeDescription> {
  switch (scope.kind) {
    case 'all':
      return { kind: 'all', zh: '全市', en: 'All of Changdu' };
    case 'sectors':
      return {
        kind: 'sectors',
        zh: `行业：${scope.categories.map((c) => CATEGORIES[c].zh).join('、')}`,
        en: `Sectors: ${scope.categories.map((c) => CATEGORIES[c].en).join(', ')}`,
      };
    case 'county': {
      const [c] = await sql<{ name_zh: string; name_en: string }[]>`SELECT name_zh, name_en FROM counties WHERE adcode = ${scope.adcode}`;
      return { kind: 'county', zh: c?.name_zh ?? String(scope.adcode), en: c?.name_en ?? String(scope.adcode) };
    }
    case 'sites':
      return { kind: 'sites', zh: `${scope.siteIds.length} 个单位`, en: `${scope.siteIds.length} site(s)` };
  }
}
