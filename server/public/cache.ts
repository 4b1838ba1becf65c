/**
 * A tiny TTL cache for public aggregates, on globalThis (the custom server and Next's bundles are separate
 * module graphs in one process). Concurrent callers share one in-flight computation.
 */
interface Entry {
  at: number;
  value?: unknown;
  pending?: Promise<unknown>;
}
const KEY = Symbol.for('esms.public.cache');
type G = typeof globalThis & { [KEY]?: Map<string, Entry> };

function store(): Map<string, Entry> {
  const g = globalThis as G;
  return (g[KEY] ??= new Map());
}

export async function cached<T>(key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
  const m = store();
  const e = m.get(key);
  if (e && 'value' in e && Date.now() - e.at < ttlMs) return e.value as T;
  if (e?.pending) return e.pending as Promise<T>;
  const pending = compute().then(
    (value) => {
      m.set(key, { at: Date.now(), value });
      return value;
    },
    (err) => {
      if (e && 'value' in e) m.set(key, e); // keep serving the last good value
      else m.delete(key);
      throw err;
    },
  );
  m.set(key, { ...(e ?? { at: 0 }), pending });
  return pending;
}

export function clearPublicCache() {
  store().clear();
}
