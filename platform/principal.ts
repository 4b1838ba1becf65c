/** Loads a user as a Principal with their scope (platform/scope.ts): the portal's sessions and the workers that act
 * for a user (digests, scheduled reports) share it. */
import type { Sql } from './db.ts';
import type { Role } from '../lib/domain/vocabulary/index.ts';
import { scopeFor, type Principal } from './scope.ts';

export async function loadPrincipalForUser(sql: Sql, userId: number): Promise<Principal | null> {
  const [u] = await sql<
    { id: number; username: string; display_name: string; role: Role; department_id: string | null; county_adcode: number | null; disabled: boolean }[]
  >`SELECT id, username, display_name, role, department_id, county_adcode, disabled FROM users WHERE id = ${userId}`;
  if (!u || u.disabled) return null;
  let siteIds: string[] = [];
  let deviceIds: string[] = [];
  if (u.role === 'site_manager') {
    siteIds = (await sql<{ site_id: string }[]>`SELECT site_id FROM user_sites WHERE user_id = ${u.id} ORDER BY site_id`).map((r) => r.site_id);
  } else if (u.role === 'technician') {
    const rows = await sql<{ device_id: string; site_id: string }[]>`
      SELECT ud.device_id, d.site_id FROM user_devices ud JOIN devices d ON d.id = ud.device_id WHERE ud.user_id = ${u.id}`;
    deviceIds = rows.map((r) => r.device_id);
    siteIds = [...new Set(rows.map((r) => r.site_id))].sort();
  }
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    departmentId: u.department_id,
    countyAdcode: u.county_adcode,
    deviceIds,
    scope: scopeFor({ role: u.role, departmentId: u.department_id, countyAdcode: u.county_adcode, siteIds }),
  };
}
