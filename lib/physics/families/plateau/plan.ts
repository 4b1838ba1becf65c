/**
 * What happens in a plateau world: faults (sized, then read off the pre-run physics), sensor faults,
 * nuisances (celebrations, a heater beside the panel, outdoor sun, self-tests, brush motors, dimmers) and
 * transport conditions, each written down as ground truth. A circuit carries at most one fault or sensor fault.
 */
import type { AlarmType } from '../../../protocol/v1.ts';
import type { Rng } from '../../rng.ts';
import type { FamilyCircuit, FamilyTruth } from '../types.ts';
import type { SensorFaultKind, TempField } from './circuit.ts';
import { STEP_MS, type PlateauDeviceSpec } from './device.ts';
import type { FleetCircuit, FleetOptions } from './fleet.ts';
import { dangerOf, hoursToDanger, snapshotAt, type FaultKind, type FaultRef } from './truth.ts';

type Labels = Map<string, { label: FamilyCircuit['label']; kind: string }>;
const H = 3_600_000, D = 86_400_000;
const ACCEPT: Record<FaultKind, AlarmType[]> = {
  loose_connection: ['abnormal_heating', 'overtemperature'],
  overload: ['overload', 'overtemperature'],
  insulation_degradation: ['insulation_degradation', 'residual_current'],
  earth_fault: ['residual_current'],
  series_arc: ['arc_fault'],
};
const MIX: [FaultKind, number][] = [['series_arc', 0.025], ['overload', 0.02], ['loose_connection', 0.045], ['insulation_degradation', 0.02], ['earth_fault', 0.02]];
const key = (c: FleetCircuit) => `${c.spec.entry.device}/${c.spec.entry.ch}`;

export function planOthers(o: FleetOptions, devices: PlateauDeviceSpec[], circuits: FleetCircuit[], rng: Rng, truth: FamilyTruth[], labels: Labels): void {
  const endMs = o.startMs + o.days * D;
  const t = (device: string, ch: number | null, kind: string, cls: FamilyTruth['class'], onsetMs: number, endAt: number | null, expected: AlarmType | null, detail: Record<string, number | string> = {}) =>
    truth.push({ device, ch, kind, class: cls, onsetMs, dangerMs: null, endMs: endAt, expectedAlarm: expected, acceptAlarms: expected ? [expected] : [], detail });
  // sensor faults on 5 % of circuits, round-robin over the kinds
  const kinds: SensorFaultKind[] = ['stuck', 'open', 'short', 'missing', 'drift', 'spikes'];
  const pool = rng.shuffle(circuits.slice());
  const nSensor = Math.round(0.05 * circuits.length);
  for (let i = 0; i < nSensor; i++) {
    const c = pool[i], kind = kinds[i % kinds.length];
    const field: TempField | 'ir' = kind === 'stuck' && rng.chance(0.3) ? 'ir' : c.spec.entry.phases === 3 ? rng.pick<TempField>(['ta', 'tb', 'tc', 'tn']) : rng.pick<TempField>(['ta', 'tn']);
    const on = o.startMs + rng.range(1, o.days - 1) * D;
    const len = kind === 'drift' ? endMs - on : kind === 'spikes' ? rng.range(1, 4) * D : kind === 'open' || kind === 'short' ? rng.range(2, 24) * H : rng.range(6, 36) * H;
    const rate = kind === 'drift' ? rng.range(2, 5) * (rng.chance(0.5) ? 1 : -1) : kind === 'spikes' ? rng.range(0.02, 0.05) : 0;
    c.spec.sensorFault = { kind, field, onsetMs: on, endMs: Math.min(endMs, on + len), rate };
    t(c.spec.entry.device, c.spec.entry.ch, kind === 'open' || kind === 'short' ? 'disconnected' : kind, 'sensor', on, Math.min(endMs, on + len), 'sensor_fault', { field, rate });
    labels.set(key(c), { label: 'sensor', kind });
  }
  // celebrations: every circuit of one or two sites runs hard for 1–3 days (honest load below the cable's limit)
  const sites = [...new Set(devices.map((d) => d.site))];
  for (let n = 0; n < (o.variant === 'rural' ? 1 : 2); n++) {
    const site = rng.pick(sites);
    const on = o.startMs + Math.floor(rng.range(2, o.days - 3)) * D + 10 * H;
    const off = on + rng.range(1, 3) * D;
    for (const c of circuits.filter((x) => x.spec.entry.site === site)) {
      c.spec.celebration = { onsetMs: on, endMs: off, factor: rng.range(1.5, 2.2), capA: 0.85 * Math.min(c.spec.entry.ratedCurrentA, c.izEff) };
      if (!labels.has(key(c))) labels.set(key(c), { label: 'nuisance', kind: 'festival_peak' });
      t(c.spec.entry.device, c.spec.entry.ch, 'festival_peak', 'nuisance', on, off, null);
    }
  }
  for (let i = 0; i < devices.length; i++) {
    const d = devices[i];
    // a heater standing beside the panel for a few days (more in winter)
    if (rng.chance(o.season === 'winter' ? (o.variant === 'rural' ? 0.15 : 0.1) : 0.04)) {
      const on = o.startMs + rng.range(1, o.days - 2) * D, off = on + rng.range(2, 6) * D;
      Object.assign(d.panel, { heaterK: rng.range(6, 14), heaterOnMs: on, heaterOffMs: off, ...(rng.chance(0.3) ? { heaterFromH: 8, heaterToH: 18 } : {}) });
      t(d.device, null, 'heater_beside_sensor', 'nuisance', on, off, null);
    }
    if (d.panel.sunGainKPerWm2 > 0) t(d.device, null, 'sun_on_box', 'nuisance', o.startMs, endMs, null, { gain: d.panel.sunGainKPerWm2 });
    for (const st of d.selfTests) t(d.device, null, 'self_test', 'nuisance', st, st + 5000, null, { events: d.events ? 1 : 0 });
    const tr = d.transport;
    for (const x of tr.dropouts) t(d.device, null, 'dropout', 'transport', x.from, x.to, null, { p: x.p });
    for (const x of tr.offline) t(d.device, null, 'offline', 'transport', x.from, x.to, 'device_offline', { reboot: x.reboot ? 1 : 0 });
    for (const x of tr.duplicates) t(d.device, null, 'duplicate', 'transport', x.from, x.to, null, { p: x.p });
    for (const x of tr.fast) t(d.device, null, 'fast_reporting', 'transport', x.at, x.at + x.n * x.spacingMs, null, { n: x.n });
  }
  for (const c of circuits) {
    if (labels.has(key(c))) continue;
    const l = c.spec.load;
    const kind = l.brushA > 0 ? 'brush_motor' : c.spec.dimmerPerH > 0 ? 'dimmer_arc' : l.loadType === 'motor' ? 'inrush' : null;
    if (kind) labels.set(key(c), { label: 'nuisance', kind });
  }
}

