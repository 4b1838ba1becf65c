/**
 * Reset (复位) of a latched alarm: GB 14287 keeps an alarm until a person resets it. Only once its condition is no
 * longer seen (recovered_at): a reset while the circuit still shows the condition would only hide it. A note is
 * required; the reset is audited, acknowledges the alarm if nobody had, and tells the ingest worker (NOTIFY), which
 * drops it from the site's active alarms and sends the live event.
 */
import type { Sql } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/scope.ts';
import { audit } from '../../auth/audit.ts';
import { conflict, requireAction } from '../access.ts';
import { lockAlarm, note } from './actions.ts';
import { ALARM_RESET_CHANNEL } from '../../../lib/domain/alarm-latching.ts';

export async function resetAlarm(sql: Sql, p: Principal, id: number, ip: string | null, text: string) {
  requireAction(p, 'alarm.reset');
  return sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    const a = await lockAlarm(tx, p, id);
    if (a.cleared_at) throw conflict('该报警已解除或已复位', 'Already cleared or reset');
    const [r] = await tx<{ recovered: boolean }[]>`SELECT recovered_at IS NOT NULL AS recovered FROM alarms WHERE id = ${id}`;
    if (!r.recovered) throw conflict('报警条件仍然存在，请先排除隐患再复位', 'The condition is still present: clear the hazard before resetting');
    await tx`UPDATE alarms SET cleared_at = now(), reset_at = now(), reset_by = ${p.userId}, reset_note = ${text}, updated_at = now(),
               acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, ${p.userId})
             WHERE id = ${id}`;
    await note(tx, id, p, 'reset', `已复位：${text}`);
    await audit(tx, { userId: p.userId, username: p.username, action: 'alarm.reset', target: `alarm:${id}`, ip, detail: { note: text } });
    await tx`SELECT pg_notify(${ALARM_RESET_CHANNEL}, ${String(id)})`;
    return { ok: true as const };
  });
}
