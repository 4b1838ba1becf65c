/** What must never appear in public output, loaded from the database, and a scanner for it. */
import type { Sql } from '../../../platform/db.ts';

export interface Secrets {
  siteIds: string[];
  siteNames: string[];
  deviceIds: string[];
  coords: string[];
}

export async function loadSecrets(sql: Sql): Promise<Secrets> {
  const sites = await sql<{ id: string; name_zh: string; name_en: string; lon: number; lat: number }[]>`
    SELECT id, name_zh, name_en, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM sites`;
  const devices = await sql<{ id: string }[]>`SELECT id FROM devices`;
  return {
    siteIds: sites.map((s) => s.id),
    // names shorter than 4 characters could collide with ordinary words; the real ones are all longer
    siteNames: [...new Set(sites.flatMap((s) => [s.name_zh, s.name_en]).filter((n) => n.length >= 4))],
    deviceIds: devices.map((d) => d.id),
    coords: sites.flatMap((s) => [s.lon.toFixed(4), s.lat.toFixed(4)]),
  };
}

export const SITE_ID_RE = /[A-Z]{2,3}-[A-Z]{3}-\d{3}/g;
/**
 * a longitude or latitude inside the Changdu box written with 3 or more decimals (≈100 m or finer); not after
 * a digit and colon, where "…T04:33.903Z" is the seconds of an ISO timestamp ("lat":31.1406 still counts)
 */
export const COORD_RE = /(?<![\d.]|\d:)(?:9[3-9]|100|2[89]|3[0-3])\.\d{3,}/g;

export function findLeaks(text: string, s: Secrets): string[] {
  const out: string[] = [];
  for (const m of text.match(SITE_ID_RE) ?? []) out.push(`site id ${m}`);
  for (const m of text.match(COORD_RE) ?? []) out.push(`coordinate ${m}`);
  for (const id of s.deviceIds) if (text.includes(id)) out.push(`device ${id}`);
  for (const id of s.siteIds) if (text.includes(id)) out.push(`site ${id}`);
  for (const n of s.siteNames) if (text.includes(n)) out.push(`name ${n}`);
  for (const c of s.coords) if (text.includes(c)) out.push(`coordinate ${c}`);
  return [...new Set(out)];
}
