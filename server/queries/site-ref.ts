/** The scope-relevant facts of one site (id, category, county), or null when it does not exist. */
import type { Sql } from '../../platform/db.ts';
import type { SiteRef } from '../../platform/scope.ts';

export async function siteRef(sql: Sql, id: string): Promise<SiteRef | null> {
  const [r] = await sql<{ id: string; category: string; county_adcode: number }[]>`
    SELECT id, category, county_adcode FROM sites WHERE id = ${id}`;
  return r ? { id: r.id, category: r.category, countyAdcode: r.county_adcode } : null;
}
