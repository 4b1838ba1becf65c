/**
 * The detection engine: routes protocol v1 messages to circuits, keeps the sample-time clock (the
 * latest `ts` seen across the stream) and judges device_offline against it. Pure: no I/O, no wall
 * clock. The same Engine runs in the replay CLI, the benchmark and the live ingest worker.
 * Payloads must already have passed the protocol v1 schemas (the shell validates; the core trusts).
 */
import { parseTopic, type Channel, type Command, type DeviceEvent, type RegistryEntry, type Status, type Telemetry } from '../protocol/v1.ts';
import { makeCircuit, type Circuit } from './circuit.ts';
import { force, sync, syncAll } from './lifecycle.ts';
import { processChannel } from './process.ts';
import type { Overrides, Profile } from './profile.ts';
import { profileResolver, sameValue } from './profiles-memo.ts';
import { emit, type DetectionRecord } from './records.ts';
import { V, V_AMB_RH, V_AMB_T, V_IR_COMMON, V_SELFTEST, V_TS } from './reading.ts';
import { CIRCUIT_STATE_SIZE, F_IR, G_LAST_TS, G_LAYOUT, S_BASE, S_GOOD, S_SIZE, STATE_LAYOUT, T_ARC, T_SENSOR } from './slots.ts';
import { DeviceClock, type OfflineState } from './offline.ts';
import { SeqRing } from './seqs.ts';

export interface EngineStats {
  messages: number;
  channelSamples: number;
  unknownDevice: number;
  unknownChannel: number;
  topicMismatch: number;
  stale: number;
  /** telemetry repeating a (device, seq) already taken (seqs.ts): skipped */
  duplicates?: number;
  /** circuits whose snapshot state was of another layout (older version) and started fresh on restore */
  freshOnRestore?: number;
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

interface Device { circuits: (Circuit | undefined)[]; index: number; seqs: SeqRing; selfTestAt: number }
/** A topic seen before: its device (undefined when not registered), name and kind, so a message costs one lookup. */
interface Route { dev: Device | undefined; device: string; kind: string }

/** What Engine.update() did with the circuits. */
export interface UpdateStats { kept: number; rebuilt: number; added: number; removed: number }

const IR_GOOD = S_BASE + F_IR * S_SIZE + S_GOOD;
/**
 * How many channels of one message read a leakage that jumped up together, by about the same amount (within
 * ±30 % of their median jump, each ≥ 100 mA and ≥ a third of the set point), from their own last good values: a
 * surge couples into every CT of a panel at once, and a multichannel detector's self-test passes the same test
 * current through each (a motor starting on one of them may add to its share); an earth fault is on one
 * circuit, and water in a panel leaks differently on each.
 */
const jumps = new Float64Array(16);
function commonLeakJumps(dev: Device, chs: readonly Channel[]): number {
  let n = 0;
  for (let i = 0; i < chs.length && n < 16; i++) {
    const ir = chs[i].ir, c = dev.circuits[chs[i].ch];
    if (ir === undefined || c === undefined) continue;
    const d = ir - c.s[IR_GOOD]; // NaN (no history) compares false
    if (d >= 100 && d >= c.prof.residualSetMa / 3) jumps[n++] = d;
  }
  if (n < 2) return 0;
  const sorted = jumps.subarray(0, n).sort();
  const med = n % 2 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  let alike = 0;
  for (let k = 0; k < n; k++) if (sorted[k] >= 0.7 * med && sorted[k] <= 1.3 * med) alike++;
  return alike;
}

export class Engine {
  private devices = new Map<string, Device>();
  private readonly topics = new Map<string, Route | null>();
  /** records of the message being processed: reused, copied out only when something happened */
  private readonly buf: DetectionRecord[] = [];
  private offline: DeviceClock;
  private circuitList: Circuit[] = [];
  stats: EngineStats = { messages: 0, channelSamples: 0, unknownDevice: 0, unknownChannel: 0, topicMismatch: 0, stale: 0, duplicates: 0, freshOnRestore: 0 };

  constructor(registry: readonly RegistryEntry[], overrides?: Overrides) {
    this.offline = this.build(registry, overrides, new Map()).clock;
  }

