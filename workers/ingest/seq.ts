/**
 * Per-device sequence accounting (spec: seq +1 per message, wraps at 2^32; gaps are lost messages). Applied only
 * to messages that were newly stored, in arrival order, so a redelivered message never counts twice (duplicates
 * by (device, seq) are found before: SeqBook, lib/detection/seqs.ts). The sample times tell the rest apart:
 *  - a message a little behind the last one and sampled before it is late: it fills a gap it had opened;
 *  - a message behind the last one but sampled after it is a restarted counter (a reboot): nothing was lost;
 *  - a jump forward larger than the time since the last message allows (2 per report interval, plus slack) is a
 *    counter that jumped (a corrupt or spoofed seq), not a billion lost messages: nothing is counted, and the
 *    next genuine message, far behind it, reads as a restart.
 */
export { SeqBook } from '../../lib/detection/seqs.ts';

const WRAP = 2 ** 32;
const HALF = 2 ** 31;
/** how far behind last_seq a message may arrive and still be taken as late rather than a counter reset */
export const LATE_WINDOW = 1024;
/** slack (messages) on top of what the elapsed time allows, and the cap when the last sample time is unknown */
const GAP_SLACK = 16;
const GAP_UNKNOWN_TS = 2 ** 20;

export interface SeqMsg { seq: number; ts: number }
export interface SeqDelta {
  received: number;
  lost: number;
  lastSeq: number | null;
  /** sample time of the message that set lastSeq (null when unknown) */
  lastTs: number | null;
}

/**
 * Pure: the counter changes for `msgs` (in arrival order) given the device's last stored seq and its sample time
 * (null when unknown, e.g. after a worker restart), for a device reporting every `intervalMs`.
 */
export function accountSeqs(lastSeq: number | null, msgs: SeqMsg[], lastTs: number | null = null, intervalMs = 60_000): SeqDelta {
  let prev = lastSeq, prevTs = lastTs;
  let lost = 0;
  for (const { seq: s, ts } of msgs) {
    if (prev === null) {
      prev = s;
      prevTs = ts;
      continue;
    }
    const d = (s - prev + WRAP) % WRAP;
    if (d === 0) continue; // same seq, different sample (an event carries the last telemetry's seq)
    if (d < HALF) {
      const allowed = prevTs === null ? GAP_UNKNOWN_TS : Math.max(0, (2 * (ts - prevTs)) / intervalMs) + GAP_SLACK;
      if (d - 1 <= allowed) lost += d - 1;
      prev = s;
      prevTs = ts;
    } else if (WRAP - d <= LATE_WINDOW && (prevTs === null || ts < prevTs)) {
      lost -= 1; // a late arrival fills one missing slot
    } else {
      prev = s; // the device restarted its counter
      prevTs = ts;
    }
  }
  return { received: msgs.length, lost, lastSeq: prev, lastTs: prevTs };
}
