/**
 * Turns a batch of raw MQTT messages into what the writer stores: verdicts (validate.ts), in-batch
 * duplicates marked, detection run once in arrival order, quarantine raw-byte admission decided. Done once
 * per batch, before the first write attempt, so a retried transaction writes exactly the same thing.
 */
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

export function prepareBatch(
  msgs: RawMessage[], o: Omit<ValidateOpts, 'now'>, detect: DetectStage, limiter: QuarantineLimiter, now = Date.now(),
): PreparedItem[] {
  const seen = new Set<string>();
  const vo: ValidateOpts = { ...o, now };
  const out: PreparedItem[] = [];
  for (const raw of msgs) {
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
      if (!dupInBatch) records = detect.ingest(raw.topic, verdict.msg);
    }
    out.push({ raw, verdict, dupInBatch, keepRaw, records });
  }
  return out;
}

export const rawForQuarantine = (b: Buffer) => (b.length > RAW_KEEP_BYTES ? b.subarray(0, RAW_KEEP_BYTES) : b);
