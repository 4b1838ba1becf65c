/**
 * Simulated clock: simulated time advances `speed`× wall time from (simStart, wallStart). A speed change
 * re-bases the clock at the current instant, so simulated time never jumps. Pure given a wall-clock source.
 */
export class SimClock {
  private simBase: number;
  private wallBase: number;
  private _speed: number;

  constructor(
    simStartMs: number,
    speed: number,
    private readonly wall: () => number = () => performance.timeOrigin + performance.now(),
  ) {
    this.simBase = simStartMs;
    this.wallBase = wall();
    this._speed = speed;
  }

  get speed(): number {
    return this._speed;
  }

  /** current simulated time, epoch ms (fractional) */
  now(): number {
    return this.simBase + (this.wall() - this.wallBase) * this._speed;
  }

  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new Error(`speed must be > 0, got ${speed}`);
    const w = this.wall();
    this.simBase = this.simBase + (w - this.wallBase) * this._speed;
    this.wallBase = w;
    this._speed = speed;
  }

  /** wall milliseconds until the simulated clock reaches simMs (≤ 0 if already past) */
  wallDelayUntil(simMs: number): number {
    return (simMs - this.now()) / this._speed;
  }
}
