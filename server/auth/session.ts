/**
 * Server-side sessions: a random token in a Secure (when https), HttpOnly, SameSite=Lax cookie; only its
 * SHA-256 is stored. Loading a session yields a Principal with its scope (platform/principal.ts, platform/scope.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import { loadPrincipalForUser } from '../../platform/principal.ts';

export const SESSION_COOKIE = 'esms_session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** The stored id of a session token (its SHA-256): what the realtime gateway keys its sockets by. */
export const sessionIdOf = (token: string) => sha256(token);

/** Portal nodes LISTEN on this channel (server/realtime/gateway.ts) and drop the sockets of each session named. */
export const SESSION_END_CHANNEL = 'esms_session_end';

export async function createSession(sql: Sql, userId: number, ttlHours: number, meta: { ip?: string; userAgent?: string }) {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + ttlHours * 3600_000);
  await sql`INSERT INTO sessions (id, user_id, expires_at, ip, user_agent)
            VALUES (${sha256(token)}, ${userId}, ${expires}, ${meta.ip ?? null}, ${meta.userAgent?.slice(0, 300) ?? null})`;
  return { token, expires };
}

/** Signs a session out: the row goes, and every portal node is told so its open sockets close too. */
export async function destroySession(sql: Sql, token: string) {
  const id = sha256(token);
  // a data-modifying CTE always runs; the notification goes out once the statement commits
  await sql`WITH d AS (DELETE FROM sessions WHERE id = ${id}) SELECT pg_notify(${SESSION_END_CHANNEL}, ${id})`;
}

/** Revokes every session of a user (disabled account, password reset), live sockets included. */
export async function revokeUserSessions(sql: Sql, userId: number) {
  await sql`WITH d AS (DELETE FROM sessions WHERE user_id = ${userId} RETURNING id) SELECT pg_notify(${SESSION_END_CHANNEL}, id) FROM d`;
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
