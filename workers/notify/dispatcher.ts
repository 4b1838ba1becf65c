/**
 * The delivery loop: claim due outbox rows, deliver them concurrently, record each outcome. Woken by LISTEN
 * (new rows) and by a poll timer (retries coming due). stop() finishes the deliveries in flight, so a graceful
 * restart neither loses nor repeats a message; rows claimed after stop() began are handed back unstarted.
 */
import type { Sql } from '../../platform/db.ts';
import { claimDue, markFailed, markSent, release, type ClaimedRow } from '../../platform/notify/outbox.ts';
import type { Channel } from '../../lib/domain/workflow/plan.ts';
import { DeliveryError, type DeliveryChannel } from '../../platform/notify/channels/types.ts';

export interface DispatcherOpts {
  batch: number;
  leaseS: number;
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
  log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void };
}

export class Dispatcher {
  readonly counters = { sent: 0, retried: 0, failed: 0, byChannel: {} as Record<string, { sent: number; failed: number; lastError?: string }> };
  private inflight: Promise<unknown> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly sql: Sql,
    private readonly channels: Partial<Record<Channel, DeliveryChannel>>,
    private readonly o: DispatcherOpts,
  ) {}

  /** Run until nothing is due; concurrent kicks coalesce into one more round. */
  kick(): Promise<unknown> {
    if (this.stopped) return Promise.resolve();
    if (this.inflight) {
      this.again = true;
      return this.inflight;
    }
    this.inflight = (async () => {
      try {
        do {
          this.again = false;
          while (!this.stopped && (await this.round()) === this.o.batch);
        } while (this.again && !this.stopped);
      } finally {
        this.inflight = null;
      }
    })();
    return this.inflight;
  }

  private async round(): Promise<number> {
    const rows = await claimDue(this.sql, this.o.batch, this.o.leaseS, this.o.maxAttempts);
    // stop() came while the claim was under way: hand the rows back rather than start them
    if (this.stopped) {
      await release(this.sql, rows);
      return 0;
    }
    await Promise.all(rows.map((r) => this.deliver(r)));
    return rows.length;
  }

  private async deliver(row: ClaimedRow) {
    const ch = this.channels[row.channel];
    const stat = (this.counters.byChannel[row.channel] ??= { sent: 0, failed: 0 });
    try {
      if (!ch) throw new DeliveryError(`channel ${row.channel} is not configured`, true);
      await ch.deliver(row);
      if (!(await markSent(this.sql, row))) this.o.log.warn({ id: row.id, channel: row.channel }, 'delivered after its lease ran out (claimed again)');
      this.counters.sent++;
      stat.sent++;
    } catch (e) {
      const err = e instanceof DeliveryError ? e : new DeliveryError(String((e as Error)?.message ?? e));
      const outcome = await markFailed(this.sql, row, err.message, { baseMs: this.o.baseMs, maxMs: this.o.maxMs, maxAttempts: this.o.maxAttempts, permanent: err.permanent });
      stat.failed++;
      stat.lastError = err.message;
      if (outcome === 'failed') this.counters.failed++;
      else if (outcome === 'retry') this.counters.retried++;
      this.o.log.warn({ id: row.id, channel: row.channel, attempt: row.attempts, outcome, err: err.message }, 'delivery failed');
    }
  }

  async stop() {
    this.stopped = true;
    await this.inflight;
  }
}
