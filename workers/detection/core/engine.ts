/**
 * The detection engine: routes protocol v1 messages to circuits, keeps the sample-time clock (the
 * latest `ts` seen across the stream) and judges device_offline against it. Pure: no I/O, no wall
 * clock. The same Engine runs in the replay CLI, the benchmark and the live ingest worker.
 * Payloads must already have passed the protocol v1 schemas (the shell validates; the core trusts).
 */
import { parseTopic, type DeviceEvent, type RegistryEntry, type Status, type Telemetry } from '../../../lib/protocol/v1.ts';
import { makeCircuit, type Circuit } from './circuit.ts';
import { force } from './lifecycle.ts';
import { processChannel } from './process.ts';
import { resolveProfile, type Overrides } from './profile.ts';
import { emit, type DetectionRecord } from './records.ts';
import { CIRCUIT_STATE_SIZE, G_LAST_TS, T_ARC, T_SENSOR } from './slots.ts';
import { DeviceClock, type OfflineState } from './offline.ts';

export interface EngineStats {
  messages: number;
  channelSamples: number;
  unknownDevice: number;
  unknownChannel: number;
  topicMismatch: number;
  stale: number;
}

export interface EngineSnapshot {
  v: 1;
  clock: number;
  offline: OfflineState;
  stats: EngineStats;
  /** per circuit key `${device}/${ch}`: the flat state (NaN serialised as null) */
  circuits: Record<string, (number | null)[]>;
}

const EMPTY: DetectionRecord[] = [];
Object.freeze(EMPTY);

interface Device { circuits: (Circuit | undefined)[]; index: number }

export class Engine {
  private readonly devices = new Map<string, Device>();
  private readonly topics = new Map<string, { device: string; kind: string } | null>();
  private readonly offline: DeviceClock;
  private readonly circuitList: Circuit[] = [];
  stats: EngineStats = { messages: 0, channelSamples: 0, unknownDevice: 0, unknownChannel: 0, topicMismatch: 0, stale: 0 };

  constructor(registry: readonly RegistryEntry[], overrides?: Overrides) {
    const intervals = new Map<string, number>();
    for (const e of registry) {
      let d = this.devices.get(e.device);
      if (!d) this.devices.set(e.device, (d = { circuits: [], index: this.devices.size }));
      const c = makeCircuit(e, resolveProfile(e, overrides));
      d.circuits[e.ch] = c;
      this.circuitList.push(c);
      intervals.set(e.device, Math.min(intervals.get(e.device) ?? Infinity, e.reportIntervalS));
    }
    this.offline = new DeviceClock([...intervals].map(([id, s]) => ({ id, intervalMs: s * 1000 })));
  }

  /** Feed one MQTT message (topic + validated payload); returns the alarm records it caused. */
  ingest(topic: string, payload: unknown): DetectionRecord[] {
    let t = this.topics.get(topic);
    if (t === undefined) {
      const p = parseTopic(topic);
      t = p ? { device: p.device, kind: p.kind } : null;
      if (this.topics.size < 1_000_000) this.topics.set(topic, t);
    }
    if (t === null) return EMPTY;
    const dev = this.devices.get(t.device);
    this.stats.messages++;
    if (!dev) { this.stats.unknownDevice++; return EMPTY; }
    let out: DetectionRecord[] = EMPTY;
    if (t.kind === 'telemetry') {
      const m = payload as Telemetry;
      if (m.device !== t.device) { this.stats.topicMismatch++; return EMPTY; }
      out = [];
      this.offline.seen(dev.index, m.ts, out);
      const amb = m.ambient;
      const ambT = amb?.t, ambRh = amb?.rh;
      for (let i = 0; i < m.channels.length; i++) {
        const ch = m.channels[i];
        const c = dev.circuits[ch.ch];
        if (c === undefined) { this.stats.unknownChannel++; continue; }
        if (m.ts <= c.s[G_LAST_TS]) { this.stats.stale++; continue; }
        this.stats.channelSamples++;
        processChannel(c, ch, m.ts, ambT, ambRh, out);
      }
    } else if (t.kind === 'status') {
      const m = payload as Status;
      out = [];
      if (m.online === false) this.offline.lost(dev.index, m.ts, out);
      else if (m.ts !== undefined) this.offline.seen(dev.index, m.ts, out);
    } else if (t.kind === 'event') {
      const m = payload as DeviceEvent;
      if (m.device !== t.device) { this.stats.topicMismatch++; return EMPTY; }
      out = [];
      this.offline.seen(dev.index, m.ts, out);
      const c = m.ch === undefined ? undefined : dev.circuits[m.ch];
      // the detector's own GB 14287 local alarms are authoritative for arcs and its own sensors
      if (c && m.code === 'arc_alarm') this.forced(c, T_ARC, m.ts, 2, m.value ?? NaN, c.prof.arcPerS, out);
      if (c && m.code === 'sensor_fault') this.forced(c, T_SENSOR, m.ts, 2, NaN, NaN, out);
    } else {
      return EMPTY;
    }
    this.offline.tick(out);
    return out.length ? out : EMPTY;
  }

  /** Advance the sample-time clock without a message (live worker during silence); returns offline records. */
  advance(ts: number): DetectionRecord[] {
    const out: DetectionRecord[] = [];
    this.offline.advance(ts);
    this.offline.tick(out);
    return out;
  }

  private forced(c: Circuit, t: number, ts: number, sev: number, value: number, thr: number, out: DetectionRecord[], aux = 0): void {
    const act = force(c.s, t, ts, sev, value, thr, aux);
    if (act) emit(c, t, act, ts, out);
  }

  get clock(): number {
    return this.offline.clock;
  }

  snapshot(): EngineSnapshot {
    const circuits: EngineSnapshot['circuits'] = {};
    for (const c of this.circuitList) circuits[`${c.device}/${c.ch}`] = Array.from(c.s, (v) => (v === v ? v : null));
    return { v: 1, clock: this.offline.clock, offline: this.offline.save(), stats: { ...this.stats }, circuits };
  }

  /** Continue from a snapshot. Circuits absent from it (new in the registry) start fresh. */
  restore(snap: EngineSnapshot): void {
    if (snap.v !== 1) throw new Error(`unsupported snapshot version ${String(snap.v)}`);
    for (const c of this.circuitList) {
      const arr = snap.circuits[`${c.device}/${c.ch}`];
      if (!arr || arr.length !== CIRCUIT_STATE_SIZE) continue;
      for (let i = 0; i < arr.length; i++) c.s[i] = arr[i] === null ? NaN : (arr[i] as number);
    }
    this.offline.load(snap.offline);
    this.stats = { ...snap.stats };
  }
}
