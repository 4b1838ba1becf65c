/**
 * Turns a batch of raw MQTT messages into what the writer stores: verdicts (validate.ts), duplicates marked,
 * detection run once in arrival order, quarantine raw-byte admission decided. Done once
 * per batch, before the first write attempt, so a retried transaction writes exactly the same thing.
 */
import { logger } from '../../platform/log.ts';
import type { DetectStage, DetectionRecord } from './detect-stage.ts';
import { QuarantineLimiter, RAW_KEEP_BYTES } from './quarantine.ts';
import { SeqBook } from './seq.ts';
import { validate, type Accepted, type Rejected, type ValidateOpts } from './validate.ts';

export interface RawMessage {
  topic: string;
  payload: Buffer;
  receivedAt: number;
}
export interface PreparedItem {
  raw: RawMessage;
  verdict: Accepted | Rejected;
  /**
   * a duplicate: telemetry whose (device, seq) was already taken (SeqBook: a redelivery, even one a gateway
   * re-stamped), or an event whose (device, seq, ts) is earlier in this batch; stored and detected once
   */
  duplicate: boolean;
  /** for rejects: keep the raw bytes (rate-limited) */
  keepRaw: boolean;
  /** alarm records this message caused */
  records: readonly DetectionRecord[];
}

const log = logger('ingest.prepare');
/** detection calls that threw (the message is stored all the same; see below) */
export const detectFailures = { count: 0 };

/**
 * Detection must never keep a reading from being stored: a throw in the core (a bug, or a sample it did not
 * expect) is counted and logged, and that message simply raises no alarm. Left uncaught it stopped the whole
 * pipeline (nothing stored, nothing acknowledged, the broker backed up).
 */
function detectSafely(detect: DetectStage, topic: string, msg: unknown): readonly DetectionRecord[] {
  try {
    return detect.ingest(topic, msg);
  } catch (e) {
    const n = ++detectFailures.count;
    if (n <= 10 || n % 1000 === 0) log.error({ err: (e as Error).message, stack: (e as Error).stack, topic, failures: n }, 'detection threw; message stored without it');
    return [];
  }
}

/**
 * The per-message step. Telemetry duplicates by (device, seq) through `seqs` (kept by the pipeline across
 * batches, so a redelivery after the original was written is caught too; the readings key (circuit_id, ts, seq)
 * catches it after a restart); events by (device, seq, ts) in the batch (device_events is unique on them).
 */
function preparer(o: Omit<ValidateOpts, 'now'>, detect: DetectStage, limiter: QuarantineLimiter, now: number, seqs: SeqBook) {
  const seen = new Set<string>();
  const vo: ValidateOpts = { ...o, now };
  return (raw: RawMessage): PreparedItem => {
    const verdict = validate(raw.topic, raw.payload, vo);
    let duplicate = false;
    let keepRaw = false;
    let records: readonly DetectionRecord[] = [];
    if (verdict.kind === 'reject') keepRaw = limiter.admit(verdict.reason, verdict.deviceId, now);
    else {
      if (verdict.kind === 'telemetry') duplicate = seqs.take(verdict.device.id, verdict.msg.seq, verdict.msg.ts);
      else if (verdict.kind === 'event') {
        const k = `${verdict.device.id}\u0000${verdict.msg.seq}\u0000${verdict.msg.ts}`;
        duplicate = seen.has(k);
        seen.add(k);
      }
      if (!duplicate) records = detectSafely(detect, raw.topic, verdict.msg);
    }
    return { raw, verdict, duplicate, keepRaw, records };
  };
}

export function prepareBatch(
  msgs: RawMessage[], o: Omit<ValidateOpts, 'now'>, detect: DetectStage, limiter: QuarantineLimiter, now = Date.now(), seqs = new SeqBook(),
): PreparedItem[] {
  return msgs.map(preparer(o, detect, limiter, now, seqs));
}

/**
 * The same, handing the event loop back every `every` messages: a whole batch takes tens of milliseconds, and
 * meanwhile the batch being written could not send its next statement (every round trip of a write waited for
 * the rest of the preparation, so the two stages hardly overlapped).
 */
export async function prepareBatchYielding(
  msgs: RawMessage[], o: Omit<ValidateOpts, 'now'>, detect: DetectStage, limiter: QuarantineLimiter, now = Date.now(), every = 200, seqs = new SeqBook(),
): Promise<PreparedItem[]> {
  const step = preparer(o, detect, limiter, now, seqs);
  const out: PreparedItem[] = [];
  for (let i = 0; i < msgs.length; i++) {
    out.push(step(msgs[i]));
    if (i % every === every - 1 && i + 1 < msgs.length) await new Promise<void>((r) => setImmediate(r));
  }
  return out;
}

export const rawForQuarantine = (b: Buffer) => (b.length > RAW_KEEP_BYTES ? b.subarray(0, RAW_KEEP_BYTES) : b);
