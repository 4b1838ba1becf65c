/** One postgres.js pool + drizzle per process. Server-only. */
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from '../db/schema/index.ts';

export type Sql = postgres.Sql;
export function createSql(url: string, opts: { max?: number; app?: string } = {}): Sql {
  return postgres(url, {
    max: opts.max ?? 10,
    onnotice: () => {},
    connection: { application_name: opts.app ?? 'esms' },
    // bigint columns (counters) come back as JS numbers: they stay far below 2^53
    types: { bigint: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) } },
    transform: { undefined: null },
  });
}
/**
 * drizzle's postgres-js driver swaps the client's date/json (de)serializers for pass-throughs, which would break
 * raw sql`` queries with Date or sql.json() parameters on a shared pool: give drizzle a pool of its own.
 */
export function createDb(sql: Sql) {
  return drizzle(sql, { schema });
}

/** Run `fn` with a drizzle instance on `sql`, restoring the client's converters afterwards. */
export async function withDrizzle<T>(sql: Sql, fn: (db: Db) => Promise<T>): Promise<T> {
  const parsers = { ...sql.options.parsers };
  const serializers = { ...sql.options.serializers };
  try {
    return await fn(createDb(sql));
  } finally {
    Object.assign(sql.options.parsers, parsers);
    Object.assign(sql.options.serializers, serializers);
  }
}
export type Db = ReturnType<typeof createDb>;
export { schema };
