/**
 * Fan-out: pending notify_events → per-(user, channel) outbox rows, in one transaction per batch. Events are
 * claimed with FOR UPDATE SKIP LOCKED, so several workers never fan out the same event, and the unique
 * (event, user, channel) key suppresses duplicates if an event is ever processed twice.
 */
import type { Sql } from '../../platform/db.ts';
import { audienceForLevel, type Audience } from '../../lib/domain/workflow/escalation.ts';
import { planDeliveries, type Channel } from '../../lib/domain/workflow/plan.ts';
import { renderMessage } from '../../lib/domain/workflow/message.ts';
import { loadFacts, type EventRow, type LoadedFacts } from './facts.ts';
import type { OutboxPayload } from '../../platform/notify/outbox.ts';
import { recipientsByIds, recipientsFor, type RecipientRow } from './recipients.ts';

async function recipientsOf(tx: Sql, e: EventRow, f: LoadedFacts): Promise<RecipientRow[]> {
  const site = f.siteFull;
  if (e.kind === 'digest') return recipientsByIds(tx, e.target_user_id ? [e.target_user_id] : []);
  if (!site) return [];
  if (e.kind === 'escalation') return recipientsFor(tx, [audienceForLevel(e.level, site)]);
  if (e.kind === 'alarm') {
    // once an alarm has been escalated, the people it reached also hear how it goes on
    const [{ lvl }] = await tx<{ lvl: number }[]>`
      SELECT coalesce(max(level), 0)::int AS lvl FROM notify_events WHERE alarm_id = ${e.alarm_id} AND kind = 'escalation'`;
    const auds: Audience[] = [];
    for (let l = 0; l <= lvl; l++) auds.push(audienceForLevel(l, site));
    return recipientsFor(tx, auds);
  }
  // hazards
  const p = f.hazardPeople;
  const ids = (xs: (number | null | undefined)[]) => xs.filter((x): x is number => x != null);
  switch (e.change) {
    case 'assigned':
      return recipientsByIds(tx, ids([p?.assigneeId]));
    case 'overdue': {
      const people = await recipientsByIds(tx, ids([p?.assigneeId]));
      return [...people, ...(await recipientsFor(tx, [audienceForLevel(0, site), audienceForLevel(1, site)]))];
    }
    case 'submitted':
      return recipientsFor(tx, [audienceForLevel(2, site)]);
    case 'returned':
      return recipientsByIds(tx, ids([p?.assigneeId, p?.rectifiedBy]));
    default:
      return recipientsByIds(tx, ids([p?.createdBy, p?.assigneeId]));
  }
}

/** Fans out up to `limit` events; returns how many events and outbox rows were written. */
export async function fanOutBatch(sql: Sql, available: Record<Channel, boolean>, limit = 50, now = () => new Date()) {
  return sql.begin(async (t) => {
    const tx = t as unknown as Sql; // postgres.js types TransactionSql apart; the query API is the same
    const events = await tx<EventRow[]>`
      SELECT id, kind, change, alarm_id, hazard_id, site_id, severity, level, target_user_id, payload, created_at
      FROM notify_events WHERE fanned_out_at IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    let rows = 0;
    for (const e of events) {
      const facts = await loadFacts(tx, e);
      const recipients = await recipientsOf(tx, e, facts);
      const message = renderMessage(facts);
      const plan = planDeliveries(e, recipients, available, now());
      const byId = new Map(recipients.map((r) => [r.userId, r]));
      const values = plan.map((p) => {
        const r = byId.get(p.userId)!;
        const payload: OutboxPayload = {
          message,
          recipient: { userId: r.userId, username: r.username, displayName: r.displayName, phone: r.phone, email: r.email },
        };
        return { event_id: e.id, user_id: p.userId, channel: p.channel, next_attempt_at: p.nextAttemptAt, idempotency_key: p.idempotencyKey, payload: tx.json(payload as never) };
      });
      if (values.length) {
        const ins = await tx`INSERT INTO notification_outbox ${tx(values, 'event_id', 'user_id', 'channel', 'next_attempt_at', 'idempotency_key', 'payload')}
                             ON CONFLICT DO NOTHING RETURNING id`;
        rows += ins.length;
      }
    }
    if (events.length) await tx`UPDATE notify_events SET fanned_out_at = now() WHERE id = ANY(${events.map((e) => e.id)}::bigint[])`;
    return { events: events.length, rows };
  });
}
