/**
 * A detector with 1–16 channels: samples its circuits on a fixed grid (ts = phase + k·interval, so any
 * message index is random-access), builds the v1 Telemetry payload, and applies transport faults —
 * dropouts and offline periods (message lost, seq still advances → a gap) and duplicate redeliveries.
 */
import { topicFor, type Channel, type DeviceEvent, type RegistryEntry, type Telemetry } from '../protocol/v1.ts';
import { CircuitModel } from './circuit.ts';
import { panelEnv, panelParams, type PanelParams } from './panel.ts';
import type { ParamOverrides } from './params.ts';
import { hash32, hashString, unit } from './rng.ts';
import type { Env, Injection } from './types.ts';

export interface DeviceSpec {
  device: string;
  site: string;
  siteCategory: string;
  /** this device's registry entries (one per channel) */
  entries: RegistryEntry[];
  /** scenario/fleet seed: also the weather seed, so all devices share one sky */
  seed: number;
  /** all injections of this device: channel-level, device-level (ch null) and transport */
  injections?: Injection[];
  /** per-channel parameter overrides (fault circuits are sized by the scenario builder) */
  overrides?: Record<number, ParamOverrides>;
  caps?: { voltage?: boolean; arc?: boolean; ambient?: boolean };
  /** report interval; default the entries' smallest reportIntervalS */
  intervalS?: number;
  seqBase?: number;
}

export interface DeviceMessage {
  ts: number;
  seq: number;
  topic: string;
  payload: Telemetry;
  /** lost in transport (not published) */
  lost: boolean;
  /** published twice */
  duplicate: boolean;
  /**
   * the device's own local alarms (DeviceEvent, e.g. GB 14287 `arc_alarm`) raised since the previous sample,
   * published before this telemetry at their own ts. An event does not advance the counter: it carries the
   * seq of the last telemetry message, so seq gaps still count exactly the lost telemetry.
   */
  events: EventMessage[];
}

export interface EventMessage {
  ts: number;
  topic: string;
  payload: DeviceEvent;
  lost: boolean;
}

const WRAP = 4294967296;
const NO_EVENTS: EventMessage[] = [];
const active = (i: Injection, t: number): boolean => t >= i.onsetMs && (i.endMs === null || t < i.endMs);

export class DeviceModel {
  readonly spec: DeviceSpec;
  readonly circuits: CircuitModel[];
  readonly intervalMs: number;
  /** grid phase: ts = phaseMs + k·intervalMs */
  readonly phaseMs: number;
  readonly topic: string;
  readonly eventTopic: string;
  readonly dseed: number;
  readonly panel: PanelParams;
  private readonly seqBase: number;
  private readonly panelNuis: Injection[];
  private readonly transport: Injection[];
  private readonly env: Env = { ambientC: 0, rh: 0, ua: 0, ub: 0, uc: 0, condensation: 0 };

  constructor(spec: DeviceSpec) {
    this.spec = spec;
    this.dseed = hash32(spec.seed, hashString(spec.device), 0xde);
    const intervalS = spec.intervalS ?? Math.min(...spec.entries.map((e) => e.reportIntervalS));
    this.intervalMs = Math.round(intervalS * 1000);
    this.phaseMs = hash32(this.dseed, 1) % this.intervalMs;
    this.seqBase = spec.seqBase ?? hash32(this.dseed, 2);
    this.topic = topicFor(spec.site, spec.device, 'telemetry');
    this.eventTopic = topicFor(spec.site, spec.device, 'event');
    this.panel = panelParams(spec.siteCategory, this.dseed);
    const inj = spec.injections ?? [];
    this.panelNuis = inj.filter((i) => i.ch === null && i.class === 'nuisance');
    this.transport = inj.filter((i) => i.class === 'transport');
    const caps = spec.caps ?? {};
    this.circuits = [...spec.entries]
      .sort((a, b) => a.ch - b.ch)
      .map(
        (e) =>
          new CircuitModel(e, {
            seed: spec.seed,
            injections: inj,
            overrides: spec.overrides?.[e.ch],
            voltage: caps.voltage ?? true,
            arc: caps.arc ?? true,
          }),
      );
  }

  /** Message index of the first grid time ≥ tsMs. */
  indexAtOrAfter(tsMs: number): number {
    return Math.ceil((tsMs - this.phaseMs) / this.intervalMs);
  }
  timeOf(k: number): number {
    return this.phaseMs + k * this.intervalMs;
  }
  seqOf(k: number): number {
    return (((this.seqBase + k) % WRAP) + WRAP) % WRAP;
  }

  /** Panel environment at tsMs (pure; shared by the device's circuits). */
  envAt(tsMs: number): Env {
    return panelEnv(this.panel, this.spec.seed, this.dseed, tsMs, this.panelNuis, this.env);
  }

