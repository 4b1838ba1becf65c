/** Forward-only versioned SQL migrations (db/migrations, drizzle journal format), safe on a database with data. */
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { fileURLToPath } from 'node:url';
import type { Sql } from '../platform/db.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export async function runMigrations(sql: Sql) {
  // drizzle's postgres-js driver swaps the pool's date/json (de)serializers for pass-throughs, which would break
  // every later sql`` with Date or sql.json() parameters on this pool: put them back once the migrator is done
  const parsers = { ...sql.options.parsers };
  const serializers = { ...sql.options.serializers };
  try {
    await migrate(drizzle(sql), { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: 'public', migrationsTable: '__migrations' });
  } finally {
    Object.assign(sql.options.parsers, parsers);
    Object.assign(sql.options.serializers, serializers);
  }
  // keep partitions ahead of the clock: yesterday .. 7 days ahead
  await sql`SELECT esms_ensure_partitions((now() - interval '1 day')::date, (now() + interval '8 days')::date)`;
}
