/**
 * Per-device sequence accounting (spec: seq +1 per message, wraps at 2^32; gaps are lost messages).
 * Applied only to messages that were newly stored, in arrival order, so a redelivered message never counts
 * twice. A late message (a little behind) fills a gap it had opened; a big jump backwards is a device reboot.
 */
const WRAP = 2 ** 32;
const HALF = 2 ** 31;
/** how far behind last_seq a message may arrive and still be taken as late rather than a counter reset */
export const LATE_WINDOW = 1024;

export interface SeqState {
  lastSeq: number | null;
}
export interface SeqDelta {
  received: number;
  lost: number;
  lastSeq: number | null;
}

/** Pure: the counter changes for `seqs` (in arrival order) given the device's last stored seq. */
export function accountSeqs(lastSeq: number | null, seqs: number[]): SeqDelta {
  let prev = lastSeq;
  let lost = 0;
  for (const s of seqs) {
    if (prev === null) {
      prev = s;
      continue;
    }
    const d = (s - prev + WRAP) % WRAP;
    if (d === 0) continue; // same seq, different sample: nothing to account
    if (d < HALF) {
      lost += d - 1;
      prev = s;
    } else if (WRAP - d <= LATE_WINDOW) {
      lost -= 1; // a late arrival fills one missing slot
    } else {
      prev = s; // device restarted its counter
    }
  }
  return { received: seqs.length, lost, lastSeq: prev };
}
