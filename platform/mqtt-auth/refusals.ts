/**
 * Refused broker attempts: counted in memory per (principal, reason), written to mqtt_refusals every few seconds
 * (one upsert per key, so a flood costs the database nothing extra), shown beside the quarantine. The flood
 * guard refuses a remote address outright for a while once it has been refused too often, before any lookup or
 * hash is spent on it.
 */
import type { Sql } from '../db.ts';

export type RefusalReason = 'anonymous' | 'bad_credentials' | 'revoked' | 'client_id' | 'publish_denied' | 'subscribe_denied' | 'rate_limited';

interface Tally {
  principal: string;
  reason: RefusalReason;
  deviceId: string | null;
  count: number;
  clientId: string;
  address: string;
  topic: string;
}

export class RefusalCounter {
  private pending = new Map<string, Tally>();
  total = 0;

  add(t: Omit<Tally, 'count'>): void {
    this.total++;
    const key = `${t.principal}\u0000${t.reason}`;
    const cur = this.pending.get(key);
    if (cur) {
      cur.count++;
      cur.clientId = t.clientId;
      cur.address = t.address;
      cur.topic = t.topic;
    } else this.pending.set(key, { ...t, count: 1 });
  }

  /** Write what was counted since the last flush; on failure it is kept for the next one. */
  async flush(sql: Sql): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      await sql`
        INSERT INTO mqtt_refusals (principal, reason, device_id, count, last_client_id, last_address, last_topic)
        SELECT * FROM jsonb_to_recordset(${sql.json(batch.map((b) => ({ p: b.principal.slice(0, 200), r: b.reason, d: b.deviceId, n: b.count, c: b.clientId.slice(0, 200), a: b.address, t: b.topic.slice(0, 300) })))})
          AS x(p text, r text, d text, n bigint, c text, a text, t text)
        ON CONFLICT (principal, reason) DO UPDATE SET count = mqtt_refusals.count + EXCLUDED.count, device_id = COALESCE(EXCLUDED.device_id, mqtt_refusals.device_id),
          last_client_id = EXCLUDED.last_client_id, last_address = EXCLUDED.last_address, last_topic = EXCLUDED.last_topic, last_at = now()`;
    } catch (e) {
      for (const b of batch) {
        const key = `${b.principal}\u0000${b.reason}`;
        const cur = this.pending.get(key);
        if (cur) cur.count += b.count;
        else this.pending.set(key, b);
      }
      throw e;
    }
  }
}

/** Fixed-window guard per remote address: more than `max` refusals in `windowMs` blocks it until the window ends. */
export class FloodGuard {
  private seen = new Map<string, { start: number; n: number }>();
  constructor(
    private readonly max = 20,
    private readonly windowMs = 60_000,
  ) {}

  refused(address: string, now = Date.now()): void {
    const s = this.seen.get(address);
    if (!s || now - s.start > this.windowMs) this.seen.set(address, { start: now, n: 1 });
    else s.n++;
    if (this.seen.size > 100_000) this.prune(now);
  }

  blocked(address: string, now = Date.now()): boolean {
    const s = this.seen.get(address);
    return !!s && now - s.start <= this.windowMs && s.n > this.max;
  }

  private prune(now: number) {
    for (const [k, s] of this.seen) if (now - s.start > this.windowMs) this.seen.delete(k);
  }
}
