/**
 * Personal API tokens for GIS clients (`Authorization: Bearer <token>`): 256 random bits, shown once; only the
 * SHA-256 is stored (migration 0014). Read scope only. A presented token is a stranger until it matches a row
 * that is neither expired nor revoked and whose user is enabled; then it yields that user's Principal, so the
 * scope rule (platform/scope.ts) applies unchanged. The portal and the token CLI share this file.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from './db.ts';
import type { Principal } from './scope.ts';
import { loadPrincipalForUser } from './principal.ts';

/** Tokens start with a fixed tag so leaked ones are recognisable (secret scanners, logs). */
export const TOKEN_TAG = 'esms_';
export const MAX_TOKEN_DAYS = 366;
/** A shape check before any hashing or lookup: tag + 43 base64url characters (32 bytes). */
const TOKEN_RE = /^esms_[A-Za-z0-9_-]{43}$/;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface ApiTokenRow {
  id: number;
  name: string;
  prefix: string;
  scope: 'read';
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function issueApiToken(sql: Sql, userId: number, name: string, days: number): Promise<{ id: number; token: string; expiresAt: Date }> {
  const token = TOKEN_TAG + randomBytes(32).toString('base64url');
  const d = Math.min(Math.max(Math.floor(days), 1), MAX_TOKEN_DAYS);
  const expiresAt = new Date(Date.now() + d * 86400_000);
  const [r] = await sql<{ id: number }[]>`
    INSERT INTO api_tokens (user_id, name, token_hash, prefix, expires_at)
    VALUES (${userId}, ${name}, ${sha256(token)}, ${token.slice(0, 10)}, ${expiresAt}) RETURNING id`;
  return { id: r.id, token, expiresAt };
}

export async function listApiTokens(sql: Sql, userId: number): Promise<ApiTokenRow[]> {
  const rows = await sql<{ id: number; name: string; prefix: string; scope: 'read'; created_at: Date; expires_at: Date; last_used_at: Date | null; revoked_at: Date | null }[]>`
    SELECT id, name, prefix, scope, created_at, expires_at, last_used_at, revoked_at
    FROM api_tokens WHERE user_id = ${userId} ORDER BY created_at DESC, id DESC`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scope: r.scope,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

/** Revokes one of the user's own tokens; false when there is no such live token of theirs. */
export async function revokeApiToken(sql: Sql, userId: number, id: number): Promise<boolean> {
  const r = await sql`UPDATE api_tokens SET revoked_at = now() WHERE id = ${id} AND user_id = ${userId} AND revoked_at IS NULL`;
  return r.count === 1;
}

export type BearerResult = { kind: 'none' } | { kind: 'invalid' } | { kind: 'ok'; principal: Principal; tokenId: number };

/** Reads `Authorization`. No header: none (anonymous). A header that is not a live token: invalid (→ 401). */
export async function principalFromBearer(sql: Sql, authorization: string | null): Promise<BearerResult> {
  if (authorization == null || authorization === '') return { kind: 'none' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m || !TOKEN_RE.test(m[1])) return { kind: 'invalid' };
  const [t] = await sql<{ id: number; user_id: number; last_used_at: Date | null }[]>`
    SELECT id, user_id, last_used_at FROM api_tokens
    WHERE token_hash = ${sha256(m[1])} AND revoked_at IS NULL AND expires_at > now() AND scope = 'read'`;
  if (!t) return { kind: 'invalid' };
  const principal = await loadPrincipalForUser(sql, t.user_id);
  if (!principal) return { kind: 'invalid' };
  // a tile client sends hundreds of requests a minute: record use at most once a minute
  if (!t.last_used_at || Date.now() - t.last_used_at.getTime() > 60_000) {
    await sql`UPDATE api_tokens SET last_used_at = now() WHERE id = ${t.id}`;
  }
  return { kind: 'ok', principal, tokenId: t.id };
}
