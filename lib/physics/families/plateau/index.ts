/**
 * The plateau scenario family — written for the detection benchmark from first principles, apart from the
 * project's own simulator (lib/physics/*.ts) and without its tuning: Changdu's climate (climate.ts), cable
 * heating per IEC 60287 / IEC 60853 with breaker pole losses per IEC 60898-1 (thermal.ts), contact-resistance
 * growth of loose and oxidised terminals after Holm and Braunović (contact.ts), series-arc burst statistics and
 * the loads that imitate them per GB 14287.4 / UL 1699 / IEC 62606 (arcing.ts), leakage with humidity, RCD
 * self-tests and surges per IEC 60364 / IEEE 43 / GB 14287.2 (leakage.ts), Changdu load schedules (loads.ts),
 * panel boxes in sun and beside heaters per IEC/TR 60890 (panel.ts), and field-device transport (device.ts).
 * Sources are cited in each file's header.
 *
 * One world per (seed, season, variant) is reported at 60 s or 120 s: the physics is stepped every minute in
 * both, so the two streams describe the same events at two sampling rates.
 */
import type { RegistryEntry } from '../../../protocol/v1.ts';
import { Rng, hash32 } from '../../rng.ts';
import type { FamilyCircuit, FamilyLine, FamilyScenario, FamilyTruth } from '../types.ts';
import type { Season } from './climate.ts';
import { PlateauDevice, STEP_MS, type Item, type PlateauDeviceSpec } from './device.ts';
import { buildFleet, transportFor, type FleetCircuit, type Variant } from './fleet.ts';
import { mergeItems } from './merge.ts';
import { planFaults, planOthers } from './plan.ts';

export type { Season } from './climate.ts';
export type { Variant } from './fleet.ts';

export interface PlateauOptions {
  seed: number;
  season: Season;
  variant: Variant;
  /** a Beijing midnight */
  startMs: number;
  days: number;
  devices: number;
  /** day of the year of the scenario (the sun's declination) */
  doy: number;
}

export interface PlateauWorld {
  devices: PlateauDeviceSpec[];
  truth: FamilyTruth[];
  circuits: FamilyCircuit[];
  startMs: number;
  endMs: number;
  days: number;
}

/** Build the world and its ground truth (pre-running the faulted devices) for report intervals 60 and 120 s. */
export function plateauWorld(o: PlateauOptions): PlateauWorld {
  const fo = { seed: o.seed, season: o.season, variant: o.variant, startMs: o.startMs, days: o.days, devices: o.devices, doy: o.doy };
  const { devices, circuits } = buildFleet(fo);
  const rng = new Rng(hash32(o.seed, 0xfa17));
  const truth: FamilyTruth[] = [];
  const labels = new Map<string, { label: FamilyCircuit['label']; kind: string }>();
  devices.forEach((d, i) => {
    const { t, selfTests } = transportFor(fo, i, o.variant);
    d.transport = t;
    d.selfTests = selfTests;
  });
  planOthers(fo, devices, circuits, rng, truth, labels);
  planFaults(fo, devices, circuits, rng, truth, labels);
  const famCircuits: FamilyCircuit[] = circuits.map((c: FleetCircuit) => {
    const e = c.spec.entry, l = labels.get(`${e.device}/${e.ch}`);
    return { device: e.device, ch: e.ch, label: l?.label ?? 'clean', kind: l?.kind ?? null, faultFree: l?.label !== 'fault' };
  });
  truth.sort((a, b) => a.onsetMs - b.onsetMs || a.device.localeCompare(b.device) || (a.ch ?? 0) - (b.ch ?? 0));
  return { devices, truth, circuits: famCircuits, startMs: o.startMs, endMs: o.startMs + o.days * 86_400_000, days: o.days };
}

/** The world as reported every `intervalS` (60 or 120) seconds. */
export function plateauScenario(w: PlateauWorld, intervalS: 60 | 120): FamilyScenario {
  const every = intervalS / (STEP_MS / 1000);
  const registry: RegistryEntry[] = w.devices.flatMap((d) => d.circuits.map((c) => ({ ...c.entry, reportIntervalS: intervalS })));
  // dangers and end times were computed per interval: pick this one's
  const truth = w.truth.map((g) => {
    const at = g.detail[`danger${intervalS}`];
    const hid = g.detail[`hidden${intervalS}`];
    return { ...g, dangerMs: typeof at === 'number' ? at : g.dangerMs, detail: { ...g.detail, ...(typeof hid === 'number' ? { sensorHiddenMs: hid } : {}) } };
  });
  const topics = w.devices.flatMap((d) => { const m = new PlateauDevice(d); return [m.topic, m.eventTopic, m.statusTopic]; });
  return {
    startMs: w.startMs, endMs: w.endMs, intervalS, registry, topics, truth, circuits: w.circuits,
    faultFreeCircuitDays: w.circuits.filter((c) => c.faultFree).length * w.days,
    lines: () => streamOf(w, every),
  };
}

function* deviceItems(spec: PlateauDeviceSpec, every: number, endMs: number): Generator<Item> {
  const dev = new PlateauDevice(spec);
  for (const c of dev.circuits) c.intervalS = every * 60;
  const buf: Item[] = [];
  for (let j = 0; dev.timeOf(j) < endMs; j++) {
    dev.step(j);
    if (j % every !== 0) continue;
    buf.length = 0;
    dev.report(j, every, buf);
    dev.statusItems(dev.timeOf(j) - every * STEP_MS, dev.timeOf(j), buf);
    buf.sort((a, b) => a.ts - b.ts);
    yield* buf;
  }
}

function* streamOf(w: PlateauWorld, every: number): Generator<FamilyLine> {
  for (const it of mergeItems(w.devices.map((d) => deviceItems(d, every, w.endMs)))) yield { topic: it.topic, payload: it.payload };
}
