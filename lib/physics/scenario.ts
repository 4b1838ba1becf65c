/**
 * generateScenario: a synthetic fleet with injected faults, nuisances, sensor and transport faults, the
 * ground truth computed from the physics, and a streaming replay (publish order, never held in memory).
 * Each circuit carries at most one circuit-level injection, so labels are unambiguous; device-level
 * nuisances go only to devices without fault circuits.
 */
import { SITE_CATEGORIES, type RegistryEntry, type SiteCategory } from '../protocol/v1.ts';
import { DAY_MS, HOUR_MS } from './calendar.ts';
import { DeviceModel, type DeviceSpec, type ReplayLine, type StreamLine } from './device.ts';
import { buildFleet } from './registry.ts';
import { Rng, hash32 } from './rng.ts';
import { mergeDeviceStream, mergeDevices } from './stream.ts';
import { ARC_SUSTAINED_PER_S } from './circuit.ts';
import { EXPECTED, findDanger } from './truth.ts';
import { faultOverrides, targetHours, tuneFault } from './tune-faults.ts';
import { transportEffect, tuneNuisance, tunePanelNuisance, tuneSensor, tuneTransport } from './tune-others.ts';
import {
  DEVICE_NUISANCES,
  NUISANCE_KINDS,
  SENSOR_KINDS,
  type FaultKind,
  type GroundTruth,
  type Injection,
  type InjectionKind,
} from './types.ts';

export interface ScenarioOptions {
  seed: number;
  circuits: number;
  days: number;
  startMs: number;
  /** report interval, 60–120 s (default 60) */
  intervalS?: number;
  /** fraction of circuits per fault kind; kinds left out get none (default DEFAULT_FAULT_MIX) */
  faultMix?: Partial<Record<FaultKind, number>>;
  includeNuisances?: boolean;
  includeSensorFaults?: boolean;
  includeDropouts?: boolean;
  categories?: readonly SiteCategory[];
  channelsPerDevice?: number;
  /** fraction of circuits with a circuit-level nuisance, and of devices with a panel nuisance (0.12) */
  nuisanceFraction?: number;
  /** fraction of circuits with a sensor fault (0.04) */
  sensorFraction?: number;
  /** hours a fault keeps running after danger before it is repaired/tripped (2) */
  postDangerH?: number;
}

/** ~7.5 % of circuits faulted by default. */
export const DEFAULT_FAULT_MIX: Record<FaultKind, number> = {
  loose_connection: 0.02,
  overload: 0.01,
  insulation_degradation: 0.015,
  earth_fault: 0.01,
  series_arc: 0.01,
  neutral_fault: 0.005,
  harmonic_neutral: 0.005,
};
// restrictive kinds pick their circuits first
const FAULT_ORDER: FaultKind[] = [
  'neutral_fault',
  'harmonic_neutral',
  'series_arc',
  'loose_connection',
  'overload',
  'insulation_degradation',
  'earth_fault',
];
const SLOW = new Set<FaultKind>(['loose_connection', 'insulation_degradation', 'harmonic_neutral']);
const HORIZON_MS = 10 * DAY_MS;

export interface CircuitLabel {
  device: string;
  ch: number;
  site: string;
  siteCategory: string;
  label: 'fault' | 'nuisance' | 'sensor' | 'clean';
  kind: InjectionKind | null;
  /** no fault-class injection: any alarm here (other than the expected sensor_fault / device_offline) is false */
  faultFree: boolean;
}

export interface Scenario {
  startMs: number;
  endMs: number;
  intervalS: number;
  registry: RegistryEntry[];
  devices: DeviceSpec[];
  truth: GroundTruth[];
  circuits: CircuitLabel[];
  /** fault-free circuits × days: the denominator for false alarms per 1,000 circuit-days */
  faultFreeCircuitDays: number;
  /**
   * replay lines in publish order — telemetry and the devices' own events (`arc_alarm` when a series arc
   * turns sustained) — a fresh deterministic stream on every call
   */
  lines(): Iterable<StreamLine>;
  /** telemetry only (the stream before device events were simulated) */
  telemetryLines(): Iterable<ReplayLine>;
}

function quota(rng: Rng, frac: number, n: number): number {
  const x = frac * n;
  return Math.floor(x) + (rng.next() < x - Math.floor(x) ? 1 : 0);
}