  /** Advance the physics only (no payload), e.g. to warm up thermal state before a backfill. */
  stepPhysics(k: number): void {
    const ts = this.timeOf(k);
    const env = this.envAt(ts);
    for (const c of this.circuits) {
      c.step(ts, env);
      c.takeArcAlarm(); // a local alarm raised during a warm-up is not re-published
    }
  }

  /** Sample message k (physics advances even when the message is then lost). */
  message(k: number): DeviceMessage {
    const ts = this.timeOf(k);
    const env = this.envAt(ts);
    const channels: Channel[] = new Array(this.circuits.length);
    for (let i = 0; i < this.circuits.length; i++) channels[i] = this.circuits[i].sample(ts, env);
    const payload: Telemetry = { v: 1, device: this.spec.device, seq: this.seqOf(k), ts, channels };
    if (this.spec.caps?.ambient ?? true) {
      const u = hash32(this.dseed, Math.floor(ts / 1000), 0xa3);
      const n = ((u & 0xffff) / 65536 - 0.5) * 0.4;
      payload.ambient = { t: Math.round((env.ambientC + n) * 10) / 10, rh: Math.round(Math.min(100, env.rh + n * 5)) };
    }
    const { lost, duplicate } = this.transportAt(k);
    let events: EventMessage[] = NO_EVENTS;
    for (let i = 0; i < this.circuits.length; i++) {
      const a = this.circuits[i].takeArcAlarm();
      if (!a) continue;
      if (events === NO_EVENTS) events = [];
      const ev: DeviceEvent = { v: 1, device: this.spec.device, seq: this.seqOf(k - 1), ts: a.eventMs, ch: this.circuits[i].entry.ch, code: 'arc_alarm', value: a.perS };
      events.push({ ts: a.eventMs, topic: this.eventTopic, payload: ev, lost: this.eventLost(k, a.eventMs) });
    }
    return { ts, seq: payload.seq, topic: this.topic, payload, lost, duplicate, events };
  }

  /** An event is lost while the device is offline; during a dropout episode with the same loss rate. */
  private eventLost(k: number, ts: number): boolean {
    for (const tr of this.transport) {
      if (!active(tr, ts)) continue;
      if (tr.kind === 'offline') return true;
      if (tr.kind === 'dropout' && unit(hash32(this.dseed, k, 0xe0)) < tr.p.pLoss) return true;
    }
    return false;
  }

  /** Transport fate of message k (pure: no physics needed). */
  transportAt(k: number): { lost: boolean; duplicate: boolean } {
    const ts = this.timeOf(k);
    let lost = false;
    let duplicate = false;
    for (const tr of this.transport) {
      if (!active(tr, ts)) continue;
      if (tr.kind === 'offline') lost = true;
      else if (tr.kind === 'dropout' && unit(hash32(this.dseed, k, 0xd0)) < tr.p.pLoss) lost = true;
      else if (tr.kind === 'duplicate' && unit(hash32(this.dseed, k, 0xdd)) < tr.p.pDup) duplicate = true;
    }
    return { lost, duplicate: duplicate && !lost };
  }
}

export interface ReplayLine {
  topic: string;
  payload: Telemetry;
}

/** A device's own event (`…/event` topic) in a replay stream. */
export interface EventLine {
  topic: string;
  payload: DeviceEvent;
}

/** One line of a full device stream: telemetry or a device event (tell them apart by topic or `'channels' in payload`). */
export type StreamLine = ReplayLine | EventLine;

/** Warm-up before a backfill: thermal states settle to ~1e-6 K of the live stream within 6 h. */
export const WARMUP_MS = 6 * 3_600_000;

/**
 * Backfill: the messages a device publishes with ts in [fromMs, toMs), as replay lines (lost messages
 * omitted, duplicates repeated). Uses a fresh model (the passed one is not disturbed), warmed up for 6 h.
 */
export function* deviceMessagesBetween(
  device: DeviceModel | DeviceSpec,
  fromMs: number,
  toMs: number,
  intervalS?: number,
): Generator<ReplayLine> {
  const spec = device instanceof DeviceModel ? device.spec : device;
  const m = new DeviceModel(intervalS ? { ...spec, intervalS } : spec);
  const k0 = m.indexAtOrAfter(fromMs);
  for (let k = m.indexAtOrAfter(fromMs - WARMUP_MS); k < k0; k++) m.stepPhysics(k);
  for (let k = k0; m.timeOf(k) < toMs; k++) {
    const msg = m.message(k);
    if (msg.lost) continue;
    yield { topic: msg.topic, payload: msg.payload };
    if (msg.duplicate) yield { topic: msg.topic, payload: msg.payload };
  }
}
