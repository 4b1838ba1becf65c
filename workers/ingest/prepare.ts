/**
 * Turns a batch of raw MQTT messages into what the writer stores: verdicts (validate.ts), in-batch
 * duplicates marked, detection run once in arrival order, quarantine raw-byte admission decided. Done once
 * per batch, before the first write attempt, so a retried transaction writes exactly the same thing.
 */
import { logger } from '../../platform/log.ts';
import type { DetectStage, DetectionRecord } from './detect-stage.ts';
import { QuarantineLimiter, RAW_KEEP_BYTES } from './quarantine.ts';
import { validate, type Accepted, type Rejected, type ValidateOpts } from './validate.ts';

export interface RawMessage {
  topic: string;
  payload: Buffer;
  receivedAt: number;
}
export interface PreparedItem {
  raw: RawMessage;
  verdict: Accepted | Rejected;
  /** same (device, seq, ts) already earlier in this batch (broker redelivery while still buffered) */
  dupInBatch: boolean;
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

/** The per-message step; in-batch duplicates are found through the shared `seen`. */
function preparer(o: Omit<ValidateOpts, 'now'>, detect: DetectStage, limiter: QuarantineLimiter, now: number) {
  const seen = new Set<string>();
  const vo: ValidateOpts = { ...o, now };
  return (raw: RawMessage): PreparedItem => {
    const verdict = validate(raw.topic, raw.payload, vo);
    let dupInBatch = false;
    let keepRaw = false;
    let records: readonly DetectionRecord[] = [];
    if (verdict.kind === 'reject') keepRaw = limiter.admit(verdict.reason, verdict.deviceId, now);
    else {
      if (verdict.kind !== 'status') {
        const k = `${verdict.kind}\u0000${verdict.device.id}\u0000${verdict.msg.seq}\u0000${verdict.msg.ts}`;
        dupInBatch = seen.has(k);
        seen.add(k);
      }
      // the engine skips samples it has already seen (per-circuit ts), so redeliveries do not double-count
      if (!dupInBatch) records = detectSafely(detect, raw.topic, verdict.msg);
    }
    return { raw, verdict, dupInBatch, keepRaw, records };
  };
}

export function prepareBatch(
  msgs: RawMessage[], o: Omit<ValidateOpts, 'now'>, detect: DetectStage, limiter: QuarantineLimiter, now = Date.now(),
): PreparedItem[] {
  return msgs.map(preparer(o, detect, limiter, now));
}

/**
 * The same, handing the event loop back every `every` messages: a whole batch takes tens of milliseconds, and
 * meanwhile the batch being written could not send its next statement (every round trip of a write waited for
 * the rest of the preparation, so the two stages hardly overlapped).
 */
export async function prepareBatchYielding(
  msgs: RawMessage[], o: Omit<ValidateOpts, 'now'>, detect: DetectStage, limiter: QuarantineLimiter, now = Date.now(), every = 200,
): Promise<PreparedItem[]> {
  const step = preparer(o, detect, limiter, now);
  const out: PreparedItem[] = [];
  for (let i = 0; i < msgs.length; i++) {
    out.push(step(msgs[i]));
    if (i % every === every - 1 && i + 1 < msgs.length) await new Promise<void>((r) => setImmediate(r));
  }
  return out;
}

export const rawForQuarantine = (b: Buffer) => (b.length > RAW_KEEP_BYTES ? b.subarray(0, RAW_KEEP_BYTES) : b);
