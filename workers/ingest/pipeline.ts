/**
 * Buffer → batch → prepare → write (retry with backoff) → ack → after-commit effects, as a pipeline: while batch n
 * is being written (database time: COPY, the commit's fsync), batch n+1 is taken and prepared (worker time:
 * validation, detection in arrival order). A batch is written by `lanes` transactions at once, one per lane of
 * devices (a device's lane is fixed: a hash of its id), so a device's messages are stored, counted and alarmed in
 * arrival order exactly as a serial loop would, while one lane's commit waits on the disk the other works. Lanes
 * touch disjoint rows (devices, their readings, events, alarms and quarantine counters; rejects of unknown
 * devices all go to lane 0) except the rollup marks, which every transaction takes last and in ascending order.
 * Detection runs at most one batch ahead of the database. Tasks (`runExclusive`) run only when nothing is
 * prepared or being written. Bounded: when the unacknowledged messages reach four batches (or `maxBuffer`, if
 * smaller) the consumer stops reading (back-pressure) until a batch commits; the rest waits in the broker. A
 * deeper read-ahead only keeps more messages alive across garbage collections (at 20000 they cost more CPU in
 * scavenges than they saved in waiting).
 */
import type { Sql } from '../../platform/db.ts';
import { logger } from '../../platform/log.ts';
import type { AckToken } from './consumer.ts';
import type { DetectStage } from './detect-stage.ts';
import { dayOf, type Partitions } from './partitions.ts';
import { prepareBatchYielding, type PreparedItem, type RawMessage } from './prepare.ts';
import type { QuarantineLimiter } from './quarantine.ts';
import { SeqBook } from './seq.ts';
import { isConnectionError } from './tx.ts';
import { topicOf, type ValidateOpts } from './validate.ts';
import { writeBatch, type WriteResult, type WriterCtx } from './writer.ts';

const log = logger('ingest.pipeline');

/** A device's lane of `lanes`: a small string hash, the same in every batch. */
export function laneOf(deviceId: string | null, lanes: number): number {
  if (deviceId === null || lanes === 1) return 0;
  let h = 0;
  for (let i = 0; i < deviceId.length; i++) h = (h * 31 + deviceId.charCodeAt(i)) | 0;
  return (h >>> 0) % lanes;
}

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
  /** concurrent write transactions per batch (config.ts) */
  lanes: number;
  /** the pipeline cannot go on (a batch the database refuses for good, a bug): stop the process, loudly */
  fatal(err: Error): void;
  /** called before a batch is prepared when it names devices the registry does not know (throttled reload) */
  refreshRegistry(unknownDevices: string[]): Promise<void>;
  ack(tokens: AckToken[]): void;
  pause(): void;
  resume(): void;
  /** after a lane's commit: `idx` are the batch items it wrote */
  committed(items: PreparedItem[], idx: number[], res: WriteResult): void;
}

interface Buffered extends RawMessage {
  token: AckToken;
}

export class Pipeline {
  private buf: Buffered[] = [];
  private tasks: (() => Promise<void>)[] = [];
  /** messages taken from the buffer and not yet acknowledged (prepared, or being written) */
  private inFlight = 0;
  /** per lane, its part of the batch being written */
  private writing: (Promise<void> | null)[];
  /** why the last write failed for good; settle() rethrows it */
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = true;
  private finished = false;
  private loopDone: Promise<void>;
  private readonly readAhead: number;
  stats = { received: 0, batches: 0, stored: 0, duplicates: 0, rejected: 0, retries: 0, copyRefused: 0, lastCommitMs: 0, lastBatch: 0 };
  /** telemetry (device, seq) taken, across batches: duplicates are found before detection (seq.ts) */
  private readonly seqs = new SeqBook();

  constructor(private readonly d: PipelineDeps) {
    this.readAhead = Math.min(d.maxBuffer, 4 * d.batchMax);
    this.writing = Array.from({ length: d.lanes }, () => null);
    // a pipeline that stopped must not look alive: it would hold its unacknowledged messages and read no more
    this.loopDone = this.loop()
      .catch((e: Error) => {
        log.fatal({ err: e.message, stack: e.stack }, 'ingest pipeline stopped');
        this.d.fatal(e);
        throw e;
      })
      .finally(() => (this.finished = true));
    this.loopDone.catch(() => {});
  }