  /**
   * Follow a registry or overrides change in place. A circuit whose entry and resolved profile are unchanged is
   * kept as it is; a changed one is rebuilt around its current state (new thresholds, same models and open
   * alarms: what snapshot → new Engine → restore gave, without rebuilding the whole fleet); a new one starts
   * fresh; a removed one is dropped. The offline clock keeps every remaining device's state.
   */
  update(registry: readonly RegistryEntry[], overrides?: Overrides): UpdateStats {
    const before = this.circuitList.length;
    const saved = this.offline.save();
    const { clock, kept, rebuilt } = this.build(registry, overrides, this.devices);
    clock.load(saved);
    this.offline = clock;
    this.topics.clear(); // the cached routes point at the old devices
    const added = this.circuitList.length - kept - rebuilt;
    return { kept, rebuilt, added, removed: before - kept - rebuilt };
  }

  /** Circuits and devices for a registry, reusing the circuits of `prev` that did not change. */
  private build(registry: readonly RegistryEntry[], overrides: Overrides | undefined, prev: Map<string, Device>) {
    const devices = new Map<string, Device>();
    const list: Circuit[] = [];
    const taken = new Set<Circuit>(); // a duplicated registry row must not share one state
    const intervals = new Map<string, number>();
    const profileOf = profileResolver(overrides);
    // circuits alike share their profile objects (old and new), so each pair is compared once
    const sameProf = new Map<Profile, Map<Profile, boolean>>();
    const unchanged = (a: Profile, b: Profile) => {
      let m = sameProf.get(a);
      if (!m) sameProf.set(a, (m = new Map()));
      let r = m.get(b);
      if (r === undefined) m.set(b, (r = sameValue(a, b)));
      return r;
    };
    let kept = 0, rebuilt = 0;
    for (const e of registry) {
      let d = devices.get(e.device);
      if (!d) devices.set(e.device, (d = { circuits: [], index: devices.size, seqs: prev.get(e.device)?.seqs ?? new SeqRing(), selfTestAt: prev.get(e.device)?.selfTestAt ?? NaN }));
      const prof = profileOf(e);
      let old = prev.get(e.device)?.circuits[e.ch];
      if (old && taken.has(old)) old = undefined;
      let c: Circuit;
      if (old && sameValue(old.entry, e) && unchanged(old.prof, prof)) {
        c = old;
        kept++;
      } else {
        c = makeCircuit(e, prof);
        if (old) {
          c.s = old.s;
          c.live = old.live; // the same state, so the same mask
          rebuilt++;
        }
      }
      if (old) taken.add(old);
      d.circuits[e.ch] = c;
      list.push(c);
      intervals.set(e.device, Math.min(intervals.get(e.device) ?? Infinity, e.reportIntervalS));
    }
    this.devices = devices;
    this.circuitList = list;
    return { clock: new DeviceClock([...intervals].map(([id, s]) => ({ id, intervalMs: s * 1000 }))), kept, rebuilt };
  }

