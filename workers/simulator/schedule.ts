/**
 * Timer wheel of the fleet: every device reports on its own grid ts = phase + k·interval (DeviceModel), all
 * devices share one interval, so one pass over the devices sorted by phase is one "round" k. A cursor
 * (round, position) walks the sorted order; draining up to time t visits every (device, k) with
 * phase + k·interval ≤ t exactly once, in time order. No per-device timers, O(1) per message.
 */
export class Wheel {
  /** device indices sorted by phase (ties by index) */
  readonly order: Int32Array;
  private readonly phase: Float64Array;
  private pos = 0;
  private round = 0;

  constructor(
    phases: ArrayLike<number>,
    readonly intervalMs: number,
    startMs: number,
  ) {
    const n = phases.length;
    this.phase = Float64Array.from(phases);
    for (const p of this.phase) if (!(p >= 0 && p < intervalMs)) throw new Error(`phase ${p} outside [0, ${intervalMs})`);
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => this.phase[a] - this.phase[b] || a - b);
    this.order = Int32Array.from(idx);
    // first slot with time ≥ startMs: round r = floor(start/interval), then the first phase ≥ start − r·interval
    this.round = Math.floor(startMs / intervalMs);
    const off = startMs - this.round * intervalMs;
    let i = 0;
    while (i < n && this.phase[this.order[i]] < off) i++;
    this.pos = i;
    if (this.pos === n) this.advanceRound();
  }

  get size(): number {
    return this.order.length;
  }

  /** the message index (round) the next slot belongs to */
  get currentRound(): number {
    return this.round;
  }

  /** simulated time of the next slot (Infinity for an empty fleet) */
  nextDueMs(): number {
    if (this.order.length === 0) return Infinity;
    return this.round * this.intervalMs + this.phase[this.order[this.pos]];
  }

  /**
   * Visit every slot due at or before tMs, at most `max` of them: visit(device, k, ts). Returns the number
   * visited (stop early when the budget is spent; the next call resumes exactly where this one stopped).
   */
  drain(tMs: number, visit: (device: number, k: number, ts: number) => void, max = Infinity): number {
    const n = this.order.length;
    if (n === 0) return 0;
    let count = 0;
    while (count < max) {
      const d = this.order[this.pos];
      const ts = this.round * this.intervalMs + this.phase[d];
      if (ts > tMs) break;
      visit(d, this.round, ts);
      count++;
      if (++this.pos === n) this.advanceRound();
    }
    return count;
  }

  private advanceRound(): void {
    this.pos = 0;
    this.round++;
  }
}
