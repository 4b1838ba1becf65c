/** Node-only. */
/**
 * Process-wide services for the portal. The custom server (tsx) and Next's bundled route handlers are two
 * module graphs in one process, so the instances live on globalThis and are created once, lazily.
 */
import { createSql, type Sql } from '../platform/db.ts';
import { env, type Env } from '../platform/env.ts';

export interface Services {
  env: Env;
  sql: Sql;
  /** set by the custom server once socket.io is up */
  health?: () => Promise<Record<string, unknown>>;
}

const KEY = Symbol.for('esms.services');
type G = typeof globalThis & { [KEY]?: Services };

export function services(): Services {
  const g = globalThis as G;
  if (!g[KEY]) {
    if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (the launcher sets it)');
    g[KEY] = { env, sql: createSql(env.DATABASE_URL, { max: 20, app: 'esms-portal' }) };
  }
  return g[KEY]!;
}
