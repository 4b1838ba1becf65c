/**
 * The live loop of the fleet: one timer wheel (schedule.ts) over all devices, drained on a single timeout
 * chain paced by the simulated clock; every due (device, k) becomes its MQTT messages (live.ts) handed to the
 * sink. When the broker falls behind (too many unacknowledged publishes) the loop waits for it — simulated
 * time keeps running, the messages keep their sample times, and the loop catches up afterwards.
 * Control messages (lib/events/sim-control.ts) are applied between ticks.
 */
import type { SimControl } from '../../lib/events/sim-control.ts';
import { logger } from '../../platform/log.ts';
import type { SimClock } from './clock.ts';
import type { FleetDevice } from './fleet.ts';
import { applyClear, applyInject, type InjectionIds, type TruthRecord } from './injector.ts';
import { LiveDevice, type OutMsg } from './live.ts';
import type { Sink } from './publisher.ts';
import { Wheel } from './schedule.ts';
import type { InjectRequest } from './sizing.ts';

const log = logger('simulator');

export interface EngineHooks {
  onTruth?: (t: TruthRecord) => void;
  onCleared?: (ids: string[], atMs: number) => void;
}

const BUDGET = 2000; // messages per tick before yielding to the event loop

export class Engine {
  readonly devices: LiveDevice[];
  readonly wheel: Wheel;
  private readonly byId = new Map<string, number>();
  private readonly ids: InjectionIds = new WeakMap();
  private readonly out: OutMsg[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private waiting = false;
  /** messages handed to the sink (telemetry incl. duplicates, events, statuses) */
  sent = 0;
  telemetry = 0;

  constructor(
    fleet: FleetDevice[],
    readonly clock: SimClock,
    private readonly sink: Sink,
    readonly startMs: number,
    private readonly hooks: EngineHooks = {},
  ) {
    this.devices = fleet.map((f, i) => {
      this.byId.set(f.spec.device, i);
      return new LiveDevice(f.spec, f.fw, f.rssi, startMs);
    });
    const interval = this.devices[0]?.model.intervalMs ?? 60_000;
    if (this.devices.some((d) => d.model.intervalMs !== interval)) throw new Error('all devices must share one report interval');
    this.wheel = new Wheel(
      this.devices.map((d) => d.model.phaseMs),
      interval,
      startMs,
    );
  }

  device(id: string): LiveDevice | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.devices[i];
  }

  private send(): void {
    for (const m of this.out) this.sink.publish(m);
    this.sent += this.out.length;
    this.out.length = 0;
  }

  /** Retained online:true for every device (at start). */
  announce(): void {
    for (const d of this.devices) this.out.push(d.status(true, this.startMs));
    this.send();
  }

  /** Retained online:false for every device (ordered stop). */
  retire(): void {
    const ts = this.clock.now();
    for (const d of this.devices) this.out.push(d.status(false, ts));
    this.send();
  }

  /** Publish every slot due up to tMs (at most max). Returns the number of samples processed. */
  drainUntil(tMs: number, max = Infinity): number {
    return this.wheel.drain(
      tMs,
      (d) => {
        const dev = this.devices[d];
        const before = this.out.length;
        dev.emit(dev.next, this.out);
        for (let i = before; i < this.out.length; i++) if (this.out[i].topic.endsWith('/telemetry')) this.telemetry++;
        this.send();
      },
      max,
    );
  }

  /** One round: every device's first sample at or after startMs. */
  once(): number {
    return this.drainUntil(this.startMs + this.wheel.intervalMs - 1);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (!this.running || this.waiting) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(this.tick, delayMs);
  }

  private tick = (): void => {
    this.timer = null;
    if (!this.running) return;
    if (this.sink.backlogged) {
      this.waiting = true;
      void this.sink.ready().then(() => {
        this.waiting = false;
        this.schedule(0);
      });
      return;
    }
    const n = this.drainUntil(this.clock.now(), BUDGET);
    if (n >= BUDGET) return this.schedule(0);
    const wait = this.clock.wallDelayUntil(this.wheel.nextDueMs());
    this.schedule(Math.max(5, Math.min(250, wait)));
  };

  /** Apply a validated control message. */
  control(msg: SimControl): void {
    if (msg.op === 'speed') {
      this.clock.setSpeed(msg.speed);
      log.info({ speed: msg.speed }, 'speed changed');
      this.schedule(0);
      return;
    }
    const dev = this.device(msg.device);
    if (!dev) {
      log.warn({ device: msg.device, op: msg.op }, 'control for a device this simulator does not run');
      return;
    }
    const now = this.clock.now();
    if (msg.op === 'clear') {
      const ids = applyClear(dev, msg.ch, now, this.ids);
      log.info({ device: msg.device, ch: msg.ch ?? null, cleared: ids.length }, 'injections cleared');
      if (ids.length) this.hooks.onCleared?.(ids, Math.round(now));
      return;
    }
    this.inject(dev, msg, now, 'control');
  }

  inject(dev: LiveDevice, req: Omit<InjectRequest, 'ch'> & { ch?: number }, now: number, source: 'control' | 'cli'): TruthRecord | null {
    try {
      const t = applyInject(dev, { ...req, ch: req.ch ?? null }, now, this.ids, source);
      log.info(
        {
          id: t.id,
          device: t.device,
          ch: t.ch,
          kind: t.kind,
          onset: new Date(t.onsetMs).toISOString(),
          danger: t.dangerMs ? new Date(t.dangerMs).toISOString() : null,
        },
        'injected',
      );
      this.hooks.onTruth?.(t);
      return t;
    } catch (e) {
      log.warn({ device: dev.id, kind: req.kind, err: (e as Error).message }, 'injection rejected');
      return null;
    }
  }
}
