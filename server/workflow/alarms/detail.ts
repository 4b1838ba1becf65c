/** One alarm with its notes, hazard, escalation level and delivery summary (the alarm page). */
import type { Sql } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/scope.ts';
import { can } from '../../../lib/domain/permissions.ts';
import { notFound } from '../access.ts';
import { alarmRow, type AlarmListRow } from './list.ts';

export interface AlarmDetail {
  alarm: AlarmListRow & { evidence: Record<string, unknown>; reasonEn: string };
  notes: { id: number; username: string; kind: string; body: string; createdAt: Date }[];
  escalationLevel: number;
  deliveries: { channel: string; state: string; n: number }[];
  can: { ack: boolean; note: boolean; false: boolean; hazard: boolean; reset: boolean };
}

export async function getAlarm(sql: Sql, p: Principal, id: number): Promise<AlarmDetail> {
  const [exists] = await sql<{ site_id: string; evidence: Record<string, unknown>; reason_en: string }[]>`
    SELECT site_id, evidence, reason_en FROM alarms WHERE id = ${id}`;
  if (!exists) throw notFound('报警', 'Alarm');
  const row = await alarmRow(sql, p, id);
  if (!row) throw notFound('报警', 'Alarm');
  const notes = await sql<AlarmDetail['notes']>`
    SELECT id, username, kind, body, created_at AS "createdAt" FROM alarm_notes WHERE alarm_id = ${id} ORDER BY id`;
  const [lvl] = await sql<{ l: number }[]>`SELECT coalesce(max(level), 0)::int AS l FROM notify_events WHERE alarm_id = ${id} AND kind = 'escalation'`;
  const deliveries = await sql<AlarmDetail['deliveries']>`
    SELECT o.channel, o.state, count(*)::int AS n FROM notification_outbox o JOIN notify_events e ON e.id = o.event_id
    WHERE e.alarm_id = ${id} GROUP BY o.channel, o.state ORDER BY o.channel, o.state`;
  const open = !row.falseAlarm;
  return {
    alarm: { ...row, evidence: exists.evidence, reasonEn: exists.reason_en },
    notes,
    escalationLevel: lvl.l,
    deliveries,
    can: {
      ack: open && !row.acknowledgedAt && can(p.role, 'alarm.ack'),
      note: can(p.role, 'alarm.note'),
      false: open && can(p.role, 'alarm.false'),
      hazard: !row.hazardId && can(p.role, 'hazard.create'),
      reset: !row.clearedAt && !!row.recoveredAt && can(p.role, 'alarm.reset'),
    },
  };
}
