/**
 * Rejected messages: every one is counted per (reason, device); the raw bytes (first 64 KiB) are kept for at
 * most `perMinute` messages per (reason, device) per minute so a misbehaving device cannot fill the disk.
 * Unknown devices count under device '' (a random-id flood must not grow the counter table either).
 */
import type { RejectReason } from '../../lib/protocol/reject-reasons.ts';

export const RAW_KEEP_BYTES = 64 * 1024;

export interface QuarantineRow {
  topic: string;
  deviceId: string | null;
  reason: RejectReason;
  detail: string;
  size: number;
  raw: Buffer;
}
export interface CounterInc {
  reason: RejectReason;
  deviceId: string;
  count: number;
}

export class QuarantineLimiter {
  private minute = 0;
  private used = new Map<string, number>();
  constructor(private readonly perMinute: number) {}

  /** true when this message's raw bytes should be stored */
  admit(reason: string, deviceId: string | null, now: number): boolean {
    const m = Math.floor(now / 60_000);
    if (m !== this.minute) {
      this.minute = m;
      this.used.clear();
    }
    const k = `${reason}\u0000${deviceId ?? ''}`;
    const n = this.used.get(k) ?? 0;
    if (n >= this.perMinute) return false;
    this.used.set(k, n + 1);
    return true;
  }
}

/** Sum rejections per (reason, device) for one upsert per key. */
export function countRejects(items: { reason: RejectReason; deviceId: string | null }[]): CounterInc[] {
  const m = new Map<string, CounterInc>();
  for (const it of items) {
    const dev = it.deviceId ?? '';
    const k = `${it.reason}\u0000${dev}`;
    const c = m.get(k);
    if (c) c.count += 1;
    else m.set(k, { reason: it.reason, deviceId: dev, count: 1 });
  }
  return [...m.values()];
}

/** Make a text-safe copy of a topic (it may come from anyone): no NULs, bounded length. */
export function safeTopic(topic: string): string {
  return topic.replace(/\u0000/g, '\\0').slice(0, 512);
}
