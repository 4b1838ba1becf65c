/**
 * A plateau detector: steps its panel and circuits every minute of sample time, reports every 60 or 120 s,
 * publishes its own GB 14287 events (arc_alarm, self_test) when its firmware does, and suffers what field
 * devices suffer in transport: lost messages (the seq still advances), power cuts (the broker publishes the
 * will; a reboot may restart seq at 0), QoS-1 redeliveries — most identical, some re-stamped by a gateway —,
 * a counter that wraps at 2^32, and commissioning bursts (an electrician's app polls every 250 ms).
 */
import { topicFor, type Channel, type DeviceEvent, type Status, type Telemetry } from '../../../protocol/v1.ts';
import { hash32, unit } from '../../rng.ts';
import { PlateauCircuit, type CircuitSpec } from './circuit.ts';
import { activity, bjt } from './loads.ts';
import { Panel, type PanelSpec } from './panel.ts';
import { maxPoleLossW } from './thermal.ts';

export const STEP_MS = 60_000;
const WRAP = 4294967296;

export interface Transport {
  dropouts: { from: number; to: number; p: number }[];
  offline: { from: number; to: number; reboot: boolean }[];
  duplicates: { from: number; to: number; p: number; restampP: number }[];
  fast: { at: number; n: number; spacingMs: number }[];
}

export interface PlateauDeviceSpec {
  device: string;
  site: string;
  category: string;
  seed: number;
  phaseMs: number;
  seqBase: number;
  panel: PanelSpec;
  circuits: CircuitSpec[];
  events: boolean;
  ambientCap: boolean;
  supplyV: number;
  selfTests: number[];
  selfTestMa: number;
  /** probability that a storm step couples a surge into the CTs, and its size (mA) */
  surgeP: number;
  surgeMa: number;
  transport: Transport;
}

export interface Item { ts: number; topic: string; payload: Telemetry | DeviceEvent | Status }

const inAny = <T extends { from: number; to: number }>(xs: T[], t: number): T | undefined => xs.find((x) => t >= x.from && t < x.to);

export class PlateauDevice {
  readonly panel: Panel;
  readonly circuits: PlateauCircuit[];
  readonly topic: string;
  readonly eventTopic: string;
  readonly statusTopic: string;
  private lossIn: number[];

  constructor(readonly spec: PlateauDeviceSpec) {
    this.panel = new Panel(spec.panel);
    this.circuits = spec.circuits.map((c) => new PlateauCircuit(c));
    this.topic = topicFor(spec.site, spec.device, 'telemetry');
    this.eventTopic = topicFor(spec.site, spec.device, 'event');
    this.statusTopic = topicFor(spec.site, spec.device, 'status');
    this.lossIn = spec.circuits.map((c) => 0.6 * maxPoleLossW(c.entry.ratedCurrentA) * (c.entry.phases === 3 ? 3 : 1));
  }

  timeOf(j: number): number { return this.spec.phaseMs + j * STEP_MS; }

  /** One physics step j (ts = timeOf(j)): the box's internal losses follow the previous step's currents. */
  step(j: number): void {
    const ts = this.timeOf(j);
    let w = 4;
    for (let k = 0; k < this.circuits.length; k++) {
      const c = this.circuits[k], u = c.i[0] / c.spec.entry.ratedCurrentA;
      w += this.lossIn[k] * u * u;
    }
    const env = this.panel.step(ts, STEP_MS / 1000, w);
    for (const c of this.circuits) { c.step(ts, j, STEP_MS / 1000, env); c.dew = env.dew; }
  }

  /** Supply voltage at the panel (evening dip, slow wander). */
  supply(ts: number): number {
    const { h } = bjt(ts);
    return this.spec.supplyV * (1 - 0.02 * activity('hospital', h, false) + 0.006 * (unit(hash32(this.spec.seed, Math.floor(ts / 900_000), 0x5b)) - 0.5));
  }

