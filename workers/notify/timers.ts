/**
 * Timed events: escalation of unacknowledged alarms and overdue hazard orders. Each writes notify_events with a
 * dedupe key, so any number of scans (or workers) produce each escalation exactly once.
 */
import type { Sql } from '../../platform/db.ts';
import { MAX_LEVEL_BY_SEVERITY } from '../../lib/domain/workflow/escalation.ts';
import { OPEN_STATES } from '../../lib/domain/workflow/hazard-machine.ts';

/** Escalate every active, unacknowledged, not-false alarm one level per `afterS` seconds since it was first notified. */
export async function scanEscalations(sql: Sql, afterS: number): Promise<number> {
  const rows = await sql`
    INSERT INTO notify_events (kind, change, alarm_id, site_id, severity, level, dedupe_key)
    SELECT 'escalation', 'level' || l, a.id, a.site_id, a.severity, l, 'esc:' || a.id || ':' || l
    FROM alarms a
    JOIN LATERAL (SELECT min(e.created_at) AS t FROM notify_events e WHERE e.alarm_id = a.id AND e.kind = 'alarm') f ON f.t IS NOT NULL
    CROSS JOIN generate_series(1, 3) AS l
    WHERE a.cleared_at IS NULL AND a.acknowledged_at IS NULL AND NOT a.false_alarm
      AND l <= (${sql.json(MAX_LEVEL_BY_SEVERITY as never)}::jsonb ->> a.severity)::int
      AND f.t + make_interval(secs => l * ${afterS}) <= now()
    ORDER BY a.id, l
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  if (rows.length) await sql`SELECT pg_notify('esms_notify', 'escalation')`;
  return rows.length;
}

/** One overdue notice per hazard and deadline (a new deadline may become overdue again). */
export async function scanOverdue(sql: Sql): Promise<number> {
  const rows = await sql`
    INSERT INTO notify_events (kind, change, hazard_id, site_id, severity, dedupe_key)
    SELECT 'hazard', 'overdue', h.id, h.site_id, h.severity, 'overdue:' || h.id || ':' || floor(extract(epoch FROM h.deadline))::bigint
    FROM hazards h
    WHERE h.state = ANY(${OPEN_STATES as string[]}::text[]) AND h.deadline < now()
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  if (rows.length) await sql`SELECT pg_notify('esms_notify', 'overdue')`;
  return rows.length;
}
