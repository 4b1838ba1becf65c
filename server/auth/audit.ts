/** The audit log: who did what, when, from where. Every security-relevant action writes one row. */
import type { Sql } from '../../platform/db.ts';

export interface AuditEntry {
  userId?: number | null;
  username?: string | null;
  action: string;
  target?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export async function audit(sql: Sql, e: AuditEntry) {
  await sql`INSERT INTO audit_log (user_id, username, action, target, ip, detail)
            VALUES (${e.userId ?? null}, ${e.username ?? null}, ${e.action}, ${e.target ?? null}, ${e.ip ?? null}, ${sql.json((e.detail ?? {}) as never)})`;
}
