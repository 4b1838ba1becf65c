/** Forward-only versioned SQL migrations (db/migrations, drizzle journal format), safe on a database with data. */
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { fileURLToPath } from 'node:url';
import { withDrizzle, type Sql } from '../platform/db.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export async function runMigrations(sql: Sql) {
  await withDrizzle(sql, (db) => migrate(db, { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: 'public', migrationsTable: '__migrations' }));
  // keep partitions ahead of the clock: yesterday .. 7 days ahead
  await sql`SELECT esms_ensure_partitions((now() - interval '1 day')::date, (now() + interval '8 days')::date)`;
}
