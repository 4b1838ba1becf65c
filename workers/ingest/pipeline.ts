/**
 * Buffer → batch → prepare → write (retry with backoff) → ack → after-commit effects. One batch at a time, so
 * storage, counters and detection see messages in arrival order. Bounded: when the unacknowledged messages
 * reach `maxBuffer` the consumer stops reading (back-pressure) until a batch commits.
 */
import type { Sql } from '../../db/client.ts';
import { logger } from '../../server/log.ts';
import type { AckToken } from './consumer.ts';
import type { DetectStage } from './detect-stage.ts';
import { dayOf, type Partitions } from './partitions.ts';
import { prepareBatch, type PreparedItem, type RawMessage } from './prepare.ts';
import type { QuarantineLimiter } from './quarantine.ts';
import type { ValidateOpts } from './validate.ts';
import { writeBatch, type WriteResult, type WriterCtx } from './writer.ts';

const log = logger('ingest.pipeline');

export interface PipelineDeps {
  sql: Sql;
  ctx: WriterCtx;
  detect: DetectStage;
  limiter: QuarantineLimiter;
  partitions: Partitions;
  validateOpts: Omit<ValidateOpts, 'now'>;
  batchMax: number;
  batchWaitMs: number;
  maxBuffer: number;
  /** called before a batch is prepared when it names devices the registry does not know (throttled reload) */
  refreshRegistry(unknownDevices: string[]): Promise<void>;
  ack(tokens: AckToken[]): void;
  pause(): void;
  resume(): void;
  committed(items: PreparedItem[], res: WriteResult): void;
}

interface Buffered extends RawMessage {
  token: AckToken;
}

export class Pipeline {
  private buf: Buffered[] = [];
  private tasks: (() => Promise<void>)[] = [];
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = true;
  private finished = false;
  private loopDone: Promise<void>;
  stats = { received: 0, batches: 0, stored: 0, duplicates: 0, rejected: 0, retries: 0, lastCommitMs: 0 };

  constructor(private readonly d: PipelineDeps) {
    this.loopDone = this.loop().finally(() => (this.finished = true));
  }

  push(topic: string, payload: Buffer, token: AckToken) {
    this.buf.push({ topic, payload, receivedAt: Date.now(), token });
    this.stats.received++;
    if (this.buf.length + this.inFlight >= this.d.maxBuffer) this.d.pause();
    if (this.buf.length >= this.d.batchMax) this.kick();
    else if (!this.timer) this.timer = setTimeout(() => this.kick(), this.d.batchWaitMs);
  }

  get pending() {
    return this.buf.length + this.inFlight;
  }

  private kick() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /**
   * Run `fn` between batches (never concurrently with one): detection clock advances, registry reloads and
   * snapshots must see exactly the committed state and keep the alarm writes in order.
   */
  runExclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.finished) return fn();
    return new Promise<T>((resolve, reject) => {
      this.tasks.push(() => fn().then(resolve, reject));
      this.kick();
    });
  }

  /** Stop taking new batches after flushing what is buffered. */
  async drain(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loopDone;
  }

  private async loop() {
    for (;;) {
      const task = this.tasks.shift();
      if (task) {
        await task().catch((e) => log.error({ err: (e as Error).message }, 'task failed'));
        continue;
      }
      if (this.buf.length === 0) {
        if (!this.running) return;
        await new Promise<void>((r) => (this.wake = r));
        continue;
      }
      const oldest = this.buf[0].receivedAt;
      if (this.running && this.buf.length < this.d.batchMax && Date.now() - oldest < this.d.batchWaitMs) {
        await new Promise<void>((r) => {
          this.wake = r;
          if (!this.timer) this.timer = setTimeout(() => this.kick(), this.d.batchWaitMs - (Date.now() - oldest));
        });
        continue;
      }
      const batch = this.buf.splice(0, this.d.batchMax);
      this.inFlight = batch.length;
      try {
        await this.process(batch);
      } catch (e) {
        log.fatal({ err: (e as Error).message }, 'batch failed permanently');
        throw e;
      } finally {
        this.inFlight = 0;
      }
      if (this.buf.length < this.d.maxBuffer) this.d.resume();
    }
  }

  private async process(batch: Buffered[]) {
    const t0 = Date.now();
    const unknown = this.unknownDevices(batch);
    if (unknown.length) await this.d.refreshRegistry(unknown);
    const items = prepareBatch(batch, this.d.validateOpts, this.d.detect, this.d.limiter, t0);
    const prepMs = Date.now() - t0;
    const days = new Set<number>();
    for (const it of items) if (it.verdict.kind === 'telemetry') days.add(dayOf(it.verdict.msg.ts));
    const all = items.map((_, i) => i);
    let res: WriteResult | null = null;
    for (let attempt = 0; !res; attempt++) {
      try {
        if (days.size) await this.d.partitions.ensureFor(days);
        res = await writeBatch(this.d.sql, this.d.ctx, items, all);
      } catch (e) {
        this.stats.retries++;
        if (attempt >= 2 && isDataError(e)) {
          res = await this.oneByOne(items);
          break;
        }
        const wait = Math.min(5000, 100 * 2 ** Math.min(attempt, 6));
        log.warn({ err: (e as Error).message, code: (e as { code?: string }).code, attempt, wait }, 'batch write failed; retrying');
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    this.d.ack(batch.map((b) => b.token));
    this.stats.batches++;
    this.stats.stored += res.stored.size;
    this.stats.duplicates += res.duplicates;
    this.stats.rejected += res.rejected;
    this.stats.lastCommitMs = Date.now() - t0;
    log.debug({ n: batch.length, ms: this.stats.lastCommitMs, prepMs, alarms: res.changes.length, waited: t0 - batch[0].receivedAt, stored: res.stored.size }, 'batch committed');
    this.d.committed(items, res);
  }

  /**
   * A batch the database refuses for its content (not for being unavailable): write message by message and
   * quarantine the ones it refuses, so one poison message cannot stall the stream.
   */
  private async oneByOne(items: PreparedItem[]): Promise<WriteResult> {
    const total: WriteResult = { stored: new Set(), seq: new Map(), changes: [], duplicates: 0, rejected: 0 };
    for (let i = 0; i < items.length; i++) {
      let r: WriteResult;
      try {
        r = await writeBatch(this.d.sql, this.d.ctx, items, [i]);
      } catch (e) {
        if (!isDataError(e)) throw e;
        const v = items[i].verdict;
        const deviceId = v.kind === 'reject' ? v.deviceId : v.device.id;
        items[i] = { ...items[i], verdict: { kind: 'reject', reason: 'db_rejected', detail: String((e as Error).message).slice(0, 200), deviceId }, keepRaw: true, records: [] };
        r = await writeBatch(this.d.sql, this.d.ctx, items, [i]);
      }
      for (const mi of r.stored) total.stored.add(mi);
      for (const [k, v] of r.seq) {
        this.d.ctx.lastSeq.set(k, v.lastSeq); // the next message's accounting builds on this one's
        total.seq.set(k, v);
      }
      total.changes.push(...r.changes);
      total.duplicates += r.duplicates;
      total.rejected += r.rejected;
    }
    return total;
  }

  private unknownDevices(batch: Buffered[]): string[] {
    const out = new Set<string>();
    for (const b of batch) {
      const p = b.topic.split('/');
      if (p.length >= 5 && !this.d.ctx.registry.device(p[3])) out.add(p[3]);
    }
    return [...out];
  }
}

/** SQLSTATE class 22 (data exception) or 23 (integrity constraint): retrying the same rows will not help. */
function isDataError(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
