/**
 * npm run db:seed -- [--seed N] [--sites N] [--force] [--registry out.json]
 * Runs the migrations, then seeds the database at DATABASE_URL (first run only unless --force).
 */
import { parseArgs } from 'node:util';
import { createSql } from '../../platform/db.ts';
import { env } from '../../platform/env.ts';
import { runMigrations } from '../migrate.ts';
import { DEFAULT_SITES, exportRegistryJson, seedDatabase } from '../seed/index.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    sites: { type: 'string' },
    force: { type: 'boolean', default: false },
    registry: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: db:seed [--seed N] [--sites N] [--force] [--registry file.json]   (needs DATABASE_URL)');
  process.exit(0);
}
const url = env.DATABASE_URL;
if (!url) {
  console.error('db:seed: DATABASE_URL is not set');
  process.exit(2);
}
const int = (v: string | undefined, def: number, name: string) => {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`db:seed: --${name} must be a non-negative integer`);
    process.exit(2);
  }
  return n;
};
const seed = int(values.seed, env.SEED, 'seed');
const sites = int(values.sites, DEFAULT_SITES, 'sites');

const sql = createSql(url, { max: 2, app: 'esms-seed' });
try {
  await runMigrations(sql);
  const summary = await seedDatabase(sql, { seed, sites, force: values.force, log: (m) => console.error(`db:seed: ${m}`) });
  if (values.registry) {
    await exportRegistryJson(sql, { file: values.registry });
    console.error(`db:seed: registry written to ${values.registry}`);
  }
  console.log(JSON.stringify(summary));
} catch (err) {
  console.error('db:seed failed:', err);
  process.exitCode = 1;
} finally {
  await sql.end();
}