export function planFaults(o: FleetOptions, devices: PlateauDeviceSpec[], circuits: FleetCircuit[], rng: Rng, truth: FamilyTruth[], labels: Labels): void {
  const endMs = o.startMs + o.days * D, steps = Math.ceil((o.days * D) / STEP_MS) + 1;
  const byDevice = new Map<number, { f: FaultRef; c: FleetCircuit; onset: number; targetH: number }[]>();
  const free = rng.shuffle(circuits.filter((c) => !labels.has(key(c)) || labels.get(key(c))!.label === 'nuisance'));
  for (const [kind, frac] of MIX) {
    const n = Math.max(1, Math.round(frac * circuits.length));
    for (let i = 0; i < n; i++) {
      const idx = free.findIndex((c) => fits(kind, c));
      if (idx < 0) break;
      const c = free.splice(idx, 1)[0];
      const slow = kind === 'loose_connection' || kind === 'insulation_degradation';
      const targetH = slow ? Math.exp(rng.range(Math.log(12), Math.log(96))) : kind === 'overload' ? rng.range(0.5, 6) : rng.range(1, 12);
      const latest = Math.max(o.startMs + 1.5 * D, endMs - (slow ? targetH * H + 0.5 * D : 0.5 * D));
      let onset = o.startMs + D + rng.next() * (latest - o.startMs - D);
      const sp = c.spec;
      if (kind === 'loose_connection') {
        const three = sp.entry.phases === 3;
        sp.contact = { pole: three ? rng.int(4) : rng.chance(0.6) ? 0 : 3, onsetMs: onset, f: { g0PerH: 0.05, fretPerK: rng.range(0.001, 0.004), r0Ohm: rng.range(0.001, 0.005) } };
      } else if (kind === 'overload') {
        onset = Math.floor((onset - o.startMs) / D) * D + o.startMs + rng.range(17, 21) * H; // heaters plugged in for the evening
        const total = rng.range(1.15, 1.45) * c.izEff;
        sp.overload = { onsetMs: onset, endMs: onset + rng.range(3, 10) * H, extraA: Math.max(1, total - 0.5 * c.peakA) };
      } else if (kind === 'insulation_degradation') {
        const i0 = rng.range(10, 40);
        sp.degradation = { onsetMs: onset, i0Ma: i0, tauH: targetH / Math.log(300 / i0), wet: rng.range(0.5, 2.5) };
      } else if (kind === 'earth_fault') {
        const abrupt = rng.chance(0.6);
        const start = abrupt ? rng.range(310, 700) : rng.range(60, 200);
        sp.earth = { onsetMs: onset, startMa: start, finalMa: abrupt ? start * rng.range(1.2, 2) : rng.range(400, 900), growH: abrupt ? rng.range(1, 4) : rng.range(0.5, 4),
          precursorMa: rng.chance(0.4) ? rng.range(30, 150) : 0, precursorH: rng.range(2, 12) };
      } else {
        sp.arc = { onsetMs: onset, rate0PerH: rng.range(0.5, 4), growH: rng.range(2, 10), len0S: rng.range(0.12, 0.45) };
      }
      labels.set(key(c), { label: 'fault', kind });
      const list = byDevice.get(c.device) ?? [];
      list.push({ f: { kind, ch: sp.entry.ch }, c, onset, targetH });
      byDevice.set(c.device, list);
    }
  }
  for (const [d, list] of byDevice) {
    const spec = devices[d];
    for (const x of list) {
      const sp = x.c.spec;
      if (x.f.kind === 'loose_connection') sizeLoose(spec, x.f, x.onset, x.targetH);
      if (x.f.kind === 'overload') {
        for (let k = 0; k < 4 && Number.isNaN(hoursToDanger(spec, x.f, snapshotAt(spec, stepAt(spec, x.onset)), stepAt(spec, x.onset), 12)); k++) sp.overload!.extraA *= 1.15;
      }
    }
    // the final trajectories: danger per interval, then the repair a few hours after it
    const dg = dangerOf(spec, list.map((x) => x.f), steps, [60, 120]);
    list.forEach((x, i) => {
      const first = dg[i].at.get(60) ?? null;
      const post = x.f.kind === 'loose_connection' ? rng.range(2, 6) : x.f.kind === 'series_arc' ? 1 : x.f.kind === 'insulation_degradation' ? 3 : 2;
      const repair = first === null ? Infinity : first + post * H;
      x.c.spec.repairMs = repair;
      const detail: Record<string, number | string> = { targetH: Math.round(x.targetH * 10) / 10, hoursToDanger: first === null ? 'never' : Math.round(((first - x.onset) / H) * 10) / 10 };
      for (const iv of [60, 120]) {
        const a = dg[i].at.get(iv), h = dg[i].hiddenAt.get(iv);
        if (a != null) detail[`danger${iv}`] = a;
        if (h != null && h < repair) detail[`hidden${iv}`] = h;
      }
      truth.push({ device: spec.device, ch: x.f.ch, kind: x.f.kind, class: 'fault', onsetMs: x.onset, dangerMs: first, endMs: Number.isFinite(repair) ? repair : null,
        expectedAlarm: ACCEPT[x.f.kind][0], acceptAlarms: ACCEPT[x.f.kind], detail });
    });
  }
}

