/**
 * Partition upkeep for readings (daily) and readings_1m (monthly): every day a batch touches gets its
 * partition before the batch is written (backfilled old samples included), so nothing lands in the default
 * partition (which would block creating that day's partition later). Retention drops whole partitions.
 */
import type { Sql } from '../../platform/db.ts';

const DAY = 86_400_000;

export class Partitions {
  private ready = new Set<number>();
  /** days being created now: concurrent writers (pipeline lanes) wait for the same call instead of racing it */
  private pending = new Map<number, Promise<number>>();
  constructor(private readonly sql: Sql) {}

  /** Make sure each UTC day in `tsList` has its partitions (one call per unseen day). */
  async ensureFor(days: Iterable<number>): Promise<number> {
    let created = 0;
    for (const day of days) {
      if (this.ready.has(day)) continue;
      let p = this.pending.get(day);
      if (!p) {
        p = this.create(day).finally(() => this.pending.delete(day));
        this.pending.set(day, p);
      }
      created += await p;
    }
    return created;
  }

  private async create(day: number): Promise<number> {
    // the function's day boundaries follow the session time zone: cover every local day the UTC day touches
    const from = new Date(day * DAY);
    const last = new Date((day + 1) * DAY - 1);
    const [r] = await this.sql<{ n: number }[]>`
      SELECT esms_ensure_partitions(${from}::timestamptz::date, ${last}::timestamptz::date + 1) AS n`;
    this.ready.add(day);
    return r.n;
  }

  /** Ahead of time: yesterday .. a week ahead (the timer calls this hourly). */
  async ensureAhead(now = Date.now()): Promise<number> {
    const today = Math.floor(now / DAY);
    const days: number[] = [];
    for (let d = today - 1; d <= today + 7; d++) days.push(d);
    return this.ensureFor(days);
  }

  async dropOld(rawDays: number, rollupDays: number): Promise<number> {
    const [r] = await this.sql<{ n: number }[]>`
      SELECT esms_drop_old_partitions(${`${rawDays} days`}::interval, ${`${rollupDays} days`}::interval) AS n`;
    // forget dropped days so a (rejected anyway) backfill would recreate rather than assume
    const horizon = Math.floor(Date.now() / DAY) - rawDays;
    for (const d of this.ready) if (d < horizon) this.ready.delete(d);
    return r.n;
  }
}

export const dayOf = (ts: number) => Math.floor(ts / DAY);
