/**
 * Duplicate telemetry by (device, seq), as the protocol defines it (docs/telemetry-v1.md): a message whose seq
 * was already taken for that device is a duplicate — whatever its ts says, because a gateway may re-stamp a
 * redelivery. Two things keep a repeated seq from being a duplicate: the counter wraps at 2^32 and restarts
 * when a device reboots, so a seq is remembered only for the device's last RING messages and a repeat counts
 * only within DUP_WINDOW_MS of the first (a redelivery comes within minutes; a reboot's seq 0 comes after the
 * previous run's seq 0 by as many intervals as that run was long). A different message with the same ts but
 * another seq is a different message. Pure; used by the engine and by the ingest shell.
 */

export const RING = 64;
export const DUP_WINDOW_MS = 10 * 60_000;

/** One device's recently taken (seq, ts). */
export class SeqRing {
  private readonly seq = new Float64Array(RING).fill(-1);
  private readonly ts = new Float64Array(RING);
  private pos = 0;

  /** true when (seq, ts) repeats a message already taken (see the module comment); otherwise takes it */
  take(seq: number, ts: number): boolean {
    const q = this.seq, t = this.ts;
    for (let i = 0; i < RING; i++) {
      if (q[i] !== seq) continue;
      const d = ts - t[i];
      if (d <= DUP_WINDOW_MS && d >= -DUP_WINDOW_MS) return true;
    }
    q[this.pos] = seq;
    t[this.pos] = ts;
    this.pos = (this.pos + 1) % RING;
    return false;
  }
}

/** Rings per device id (the ingest shell's view, where devices are strings). */
export class SeqBook {
  private readonly rings = new Map<string, SeqRing>();
  take(device: string, seq: number, ts: number): boolean {
    let r = this.rings.get(device);
    if (!r) this.rings.set(device, (r = new SeqRing()));
    return r.take(seq, ts);
  }
}