function fits(kind: FaultKind, c: FleetCircuit): boolean {
  const sp = c.spec;
  if (kind === 'series_arc') return sp.arcCap && c.peakA >= 3;
  if (kind === 'overload') return sp.entry.loadType !== 'lighting';
  return true;
}

const stepAt = (spec: PlateauDeviceSpec, ts: number) => Math.max(0, Math.floor((ts - spec.phaseMs) / STEP_MS));

/** Bisect the loose terminal's growth rate (log scale) until danger comes within ±35 % of the intended time. */
function sizeLoose(spec: PlateauDeviceSpec, f: FaultRef, onset: number, targetH: number): void {
  const c = spec.circuits.find((x) => x.entry.ch === f.ch)!;
  const j0 = stepAt(spec, onset);
  const snap = snapshotAt(spec, j0);
  let lo = Math.log(0.002), hi = Math.log(3);
  for (let it = 0; it < 9; it++) {
    const mid = (lo + hi) / 2;
    c.contact!.f.g0PerH = Math.exp(mid);
    const h = hoursToDanger(spec, f, snap, j0, 2.2 * targetH + 24);
    if (!Number.isNaN(h) && Math.abs(h - targetH) <= 0.35 * targetH) return;
    if (Number.isNaN(h) || h > targetH) lo = mid; else hi = mid;
  }
  c.contact!.f.g0PerH = Math.exp(hi);
}
