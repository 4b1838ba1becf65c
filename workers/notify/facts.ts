/** Loads what a notification event is about (alarm, hazard, site, digest) for rendering and routing. */
import type { Sql } from '../../platform/db.ts';
import type { EventFacts } from '../../lib/domain/workflow/message.ts';

export interface EventRow {
  id: number;
  kind: EventFacts['kind'];
  change: string;
  alarm_id: number | null;
  hazard_id: number | null;
  site_id: string | null;
  severity: EventFacts['severity'];
  level: number;
  target_user_id: number | null;
  payload: Record<string, unknown>;
  created_at: Date;
}
export interface SiteFacts {
  id: string;
  nameZh: string;
  category: string;
  countyAdcode: number;
}
export interface LoadedFacts extends EventFacts {
  siteFull: SiteFacts | null;
  hazardPeople: { assigneeId: number | null; rectifiedBy: number | null; createdBy: number | null } | null;
}

export async function loadFacts(sql: Sql, e: EventRow): Promise<LoadedFacts> {
  const [site] = e.site_id
    ? await sql<SiteFacts[]>`SELECT id, name_zh AS "nameZh", category, county_adcode AS "countyAdcode" FROM sites WHERE id = ${e.site_id}`
    : [];
  const [alarm] = e.alarm_id
    ? await sql<NonNullable<EventFacts['alarm']>[]>`
        SELECT a.id, a.type, a.opened_at AS "openedAt", c.name_zh AS "circuitName", a.device_id AS "deviceId",
               a.reason_zh AS "reasonZh", a.value, a.threshold
        FROM alarms a LEFT JOIN circuits c ON c.id = a.circuit_id WHERE a.id = ${e.alarm_id}`
    : [];
  const [hz] = e.hazard_id
    ? await sql<{ id: number; title: string; state: string; deadline: Date | null; assigneeId: number | null; rectifiedBy: number | null; createdBy: number | null }[]>`
        SELECT id, title, state, deadline, assignee_id AS "assigneeId", rectified_by AS "rectifiedBy", created_by AS "createdBy"
        FROM hazards WHERE id = ${e.hazard_id}`
    : [];
  const digest = e.kind === 'digest' ? (e.payload as unknown as EventFacts['digest']) : null;
  return {
    kind: e.kind,
    change: e.change,
    severity: e.severity,
    level: e.level,
    createdAt: e.created_at,
    alarm: alarm ?? null,
    hazard: hz ? { id: hz.id, title: hz.title, state: hz.state, deadline: hz.deadline } : null,
    site: site ? { id: site.id, nameZh: site.nameZh } : null,
    siteFull: site ?? null,
    hazardPeople: hz ? { assigneeId: hz.assigneeId, rectifiedBy: hz.rectifiedBy, createdBy: hz.createdBy } : null,
    digest: digest ? { ...digest, periodStart: new Date(digest.periodStart), periodEnd: new Date(digest.periodEnd) } : null,
  };
}