  push(topic: string, payload: Buffer, token: AckToken) {
    this.buf.push({ topic, payload, receivedAt: Date.now(), token });
    this.stats.received++;
    if (this.buf.length + this.inFlight >= this.readAhead) this.d.pause();
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

  private get busy() {
    return this.writing.some((w) => w !== null);
  }

  /** Wait for the batch being written (one lane, or all); rethrows a permanent failure. */
  private async settle(lane?: number) {
    for (let l = 0; l < this.writing.length; l++) if (lane === undefined || lane === l) while (this.writing[l]) await this.writing[l];
    if (this.failure) throw this.failure;
  }

  private async loop() {
    for (;;) {
      if (this.failure) throw this.failure;
      const task = this.tasks.shift();
      if (task) {
        await this.settle();
        await task().catch((e) => log.error({ err: (e as Error).message }, 'task failed'));
        continue;
      }
      if (this.buf.length === 0) {
        if (!this.running) return this.settle();
        await new Promise<void>((r) => (this.wake = r));
        continue;
      }
      // A short batch waits for more while the writer is busy anyway (it could not be written sooner): under
      // load batches fill up to batchMax; when idle a message waits at most batchWaitMs.
      const oldest = this.buf[0].receivedAt;
      const due = !this.running || (!this.busy && Date.now() - oldest >= this.d.batchWaitMs);
      if (this.buf.length < this.d.batchMax && !due) {
        await new Promise<void>((r) => {
          this.wake = r;
          if (!this.timer && !this.busy) this.timer = setTimeout(() => this.kick(), Math.max(0, this.d.batchWaitMs - (Date.now() - oldest)));
        });
        continue;
      }
      const batch = this.buf.splice(0, this.d.batchMax);
      this.inFlight += batch.length;
      const unknown = this.unknownDevices(batch);
      if (unknown.length) {
        // rare: reload with nothing in flight, as before pipelining; a queued task (maybe that very reload) first
        await this.settle();
        if (this.tasks.length) {
          this.buf.unshift(...batch);
          this.inFlight -= batch.length;
          continue;
        }
        await this.refreshRegistry(unknown);
      }
      const t0 = Date.now();
      const items = await prepareBatchYielding(batch, this.d.validateOpts, this.d.detect, this.d.limiter, t0, 200, this.seqs);
      const prepMs = Date.now() - t0;
      const parts = split(items, this.d.lanes);
      for (let l = 0; l < parts.length; l++) {
        if (!parts[l].length) continue;
        await this.settle(l); // the lane's previous part commits (and is acknowledged) first
        this.writing[l] = this.write(batch, items, parts[l], t0, prepMs)
          .catch((e: Error) => void (this.failure = e))
          .finally(() => {
            this.writing[l] = null;
            this.kick();
          });
      }
    }
  }

  /** Write the items `idx` of a batch (one lane's part) in one transaction, then acknowledge them. */
  private async write(batch: Buffered[], items: PreparedItem[], idx: number[], t0: number, prepMs: number) {
    const tw = Date.now();
    const days = new Set<number>();
    let copy = true; // COPY unless the broker says it is redelivering (DUP): then rows may be stored already
    for (const i of idx) {
      const v = items[i].verdict;
      if (v.kind === 'telemetry') days.add(dayOf(v.msg.ts));
      if (batch[i].token.dup) copy = false;
    }
    let res: WriteResult | null = null;
    try {
      for (let attempt = 0; !res; ) {
        try {
          if (days.size) await this.d.partitions.ensureFor(days);
          res = await writeBatch(this.d.sql, this.d.ctx, items, idx, copy);
        } catch (e) {
          if (copy && !isConnectionError(e)) {
            // most likely rows stored before a crash or a lost COMMIT reply: the same batch with ON CONFLICT
            copy = false;
            this.stats.copyRefused++;
            log.debug({ err: (e as Error).message }, 'COPY refused; writing the batch with ON CONFLICT');
            continue;
          }
          this.stats.retries++;
          if (attempt >= 2 && isDataError(e)) {
            res = await this.oneByOne(items, idx);
            break;
          }
          await backoff(e, attempt++);
        }
      }
    } catch (e) {
      log.error({ err: (e as Error).message }, 'batch failed permanently');
      throw e;
    }
    this.d.ack(idx.map((i) => batch[i].token));
    this.inFlight -= idx.length;
    this.stats.batches++;
    this.stats.lastBatch = idx.length;
    this.stats.stored += res.stored.size;
    this.stats.duplicates += res.duplicates;
    this.stats.rejected += res.rejected;
    this.stats.lastCommitMs = Date.now() - tw;
    log.debug({ n: idx.length, ms: this.stats.lastCommitMs, prepMs, buffered: this.buf.length, copy, alarms: res.changes.length, waited: t0 - batch[0].receivedAt, stored: res.stored.size }, 'batch committed');
    this.d.committed(items, idx, res);
    if (this.buf.length + this.inFlight < this.readAhead) this.d.resume();
  }

  /**
   * A batch the database refuses for its content (not for being unavailable): write message by message and
   * quarantine the ones it refuses, so one poison message cannot stall the stream.
   */
  private async oneByOne(items: PreparedItem[], idx: number[]): Promise<WriteResult> {
    const total: WriteResult = { stored: new Set(), seq: new Map(), changes: [], duplicates: 0, rejected: 0 };
    for (const i of idx) {
      let r: WriteResult | null = null;
      for (let attempt = 0; !r; ) {
        try {
          r = await writeBatch(this.d.sql, this.d.ctx, items, [i]);
        } catch (e) {
          const v = items[i].verdict;
          if (isDataError(e) && v.kind !== 'reject') {
            items[i] = { ...items[i], verdict: { kind: 'reject', reason: 'db_rejected', detail: String((e as Error).message).slice(0, 200), deviceId: v.device.id }, keepRaw: true, records: [] };
            continue;
          }
          if (isDataError(e)) throw e; // even its quarantine record is refused
          // unavailable database: the same message again, later
          await backoff(e, attempt++);
        }
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

  /** The verdicts are final once prepared, so a device commissioned meanwhile must be known first: retry while
   * the database is away (like a write); any other failure leaves them unknown (quarantined), logged. */
  private async refreshRegistry(unknown: string[]) {
    for (let attempt = 0; ; ) {
      try {
        return await this.d.refreshRegistry(unknown);
      } catch (e) {
        if (!isConnectionError(e)) return log.warn({ err: (e as Error).message }, 'registry reload failed');
        await backoff(e, attempt++, 'registry reload failed; retrying');
      }
    }
  }

  private unknownDevices(batch: Buffered[]): string[] {
    let out: Set<string> | null = null;
    for (const b of batch) {
      const t = topicOf(b.topic); // not a device topic: rejected as bad_topic, nothing to look up
      if (t && !this.d.ctx.registry.device(t.device)) (out ??= new Set()).add(t.device);
    }
    return out ? [...out] : [];
  }
}

/** The batch's item indices per lane (arrival order kept within each). */
function split(items: PreparedItem[], lanes: number): number[][] {
  const parts: number[][] = Array.from({ length: lanes }, () => []);
  for (let i = 0; i < items.length; i++) {
    const v = items[i].verdict;
    parts[laneOf(v.kind === 'reject' ? v.deviceId : v.device.id, lanes)].push(i);
  }
  return parts;
}

async function backoff(e: unknown, attempt: number, msg = 'batch write failed; retrying') {
  const wait = Math.min(5000, 100 * 2 ** Math.min(attempt, 6));
  log.warn({ err: (e as Error).message, code: (e as { code?: string }).code, attempt, wait }, msg);
  await new Promise((r) => setTimeout(r, wait));
}

/** SQLSTATE class 22 (data exception) or 23 (integrity constraint): retrying the same rows will not help. */
function isDataError(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