  /**
   * The messages of the report at step j (a report every `every` steps), in publish order: the device's
   * events since the previous report, then the telemetry (and its redelivery), plus a commissioning burst.
   */
  report(j: number, every: number, out: Item[]): void {
    const sp = this.spec, ts = this.timeOf(j), tr = sp.transport;
    const k = Math.floor(j / every); // message index on this interval's grid
    const off = inAny(tr.offline, ts);
    if (off) this.rebooted ||= off.reboot;
    // events do not advance the counter: they carry the seq of the last telemetry message
    const evSeq = this.seq === this.seq ? this.seq : sp.seqBase;
    let seq = off ? this.seq : this.rebooted ? 0 : this.seq !== this.seq ? sp.seqBase : (this.seq + 1) % WRAP;
    if (!off) { this.seq = seq; this.rebooted = false; }
    const intervalMs = every * STEP_MS;
    // device-wide residual transients in the interval: a self-test press, a surge in a storm
    let extra = 0, selfTestAt = NaN;
    for (const st of sp.selfTests) if (st > ts - intervalMs && st <= ts) { selfTestAt = st; extra = sp.selfTestMa; }
    const env = this.panel.now;
    if (env.out.storm && unit(hash32(sp.seed, j, 0x5a9e)) < sp.surgeP * every) extra = Math.max(extra, sp.surgeMa * (0.3 + unit(hash32(sp.seed, j, 0x5a9f))));
    const instant = unit(hash32(sp.seed, j, 0x1a57));
    const events: Item[] = [];
    for (const c of this.circuits) {
      if (c.pendingArcAlarm === c.pendingArcAlarm) {
        if (sp.events) events.push(this.event(c.pendingArcAlarm, evSeq, 'arc_alarm', c.spec.entry.ch, c.pendingArcValue));
        c.pendingArcAlarm = NaN;
      }
    }
    if (selfTestAt === selfTestAt && sp.events) events.push(this.event(selfTestAt, evSeq, 'self_test'));
    if (off) return; // powered down: nothing measured, nothing sent
    events.sort((a, b) => a.ts - b.ts);
    for (const e of events) out.push(e);
    const chans: Channel[] = [];
    const u = this.supply(ts);
    for (const c of this.circuits) {
      // instantaneous residual readings see a transient only when the report falls inside it
      const seen = c.spec.irPeak || instant < 2 / (every * 60) ? extra : 0;
      chans.push(c.read(ts, j, seen, u));
    }
    const payload: Telemetry = { v: 1, device: sp.device, seq, ts, channels: chans };
    if (sp.ambientCap) payload.ambient = { t: Math.round((env.boxC + 1.5) * 10) / 10, rh: Math.round(env.rh) };
    const drop = inAny(tr.dropouts, ts);
    const lost = drop !== undefined && unit(hash32(sp.seed, k, 0xd70)) < drop.p;
    if (!lost) {
      out.push({ ts, topic: this.topic, payload });
      const dup = tr.duplicates.find((x) => ts >= x.from && ts < x.to);
      if (dup && unit(hash32(sp.seed, k, 0xd0b)) < dup.p) {
        const restamp = unit(hash32(sp.seed, k, 0xd0c)) < dup.restampP;
        out.push({ ts, topic: this.topic, payload: restamp ? { ...payload, ts: ts + 1000 + Math.floor(unit(hash32(sp.seed, k, 0xd0d)) * 20_000) } : payload });
      }
    }
    for (const f of tr.fast) {
      if (f.at <= ts || f.at > ts + intervalMs - f.n * f.spacingMs - 1000) continue;
      for (let m = 0; m < f.n; m++) {
        seq = this.seq = (this.seq + 1) % WRAP;
        const t = f.at + m * f.spacingMs;
        const fc = this.circuits.map((c) => c.read(t, hash32(j, m, 0xfa57), 0, u));
        out.push({ ts: t, topic: this.topic, payload: { v: 1, device: sp.device, seq, ts: t, channels: fc, ...(payload.ambient ? { ambient: payload.ambient } : {}) } });
      }
    }
  }

  /** Status around a power cut: the broker's will when it notices, the device's own online on return. */
  statusItems(from: number, to: number, out: Item[]): void {
    for (const o of this.spec.transport.offline) {
      if (o.from >= from && o.from < to) out.push({ ts: o.from + 90_000, topic: this.statusTopic, payload: { v: 1, online: false } });
      if (o.to >= from && o.to < to) out.push({ ts: o.to, topic: this.statusTopic, payload: { v: 1, online: true, ts: o.to } });
    }
  }

  private event(ts: number, seq: number, code: DeviceEvent['code'], ch?: number, value?: number): Item {
    const payload: DeviceEvent = { v: 1, device: this.spec.device, seq, ts, code, ...(ch !== undefined ? { ch } : {}), ...(value !== undefined ? { value } : {}) };
    return { ts, topic: this.eventTopic, payload };
  }

  /** seq of the last message built (the counter advances per message, lost ones included) */
  private seq = NaN;
  private rebooted = false;
}
