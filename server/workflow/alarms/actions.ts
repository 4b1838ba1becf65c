/** Acknowledge, annotate, mark false: each scoped, permission-checked, audited and written to the alarm's notes. */
import type { Sql } from '../../../platform/db.ts';
import { audit } from '../../auth/audit.ts';
import type { Principal } from '../../../platform/scope.ts';
import { conflict, notFound, requireAction } from '../access.ts';
import { visibleSite } from '../../queries/visible-site.ts';

export async function lockAlarm(tx: Sql, p: Principal, id: number) {
  const [a] = await tx<{ id: number; site_id: string; acknowledged_at: Date | null; false_alarm: boolean; cleared_at: Date | null }[]>`
    SELECT id, site_id, acknowledged_at, false_alarm, cleared_at FROM alarms WHERE id = ${id} FOR UPDATE`;
  // an alarm at a site out of scope looks missing
  if (!a || !(await visibleSite(tx, p, a.site_id))) throw notFound('报警', 'Alarm');
  return a;
}

export const note = (tx: Sql, alarmId: number, p: Principal, kind: string, body: string) =>
  tx`INSERT INTO alarm_notes (alarm_id, user_id, username, kind, body) VALUES (${alarmId}, ${p.userId}, ${p.displayName}, ${kind}, ${body})`;

export async function acknowledgeAlarm(sql: Sql, p: Principal, id: number, ip: string | null, text = '') {
  requireAction(p, 'alarm.ack');
  return sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    const a = await lockAlarm(tx, p, id);
    if (a.acknowledged_at) throw conflict('该报警已被确认', 'Already acknowledged');
    await tx`UPDATE alarms SET acknowledged_at = now(), acknowledged_by = ${p.userId} WHERE id = ${id}`;
    await note(tx, id, p, 'ack', text || '已确认报警，正在处置');
    await audit(tx, { userId: p.userId, username: p.username, action: 'alarm.ack', target: `alarm:${id}`, ip, detail: { note: text } });
    return { ok: true };
  });
}

export async function addAlarmNote(sql: Sql, p: Principal, id: number, ip: string | null, text: string) {
  requireAction(p, 'alarm.note');
  return sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    await lockAlarm(tx, p, id);
    await note(tx, id, p, 'note', text);
    await audit(tx, { userId: p.userId, username: p.username, action: 'alarm.note', target: `alarm:${id}`, ip, detail: { note: text } });
    return { ok: true };
  });
}

/** A false alarm is also acknowledged (somebody looked) and stops escalating; it feeds the accuracy statistics. */
export async function markFalseAlarm(sql: Sql, p: Principal, id: number, ip: string | null, reason: string) {
  requireAction(p, 'alarm.false');
  return sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    const a = await lockAlarm(tx, p, id);
    if (a.false_alarm) throw conflict('该报警已标记为误报', 'Already marked false');
    await tx`UPDATE alarms SET false_alarm = true, false_alarm_reason = ${reason},
               acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, ${p.userId})
             WHERE id = ${id}`;
    await note(tx, id, p, 'false_alarm', `标记为误报：${reason}`);
    await audit(tx, { userId: p.userId, username: p.username, action: 'alarm.false', target: `alarm:${id}`, ip, detail: { reason } });
    return { ok: true };
  });
}
