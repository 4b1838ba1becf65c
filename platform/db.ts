/** One postgres.js pool per process; queries are plain sql`` (drizzle only runs the migrations: db/migrate.ts). Server-only. */
import postgres from 'postgres';

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
 * postgres.js 3.4.9 has a race when the server restarts: a query written in the instant after its socket closed throws
 * "Cannot read properties of null (reading 'write')" from a setImmediate inside connection.js, uncaught.
 */
export function isPostgresNullSocketRace(e: unknown): boolean {
  return e instanceof TypeError && /reading 'write'/.test(e.message) && /postgres[\\/]src[\\/]connection\.js/.test(e.stack ?? '');
}
