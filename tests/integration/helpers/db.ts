/** Test-side access to the integration run's PostGIS (started by global-setup.ts). */
import { inject } from 'vitest';
import { createSql, type Sql } from '../../../platform/db.ts';

export function testSql(max = 5): Sql {
  return createSql(inject('dbUrl'), { max, app: 'esms-test' });
}

/** Seed a small Changdu once per run (the seed's own first-run guard makes repeated calls no-ops). */
export async function ensureSeeded(sql: Sql, sites = 240) {
  const { seedDatabase } = await import('../../../db/seed/index.ts');
  return seedDatabase(sql, { seed: 7, sites });
}
