/**
 * Server-side sessions: a random token in a Secure (when https), HttpOnly, SameSite=Lax cookie; only its
 * SHA-256 is stored. Loading a session yields a Principal with its scope (server/auth/scope.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../../db/client.ts';
import type { Role } from '../../lib/domain/catalog.ts';
import { scopeFor, type Principal } from './scope.ts';

export const SESSION_COOKIE = 'esms_session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(sql: Sql, userId: number, ttlHours: number, meta: { ip?: string; userAgent?: string }) {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + ttlHours * 3600_000);
  await sql`INSERT INTO sessions (id, user_id, expires_at, ip, user_agent)
            VALUES (${sha256(token)}, ${userId}, ${expires}, ${meta.ip ?? null}, ${meta.userAgent?.slice(0, 300) ?? null})`;
  return { token, expires };
}

export async function destroySession(sql: Sql, token: string) {
  await sql`DELETE FROM sessions WHERE id = ${sha256(token)}`;
}

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

export async function principalFromToken(sql: Sql, token: string | undefined | null): Promise<Principal | null> {
  if (!token || token.length > 200) return null;
  const [s] = await sql<{ user_id: number }[]>`SELECT user_id FROM sessions WHERE id = ${sha256(token)} AND expires_at > now()`;
  return s ? loadPrincipalForUser(sql, s.user_id) : null;
}

export function sessionCookie(token: string, expires: Date, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expires.toUTCString()}${secure ? '; Secure' : ''}`;
}
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}
