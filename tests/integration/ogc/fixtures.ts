/** Test fixtures for /ogc: users' tokens and the SQL each role's expected features come from (written out, not via scope.ts). */
import type { Sql } from '../../../platform/db.ts';
import { issueApiToken } from '../../../platform/api-tokens.ts';

export async function tokenFor(sql: Sql, username: string, days = 1): Promise<string> {
  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  if (!u) throw new Error(`no user ${username}`);
  return (await issueApiToken(sql, u.id, `test ${username}`, days)).token;
}

/** The site ids each tested user may see, by the written rule for their role. */
export async function expectedSiteIds(sql: Sql, username: string): Promise<string[]> {
  const rows =
    username === 'karuo'
      ? await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540302`
      : username === 'anjian'
        ? await sql<{ id: string }[]>`SELECT id FROM sites WHERE category IN ('mine', 'hazchem')`
        : await sql<{ id: string }[]>`SELECT us.site_id AS id FROM user_sites us JOIN users u ON u.id = us.user_id WHERE u.username = ${username}`;
  return rows.map((r) => r.id).sort();
}

/** XYZ tile containing a lon/lat at zoom z. */
export function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}
