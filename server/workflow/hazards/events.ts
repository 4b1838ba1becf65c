/** Every hazard change writes a hazard_events row (history), an audit_log row, and maybe a notify event. */
import type { Sql } from '../../../platform/db.ts';
import { audit } from '../../auth/audit.ts';
import type { Principal } from '../../../platform/scope.ts';

export interface HazardEventInput {
  hazardId: number;
  action: string;
  from: string | null;
  to: string | null;
  detail?: Record<string, unknown>;
}

export async function recordHazardEvent(tx: Sql, p: Principal, ip: string | null, e: HazardEventInput): Promise<number> {
  const [row] = await tx<{ id: number }[]>`
    INSERT INTO hazard_events (hazard_id, user_id, username, ip, action, from_state, to_state, detail)
    VALUES (${e.hazardId}, ${p.userId}, ${p.displayName}, ${ip}, ${e.action}, ${e.from}, ${e.to}, ${tx.json((e.detail ?? {}) as never)})
    RETURNING id`;
  await audit(tx, {
    userId: p.userId,
    username: p.username,
    action: `hazard.${e.action}`,
    target: `hazard:${e.hazardId}`,
    ip,
    detail: { from: e.from, to: e.to, ...e.detail },
  });
  return row.id;
}

/** Queue a notification about the hazard in the same transaction (workers/notify picks it up). */
export async function notifyHazard(tx: Sql, hazardId: number, change: 'assigned' | 'submitted' | 'returned' | 'closed', siteId: string, severity: string) {
  await tx`INSERT INTO notify_events (kind, change, hazard_id, site_id, severity) VALUES ('hazard', ${change}, ${hazardId}, ${siteId}, ${severity})`;
  await tx`SELECT pg_notify('esms_notify', 'hazard')`;
}
