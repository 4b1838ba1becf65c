/**
 * One simulated detector in the live loop: its DeviceModel, the next message index, its transport state and
 * local-alarm latch. emit(k) turns physics message k into the MQTT messages to publish (no I/O here):
 *   - m.lost → nothing (seq still advances: the platform sees a gap); m.duplicate → the telemetry twice;
 *   - entering a transport-offline window → the retained will payload {"v":1,"online":false} (the broker
 *     would publish the device's will after its keep-alive expires; one connection carries all simulated
 *     devices, so the simulator publishes it on the device's behalf); leaving it → retained online:true.
 * Injections are changed by rebuilding the model and replaying the physics from a warm-up point, so the
 * thermal state continues exactly (all physics randomness is keyed on time, not on call order).
 */
import { topicFor, type DeviceEvent, type Status } from '../../lib/protocol/v1.ts';
import { EventLatch } from './events.ts';
import { DeviceModel, WARMUP_MS, type DeviceSpec, type Injection } from '../../lib/physics/index.ts';

export interface OutMsg {
  topic: string;
  payload: string;
  retain?: boolean;
}

export class LiveDevice {
  spec: DeviceSpec;
  model: DeviceModel;
  /** next message index to publish */
  next: number;
  /** message index of the live stream's first sample */
  readonly originK: number;
  /** first message index the physics ran from (below originK after warmUp) */
  private physK: number;
  offline = false;
  readonly statusTopic: string;
  readonly eventTopic: string;
  private latch: EventLatch;
  private offlineWins: Injection[] = [];

  constructor(
    spec: DeviceSpec,
    readonly fw: string,
    readonly rssi: number,
    /** the live stream starts with the first sample at or after this time (the physics origin) */
    startMs: number,
  ) {
    this.spec = spec;
    this.model = new DeviceModel(spec);
    this.originK = this.model.indexAtOrAfter(startMs);
    this.next = this.originK;
    this.physK = this.originK;
    this.statusTopic = topicFor(spec.site, spec.device, 'status');
    this.eventTopic = topicFor(spec.site, spec.device, 'event');
    this.latch = this.newLatch();
    this.indexOffline();
  }

  get id(): string {
    return this.spec.device;
  }

  private newLatch(): EventLatch {
    return new EventLatch(
      this.spec.device,
      this.model.dseed,
      this.model.circuits.map((c) => c.entry),
      this.model.intervalMs,
    );
  }

  private indexOffline(): void {
    this.offlineWins = (this.spec.injections ?? []).filter((i) => i.kind === 'offline');
  }

  status(online: boolean, ts: number): OutMsg {
    const s: Status = online
      ? { v: 1, online: true, ts: Math.round(ts), fw: this.fw, rssi: this.rssi }
      : { v: 1, online: false, ts: Math.round(ts) };
    return { topic: this.statusTopic, payload: JSON.stringify(s), retain: true };
  }

  isOfflineAt(ts: number): boolean {
    for (const w of this.offlineWins) if (ts >= w.onsetMs && (w.endMs === null || ts < w.endMs)) return true;
    return false;
  }

  /** Messages for sample k (must be called with k = next, next+1, …: the physics steps forward). */
  emit(k: number, out: OutMsg[]): void {
    const m = this.model.message(k);
    this.next = k + 1;
    const off = this.offlineWins.length > 0 && this.isOfflineAt(m.ts);
    if (off !== this.offline) {
      this.offline = off;
      out.push(off ? { topic: this.statusTopic, payload: '{"v":1,"online":false}', retain: true } : this.status(true, m.ts));
    }
    // the physics' own local alarms (arc_alarm) raised since the previous sample go first, at their own ts
    for (const ev of m.events) if (!ev.lost) out.push({ topic: ev.topic, payload: JSON.stringify(ev.payload) });
    if (m.lost) return;
    const payload = JSON.stringify(m.payload);
    out.push({ topic: m.topic, payload });
    if (m.duplicate) out.push({ topic: m.topic, payload });
    const evs: DeviceEvent[] = this.latch.check(k, m.seq, m.ts, m.payload.channels);
    for (const ev of evs) out.push({ topic: this.eventTopic, payload: JSON.stringify(ev) });
  }

  /**
   * Replace the spec (new injections/overrides) and rebuild the model, replaying the physics of the samples
   * already published from max(origin, next − 6 h) so the thermal state carries on. Returns the warm-up
   * start time (the originMs a matching pre-simulation must use to be bit-identical).
   */
  rebuild(spec: DeviceSpec): number {
    this.spec = spec;
    this.model = new DeviceModel(spec);
    const m = this.model;
    const from = Math.max(this.physK, this.next - Math.ceil(WARMUP_MS / m.intervalMs));
    for (let k = from; k < this.next; k++) m.stepPhysics(k);
    this.indexOffline(); // the alarm latch carries over: same channels, conditions already reported
    return m.timeOf(from);
  }

  /** warm-up start time a rebuild now would use */
  warmStartMs(): number {
    const m = this.model;
    return m.timeOf(Math.max(this.physK, this.next - Math.ceil(WARMUP_MS / m.intervalMs)));
  }

  /** Step the physics over the 6 h before the origin, so the first live sample continues a backfill exactly. */
  warmUp(): void {
    if (this.next !== this.originK || this.physK !== this.originK) return;
    const m = this.model;
    this.physK = this.originK - Math.ceil(WARMUP_MS / m.intervalMs);
    for (let k = this.physK; k < this.originK; k++) m.stepPhysics(k);
  }
}
