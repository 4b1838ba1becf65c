/**
 * The stored overrides in the core's Overrides shape ({sites, circuits: {"device/ch": …}}): the same function feeds
 * the live ingest worker and the download for the replay CLI (`npm run detect -- … --overrides o.json`), so replay
 * and live judge with the same thresholds. A row that no longer parses is skipped and reported, never fatal.
 */
import type { Sql } from './db.ts';
import { profileOverrideSchema, type Overrides } from '../lib/detection/profile.ts';

export interface LoadedOverrides {
  overrides: Overrides;
  /** rows skipped because their JSON is not a valid override (e.g. written by hand) */
  bad: { id: number; siteId: string; circuitId: number | null }[];
}

export async function loadOverrides(sql: Sql, siteId?: string): Promise<LoadedOverrides> {
  const rows = await sql<{ id: number; site_id: string; circuit_id: number | null; device_id: string | null; ch: number | null; override: unknown }[]>`
    SELECT po.id, po.site_id, po.circuit_id, c.device_id, c.ch, po.override
      FROM profile_overrides po LEFT JOIN circuits c ON c.id = po.circuit_id
     WHERE ${siteId === undefined ? sql`true` : sql`po.site_id = ${siteId}`}
     ORDER BY po.site_id, c.device_id NULLS FIRST, c.ch`;
  const sites: NonNullable<Overrides['sites']> = {};
  const circuits: NonNullable<Overrides['circuits']> = {};
  const bad: LoadedOverrides['bad'] = [];
  for (const r of rows) {
    const p = profileOverrideSchema.safeParse(r.override);
    if (!p.success || (r.circuit_id !== null && r.device_id === null)) {
      bad.push({ id: r.id, siteId: r.site_id, circuitId: r.circuit_id });
      continue;
    }
    if (r.circuit_id === null) sites[r.site_id] = p.data;
    else circuits[`${r.device_id}/${r.ch}`] = p.data;
  }
  return { overrides: { sites, circuits }, bad };
}

/** A cheap fingerprint of the table: changes on every insert, update and delete (rev moves; count drops). */
export async function overridesSignature(sql: Sql): Promise<string> {
  const [r] = await sql<{ rev: number; n: number }[]>`SELECT coalesce(max(rev), 0)::bigint AS rev, count(*)::int AS n FROM profile_overrides`;
  return `${r.rev}:${r.n}`;
}
