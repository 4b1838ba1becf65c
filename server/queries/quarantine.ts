/**
 * Read side of the quarantine for the admin API and page (server-only): counters per reason and device, and
 * the latest rejected messages with their raw bytes made safe to show — valid UTF-8 as text with control
 * characters escaped, anything else as a hex dump. React escapes the text again when rendering.
 */
import { isUtf8 } from 'node:buffer';
import type { Sql } from '../../platform/db.ts';
import { REASON_INFO, REJECT_REASONS, type RejectReason } from '../../lib/protocol/reject-reasons.ts';

export interface QuarantineQuery {
  reason?: RejectReason;
  device?: string;
  before?: number;
  limit: number;
}
export interface QuarantineItem {
  id: number;
  receivedAt: string;
  topic: string;
  deviceId: string | null;
  reason: string;
  reasonZh: string;
  detail: string;
  size: number;
  /** the raw payload as text (valid UTF-8 only), control characters escaped, at most PREVIEW bytes */
  text: string | null;
  /** hex dump when the payload is not valid UTF-8 */
  hex: string | null;
  truncated: boolean;
}

const PREVIEW = 2048;

export function showBytes(raw: Buffer): { text: string | null; hex: string | null; truncated: boolean } {
  const truncated = raw.length > PREVIEW;
  if (isUtf8(raw)) {
    // cut on a character boundary, then escape C0/C1 controls other than tab and newline
    const s = raw.toString('utf8');
    const cut = truncated ? s.slice(0, PREVIEW) : s;
    return { text: cut.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), hex: null, truncated };
  }
  const part = raw.subarray(0, PREVIEW);
  const hex = (part.toString('hex').match(/.{1,32}/g) ?? []).map((l) => l.replace(/(..)/g, '$1 ').trim()).join('\n');
  return { text: null, hex, truncated };
}

export async function readQuarantine(sql: Sql, q: QuarantineQuery) {
  const counters = await sql<{ reason: string; device_id: string; count: number; last_at: Date }[]>`
    SELECT reason, device_id, count, last_at FROM quarantine_counters
    WHERE (${q.reason ?? null}::text IS NULL OR reason = ${q.reason ?? null})
    ORDER BY count DESC LIMIT 200`;
  const rows = await sql<{ id: number; received_at: Date; topic: string; device_id: string | null; reason: string; detail: string; size: number; raw: Buffer }[]>`
    SELECT id, received_at, topic, device_id, reason, detail, size, substring(raw FROM 1 FOR ${PREVIEW + 1}) AS raw FROM quarantine
    WHERE (${q.reason ?? null}::text IS NULL OR reason = ${q.reason ?? null})
      AND (${q.device ?? null}::text IS NULL OR device_id = ${q.device ?? null})
      AND (${q.before ?? null}::bigint IS NULL OR id < ${q.before ?? null})
    ORDER BY id DESC LIMIT ${q.limit}`;
  const items: QuarantineItem[] = rows.map((r) => ({
    id: r.id,
    receivedAt: r.received_at.toISOString(),
    topic: r.topic,
    deviceId: r.device_id,
    reason: r.reason,
    reasonZh: REASON_INFO[r.reason as RejectReason]?.zh ?? r.reason,
    detail: r.detail,
    size: r.size,
    ...showBytes(r.raw),
  }));
  return {
    reasons: REJECT_REASONS.map((id) => ({ id, ...REASON_INFO[id] })),
    counters: counters.map((c) => ({ reason: c.reason, deviceId: c.device_id, count: c.count, lastAt: c.last_at.toISOString() })),
    items,
  };
}