  /** Feed one MQTT message (topic + validated payload); returns the alarm records it caused. */
  ingest(topic: string, payload: unknown): DetectionRecord[] {
    let t = this.topics.get(topic);
    if (t === undefined) {
      const p = parseTopic(topic);
      t = p ? { dev: this.devices.get(p.device), device: p.device, kind: p.kind } : null;
      if (this.topics.size < 1_000_000) this.topics.set(topic, t);
    }
    if (t === null) return EMPTY;
    const dev = t.dev;
    this.stats.messages++;
    if (!dev) { this.stats.unknownDevice++; return EMPTY; }
    const out = this.buf;
    if (out.length !== 0) out.length = 0; // in case a previous call threw half-way
    if (t.kind === 'telemetry') {
      const m = payload as Telemetry;
      if (m.device !== t.device) { this.stats.topicMismatch++; return EMPTY; }
      t.device = m.device; // a producer that reuses its device string makes the next check a pointer compare
      const ts = m.ts;
      // a redelivery, even re-stamped by a gateway, is the same message: once (the protocol's rule)
      if (dev.seqs.take(m.seq, ts)) { this.stats.duplicates = (this.stats.duplicates ?? 0) + 1; return EMPTY; }
      this.offline.seen(dev.index, ts, out);
      // per message, into the scratch: a double passed as an argument would be boxed on every channel
      const amb = m.ambient;
      V[V_TS] = ts;
      V[V_AMB_T] = amb?.t ?? NaN;
      V[V_AMB_RH] = amb?.rh ?? NaN;
      V[V_SELFTEST] = ts - dev.selfTestAt;
      const chs = m.channels;
      V[V_IR_COMMON] = chs.length > 1 ? commonLeakJumps(dev, chs) : 0;
      for (let i = 0; i < chs.length; i++) {
        const ch = chs[i];
        const c = dev.circuits[ch.ch];
        if (c === undefined) { this.stats.unknownChannel++; continue; }
        if (ts <= c.s[G_LAST_TS]) { this.stats.stale++; continue; }
        this.stats.channelSamples++;
        processChannel(c, ch, out);
      }
    } else if (t.kind === 'status') {
      const m = payload as Status;
      if (m.online === false) this.offline.lost(dev.index, m.ts, out);
      else if (m.ts !== undefined) this.offline.seen(dev.index, m.ts, out);
    } else if (t.kind === 'cmd') {
      // the platform commanded the detector's self-test: its test current will pass the residual CTs
      const m = payload as Command;
      if (m.cmd === 'self_test' && typeof m.ts === 'number') dev.selfTestAt = m.ts;
      return EMPTY;
    } else if (t.kind === 'event') {
      const m = payload as DeviceEvent;
      if (m.device !== t.device) { this.stats.topicMismatch++; return EMPTY; }
      this.offline.seen(dev.index, m.ts, out);
      const c = m.ch === undefined ? undefined : dev.circuits[m.ch];
      // the detector's own GB 14287 local alarms are authoritative for arcs and its own sensors
      if (c && m.code === 'arc_alarm') this.forced(c, T_ARC, m.ts, 2, m.value ?? NaN, c.prof.arcPerS, out);
      if (c && m.code === 'sensor_fault') this.forced(c, T_SENSOR, m.ts, 2, NaN, NaN, out);
      // the device tested itself: its test current passes the residual CTs (GB 14287.2), not the circuit
      if (m.code === 'self_test') dev.selfTestAt = m.ts;
    } else {
      return EMPTY;
    }
    this.offline.tick(out);
    if (out.length === 0) return EMPTY;
    const recs = out.slice();
    out.length = 0;
    return recs;
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
    sync(c, t);
  }

  get clock(): number {
    return this.offline.clock;
  }

  snapshot(): EngineSnapshot {
    const circuits: EngineSnapshot['circuits'] = {};
    for (const part of this.snapshotParts(Infinity)) Object.assign(circuits, part.circuits);
    return { v: 1, clock: this.offline.clock, offline: this.offline.save(), stats: { ...this.stats }, circuits };
  }

  /**
   * The same snapshot in parts of `size` circuits each (every part carries the engine's own fields), so a shell
   * can store a whole city's state (tens of MB) without holding its event loop for seconds. Take all parts
   * before the engine ingests again, or they describe different moments.
   */
  *snapshotParts(size: number): Generator<EngineSnapshot> {
    const head = { v: 1 as const, clock: this.offline.clock, offline: this.offline.save(), stats: { ...this.stats } };
    const list = this.circuitList;
    for (let i = 0; i === 0 || i < list.length; i += size) {
      const circuits: EngineSnapshot['circuits'] = {};
      const end = Math.min(list.length, i + size);
      for (let k = i; k < end; k++) circuits[`${list[k].device}/${list[k].ch}`] = Array.from(list[k].s, (v) => (v === v ? v : null));
      yield { ...head, circuits };
    }
  }

  /**
   * Continue from a snapshot. Circuits absent from it (new in the registry) start fresh, and so do circuits
   * whose saved state has another layout (a snapshot from an older version of the core): their models
   * relearn instead of reading foreign numbers. The envelope version `v` is 1 for every layout so far.
   */
  restore(snap: EngineSnapshot): void {
    if (snap.v !== 1) throw new Error(`unsupported snapshot version ${String(snap.v)}`);
    let fresh = 0;
    for (const c of this.circuitList) {
      const arr = snap.circuits[`${c.device}/${c.ch}`];
      if (!arr) continue;
      if (!Array.isArray(arr) || arr.length !== CIRCUIT_STATE_SIZE || arr[G_LAYOUT] !== STATE_LAYOUT) { fresh++; continue; }
      for (let i = 0; i < arr.length; i++) c.s[i] = typeof arr[i] === 'number' ? (arr[i] as number) : NaN;
      syncAll(c);
    }
    this.offline.load(snap.offline);
    this.stats = { ...snap.stats, freshOnRestore: (snap.stats.freshOnRestore ?? 0) + fresh };
  }
}
