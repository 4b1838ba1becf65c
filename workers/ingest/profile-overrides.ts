/**
 * Detection profile overrides for the live worker: loaded from profile_overrides (server/profiles/export.ts, the
 * same function the replay download uses), followed by LISTEN esms_profiles (the table's trigger notifies at
 * commit) with a poll of the table's signature as a fallback for a missed notification or a lost connection.
 * Before they reach the Engine, layers that no longer resolve for a circuit (e.g. a circuit commissioned after a
 * site-wide change, with a lower insulation limit) are dropped and logged: one bad override must not stop detection.
 */
import type { Sql } from '../../platform/db.ts';
import type { RegistryEntry } from '../../lib/protocol/v1.ts';
import { logger } from '../../platform/log.ts';
import { loadOverrides, overridesSignature } from '../../platform/detection-overrides.ts';
import { resolveProfile, type Overrides } from '../../lib/detection/index.ts';

const log = logger('ingest.profiles');
export const PROFILES_CHANNEL = 'esms_profiles';

export interface Dropped {
  layer: 'site' | 'circuit';
  id: string;
  why: string;
}

/** The overrides minus every layer that fails for some circuit it reaches (site layers first, then circuits). */
export function usableOverrides(entries: readonly RegistryEntry[], o: Overrides): { overrides: Overrides; dropped: Dropped[] } {
  const sites = { ...o.sites };
  const circuits = { ...o.circuits };
  const dropped: Dropped[] = [];
  const fails = (e: RegistryEntry, ov: Overrides) => {
    try {
      resolveProfile(e, ov);
      return null;
    } catch (err) {
      return (err as Error).message.slice(0, 300);
    }
  };
  for (const e of entries) {
    if (!sites[e.site]) continue;
    const why = fails(e, { sites: { [e.site]: sites[e.site] } });
    if (why) {
      delete sites[e.site];
      dropped.push({ layer: 'site', id: e.site, why });
    }
  }
  for (const e of entries) {
    const key = `${e.device}/${e.ch}`;
    if (!circuits[key]) continue;
    const why = fails(e, { sites, circuits: { [key]: circuits[key] } });
    if (why) {
      delete circuits[key];
      dropped.push({ layer: 'circuit', id: key, why });
    }
  }
  return { overrides: { sites, circuits }, dropped };
}

export interface OverridesFollower {
  /** the overrides as last loaded */
  readonly current: Overrides;
  /** re-read now when the table changed (the poll and the notification both end here) */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Load the overrides, then call `apply` with each new version. Calls never overlap; a change arriving during one
 * is picked up right after it.
 */
export async function followOverrides(sql: Sql, apply: (o: Overrides) => Promise<void>, pollMs = 10_000): Promise<OverridesFollower> {
  let sig = await overridesSignature(sql);
  let current = await read(sql);
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const refresh = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const s = await overridesSignature(sql);
        if (s === sig) continue;
        const next = await read(sql);
        await apply(next);
        sig = s;
        current = next;
      } while (again && !stopped);
    })()
      .catch((e) => log.warn({ err: (e as Error).message }, 'profile overrides refresh failed'))
      .finally(() => (running = null));
    return running;
  };

  let unlisten: (() => Promise<void>) | null = null;
  try {
    const l = await sql.listen(PROFILES_CHANNEL, () => void refresh(), () => void refresh());
    unlisten = l.unlisten;
  } catch (e) {
    log.warn({ err: (e as Error).message }, 'LISTEN esms_profiles failed; polling only');
  }
  const timer = setInterval(() => void refresh(), pollMs);
  timer.unref();
  return {
    get current() {
      return current;
    },
    refresh,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await unlisten?.().catch(() => {});
    },
  };
}

async function read(sql: Sql): Promise<Overrides> {
  const { overrides, bad } = await loadOverrides(sql);
  if (bad.length) log.warn({ bad }, 'profile override rows skipped: not a valid override');
  return overrides;
}