export function generateScenario(opts: ScenarioOptions): Scenario {
  const rng = new Rng(hash32(opts.seed, 0x5ce));
  const intervalS = opts.intervalS ?? 60;
  const startMs = opts.startMs;
  const endMs = startMs + opts.days * DAY_MS;
  const postMs = (opts.postDangerH ?? 2) * HOUR_MS;
  const fleet = buildFleet(rng, opts.circuits, opts.channelsPerDevice ?? 4, opts.categories ?? SITE_CATEGORIES, intervalS);
  const specs: DeviceSpec[] = fleet.map((f) => ({ ...f, seed: opts.seed, injections: [], overrides: {} }));
  const refs = rng.shuffle(specs.flatMap((s, d) => s.entries.map((e) => ({ d, e }))));
  const used = new Set<string>();
  const keyOf = (r: { d: number; e: RegistryEntry }): string => `${r.d}/${r.e.ch}`;
  const take = (ok: (r: { d: number; e: RegistryEntry }) => boolean, prefer?: (r: { d: number; e: RegistryEntry }) => boolean) => {
    const r = (prefer && refs.find((x) => !used.has(keyOf(x)) && ok(x) && prefer(x))) || refs.find((x) => !used.has(keyOf(x)) && ok(x));
    if (r) used.add(keyOf(r));
    return r;
  };
  const span = endMs - startMs;
  const truth: GroundTruth[] = [];
  const labels = new Map<string, { label: CircuitLabel['label']; kind: InjectionKind }>();
  const faultDevices = new Set<number>();

  // 1. choose fault circuits (tuned last, once every panel-level injection of their device is known)
  const mix: Partial<Record<FaultKind, number>> = opts.faultMix ?? DEFAULT_FAULT_MIX;
  const plans: { kind: FaultKind; d: number; e: RegistryEntry; targetH: number; onset: number }[] = [];
  for (const kind of FAULT_ORDER) {
    const n = quota(rng, mix[kind] ?? 0, opts.circuits);
    for (let i = 0; i < n; i++) {
      const r = take((x) => {
        const caps = specs[x.d].caps ?? {};
        if (kind === 'neutral_fault') return x.e.phases === 3 && caps.voltage !== false;
        if (kind === 'harmonic_neutral') return x.e.phases === 3;
        if (kind === 'series_arc') return caps.arc !== false;
        return true;
      });
      if (!r) break;
      const targetH = targetHours(kind, rng);
      const lo = startMs + (SLOW.has(kind) ? 12 : 6) * HOUR_MS;
      const hi = Math.max(lo, endMs - (targetH + (SLOW.has(kind) ? 12 : 6)) * HOUR_MS);
      plans.push({ kind, d: r.d, e: r.e, targetH, onset: Math.round(lo + rng.next() * (hi - lo)) });
      const ov = faultOverrides(kind, rng);
      if (ov) (specs[r.d].overrides as Record<number, object>)[r.e.ch] = ov;
      faultDevices.add(r.d);
      labels.set(keyOf(r), { label: 'fault', kind });
    }
  }
  const episode = (minD: number, maxD: number): [number, number] => {
    const dur = Math.min(span, rng.range(minD, maxD) * DAY_MS);
    const on = Math.round(startMs + rng.next() * (span - dur));
    return [on, on + dur];
  };
  const add = (d: number, inj: Injection, dangerMs: number | null = null, detail: Record<string, number | string> = {}) => {
    specs[d].injections!.push(inj);
    const ex = EXPECTED[inj.kind];
    truth.push({
      device: specs[d].device,
      ch: inj.ch,
      kind: inj.kind,
      class: inj.class,
      onsetMs: inj.onsetMs,
      dangerMs,
      endMs: inj.endMs,
      expectedAlarm: ex.expected,
      acceptAlarms: ex.accept,
      ...(inj.pole ? { pole: inj.pole } : {}),
      ...(inj.field ? { field: inj.field } : {}),
      detail: { ...Object.fromEntries(Object.entries(inj.p).map(([k, v]) => [k, Math.round(v * 1e6) / 1e6])), ...detail },
    });
  };

  // 2. nuisances: panel-level on fault-free devices, then circuit-level
  if (opts.includeNuisances ?? true) {
    const frac = opts.nuisanceFraction ?? 0.12;
    const devs = rng.shuffle(specs.map((_, i) => i).filter((i) => !faultDevices.has(i)));
    const nDev = Math.min(devs.length, quota(rng, frac, specs.length));
    for (let i = 0; i < nDev; i++) {
      const kind = DEVICE_NUISANCES[i % DEVICE_NUISANCES.length];
      const [on, off] = kind === 'sun_on_box' ? episode(2, 5) : episode(1, 3);
      add(devs[i], tunePanelNuisance(kind, specs[devs[i]], startMs, on, off, rng));
    }
    const circuitKinds = NUISANCE_KINDS.filter((k) => !DEVICE_NUISANCES.includes(k));
    const n = quota(rng, frac, opts.circuits);
    for (let i = 0; i < n; i++) {
      const kind = circuitKinds[i % circuitKinds.length];
      const prefer =
        kind === 'inrush'
          ? (x: { e: RegistryEntry }) => x.e.loadType === 'motor'
          : kind === 'dimmer_arc'
            ? (x: { e: RegistryEntry }) => x.e.loadType === 'lighting'
            : undefined;
      const r = take((x) => kind !== 'dimmer_arc' || specs[x.d].caps?.arc !== false, prefer);
      if (!r) break;
      const [on, off] = episode(1, 4);
      add(r.d, tuneNuisance(kind, specs[r.d], r.e, startMs, on, off, rng));
      labels.set(keyOf(r), { label: 'nuisance', kind });
    }
  }
  // 3. sensor faults
  if (opts.includeSensorFaults ?? true) {
    const n = quota(rng, opts.sensorFraction ?? 0.04, opts.circuits);
    for (let i = 0; i < n; i++) {
      const kind = SENSOR_KINDS[i % SENSOR_KINDS.length];
      const r = take(() => true);
      if (!r) break;
      const on = Math.round(startMs + rng.range(0.05, 0.7) * span);
      add(r.d, tuneSensor(kind, specs[r.d], r.e, startMs, on, endMs, rng));
      labels.set(keyOf(r), { label: 'sensor', kind });
    }
  }
  // 4. faults: size against the baseline, then read dangerMs off the trajectory (retry harder if never)
  for (const pl of plans) {
    const spec = specs[pl.d];
    let inj: Injection | null = null;
    let danger: number | null = null;
    for (const severity of [1, 1.6, 2.5]) {
      inj = tuneFault(pl.kind, { spec, entry: pl.e, originMs: startMs, rng }, pl.onset, pl.targetH, severity).inj;
      spec.injections!.push(inj);
      danger = findDanger(spec, inj, startMs, HORIZON_MS);
      spec.injections!.pop();
      if (danger !== null) break;
    }
    inj = inj as Injection;
    inj.endMs = danger === null ? inj.onsetMs + HORIZON_MS : danger + postMs;
    const extra: Record<string, number> = {};
    if (pl.kind === 'series_arc' && danger !== null) {
      // the moment sustained ≥ 14/s arcing began (the device raises its local alarm ~1–2 s later): the
      // crossing of the closed-form rate, not before the previous sample (the physics latches the same value)
      const iv = new DeviceModel(spec).intervalMs;
      const tc = Math.round(inj.onsetMs + inj.p.tauS * 1000 * Math.log(ARC_SUSTAINED_PER_S / inj.p.r0));
      extra.sustainedMs = Math.min(danger, Math.max(tc, danger - iv));
    }
    add(pl.d, inj, danger, {
      ...extra,
      targetH: Math.round(pl.targetH * 100) / 100,
      hoursToDanger: danger === null ? 'never' : Math.round(((danger - inj.onsetMs) / HOUR_MS) * 100) / 100,
    });
  }
  // 5. transport faults (device-level)
  if (opts.includeDropouts ?? true) {
    for (let d = 0; d < specs.length; d++) {
      for (const [kind, p] of [
        ['dropout', 0.3],
        ['offline', 0.1],
        ['duplicate', 0.1],
      ] as const) {
        if (!rng.chance(p)) continue;
        const inj = tuneTransport(kind, Math.round(startMs + rng.next() * span * 0.9), rng);
        const fx = transportEffect(specs[d], inj, endMs);
        if (kind === 'offline' && fx.firstMs !== null) {
          inj.onsetMs = fx.firstMs; // first missing message … first message after the outage
          inj.endMs = (fx.lastMs as number) + intervalS * 1000;
        }
        add(d, inj, null, { messages: fx.count });
      }
    }
  }
  const registry = specs.flatMap((s) => s.entries);
  const circuits: CircuitLabel[] = specs.flatMap((s, d) =>
    s.entries.map((e) => {
      const l = labels.get(`${d}/${e.ch}`);
      return {
        device: s.device,
        ch: e.ch,
        site: s.site,
        siteCategory: e.siteCategory,
        label: l?.label ?? 'clean',
        kind: l?.kind ?? null,
        faultFree: l?.label !== 'fault',
      };
    }),
  );
  truth.sort((a, b) => a.onsetMs - b.onsetMs || a.device.localeCompare(b.device) || (a.ch ?? 0) - (b.ch ?? 0));
  return {
    startMs,
    endMs,
    intervalS,
    registry,
    devices: specs,
    truth,
    circuits,
    faultFreeCircuitDays: circuits.filter((c) => c.faultFree).length * opts.days,
    lines: () => mergeDeviceStream(specs, startMs, endMs),
    telemetryLines: () => mergeDevices(specs, startMs, endMs),
  };
}
