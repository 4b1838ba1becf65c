/**
 * The credential registry in PostgreSQL (mqtt_credentials): issue, rotate, revoke, and the connect-time lookup
 * both brokers use. A secret is returned once, by issue or rotate, and never stored.
 */
import type { Sql } from '../db.ts';
import { hashSecret, newSecret } from './hash.ts';
import { RESERVED_PREFIX, type Principal } from './acl.ts';

export interface IssuedCredential {
  username: string;
  password: string;
  /** the client id the broker requires; devices and gateways use their username */
  clientId: string;
}

export class CredentialError extends Error {}

/** A device's username is its registry id, its client id the same. */
export async function issueDeviceCredential(sql: Sql, deviceId: string, note = ''): Promise<IssuedCredential> {
  if (deviceId.startsWith(RESERVED_PREFIX)) throw new CredentialError(`device ids starting with '${RESERVED_PREFIX}' are reserved for service accounts`);
  const [dev] = await sql<{ id: string }[]>`SELECT id FROM devices WHERE id = ${deviceId}`;
  if (!dev) throw new CredentialError(`device '${deviceId}' is not registered`);
  const password = newSecret();
  const rows = await sql`
    INSERT INTO mqtt_credentials (username, kind, device_id, password_hash, note) VALUES (${deviceId}, 'device', ${deviceId}, ${hashSecret(password)}, ${note})
    ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, note = EXCLUDED.note, created_at = now(), rotated_at = NULL, revoked_at = NULL
      WHERE mqtt_credentials.revoked_at IS NOT NULL
    RETURNING username`;
  if (rows.length === 0) throw new CredentialError(`device '${deviceId}' already has an active credential: rotate it (or revoke, then issue)`);
  return { username: deviceId, password, clientId: deviceId };
}

/** A site gateway speaks for every device of its sites; its username is `gw.<name>`. */
export async function issueGatewayCredential(sql: Sql, name: string, sites: string[], opts: { replace?: boolean; note?: string } = {}): Promise<IssuedCredential> {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new CredentialError(`gateway name '${name}': expected [A-Za-z0-9_-]{1,64}`);
  const known = await sql<{ id: string }[]>`SELECT id FROM sites WHERE id = ANY(${sites}::text[])`;
  const missing = sites.filter((s) => !known.some((k) => k.id === s));
  if (missing.length) throw new CredentialError(`unknown sites: ${missing.slice(0, 10).join(', ')}`);
  const username = `gw.${name}`;
  const password = newSecret();
  const hash = hashSecret(password);
  const rows = opts.replace
    ? await sql`
        INSERT INTO mqtt_credentials (username, kind, sites, password_hash, note) VALUES (${username}, 'gateway', ${sites}::text[], ${hash}, ${opts.note ?? ''})
        ON CONFLICT (username) DO UPDATE SET sites = EXCLUDED.sites, password_hash = EXCLUDED.password_hash, rotated_at = now(), revoked_at = NULL
        RETURNING username`
    : await sql`
        INSERT INTO mqtt_credentials (username, kind, sites, password_hash, note) VALUES (${username}, 'gateway', ${sites}::text[], ${hash}, ${opts.note ?? ''})
        ON CONFLICT (username) DO NOTHING RETURNING username`;
  if (rows.length === 0) throw new CredentialError(`gateway '${username}' already has a credential: rotate it`);
  return { username, password, clientId: username };
}

/** A new secret for an active credential; the broker drops sessions using the old one. */
export async function rotateCredential(sql: Sql, username: string): Promise<IssuedCredential> {
  const password = newSecret();
  const rows = await sql`
    UPDATE mqtt_credentials SET password_hash = ${hashSecret(password)}, rotated_at = now() WHERE username = ${username} AND revoked_at IS NULL RETURNING username`;
  if (rows.length === 0) throw new CredentialError(`no active credential '${username}'`);
  return { username, password, clientId: username };
}

export async function revokeCredential(sql: Sql, username: string): Promise<void> {
  const rows = await sql`UPDATE mqtt_credentials SET revoked_at = now() WHERE username = ${username} AND revoked_at IS NULL RETURNING username`;
  if (rows.length === 0) throw new CredentialError(`no active credential '${username}'`);
}

export interface CredentialRow {
  username: string;
  kind: 'device' | 'gateway';
  device_id: string | null;
  site_id: string | null;
  sites: string[];
  password_hash: string;
  revoked: boolean;
}

const SELECT_ROWS = (sql: Sql, username: string | null) => sql<CredentialRow[]>`
  SELECT c.username, c.kind, c.device_id, d.site_id, c.sites, c.password_hash, c.revoked_at IS NOT NULL AS revoked
  FROM mqtt_credentials c LEFT JOIN devices d ON d.id = c.device_id
  WHERE ${username}::text IS NULL OR c.username = ${username}`;

export async function findCredential(sql: Sql, username: string): Promise<CredentialRow | null> {
  const [r] = await SELECT_ROWS(sql, username);
  return r ?? null;
}

/** Every active credential (the Mosquitto files are generated from these). */
export async function activeCredentials(sql: Sql): Promise<CredentialRow[]> {
  return (await SELECT_ROWS(sql, null)).filter((r) => !r.revoked && (r.kind === 'gateway' || r.site_id !== null));
}

export function principalOf(r: CredentialRow): Principal | null {
  if (r.kind === 'device') return r.device_id && r.site_id ? { kind: 'device', username: r.username, device: r.device_id, site: r.site_id } : null;
  return { kind: 'gateway', username: r.username, sites: new Set(r.sites) };
}

export async function listCredentials(sql: Sql) {
  return sql<{ username: string; kind: string; device_id: string | null; sites: number; created_at: Date; rotated_at: Date | null; revoked_at: Date | null }[]>`
    SELECT username, kind, device_id, cardinality(sites) AS sites, created_at, rotated_at, revoked_at FROM mqtt_credentials ORDER BY username`;
}
