/**
 * Ground truth of the plateau family by pre-running each faulted device's own physics (the same code and the
 * same hashed draws as the stream): the first report time at which the hazard is physically reached —
 *  - loose/oxidised terminal: that terminal at or above the insulation's limit;
 *  - overload: a conductor at or above the insulation's limit (IEC 60287 rating temperature);
 *  - insulation degradation, earth fault: leakage at or above 300 mA (GB 50116's lower set point);
 *  - series arc: ≥ 200 J of arc energy within about a minute (ignition of PVC beside the gap, arcing.ts).
 * A loose terminal's growth rate is sized so that it reaches danger roughly when intended; the trajectory
 * decides the rest.
 */
import { PlateauDevice, STEP_MS, type PlateauDeviceSpec } from './device.ts';

export type FaultKind = 'loose_connection' | 'overload' | 'insulation_degradation' | 'earth_fault' | 'series_arc';
export const LIMIT_MA = 300;
export const ARC_IGNITION_J = 200;

export interface FaultRef { kind: FaultKind; ch: number }
export interface Danger {
  /** first report time over the limit, per report interval (s) */
  at: Map<number, number | null>;
  /** loose terminals: first report at which the faulty terminal's sensor read its top or had died */
  hiddenAt: Map<number, number | null>;
}

function dangerous(dev: PlateauDevice, f: FaultRef): boolean {
  const k = dev.spec.circuits.findIndex((c) => c.entry.ch === f.ch);
  const c = dev.circuits[k], sp = c.spec;
  switch (f.kind) {
    case 'loose_connection': return c.terminal(sp.contact!.pole) >= sp.entry.maxConductorC;
    case 'overload': return c.hottestConductor() >= sp.entry.maxConductorC;
    case 'insulation_degradation':
    case 'earth_fault': return c.leakMa() >= LIMIT_MA;
    case 'series_arc': return c.arcEnergyJ() >= ARC_IGNITION_J;
  }
}

function hidden(dev: PlateauDevice, f: FaultRef): boolean {
  if (f.kind !== 'loose_connection') return false;
  const c = dev.circuits[dev.spec.circuits.findIndex((x) => x.entry.ch === f.ch)];
  const pole = c.spec.contact!.pole;
  return c.terminal(pole) >= c.spec.sensorTopC || c.terminal(pole) > c.spec.sensorFailC;
}

/**
 * Run a device from step j0 (state as given) to j1, calling `check` after each step with its step index;
 * `check` returns true to stop early.
 */
export function run(dev: PlateauDevice, j0: number, j1: number, check: (j: number) => boolean): void {
  for (let j = j0; j < j1; j++) {
    dev.step(j);
    if (check(j)) return;
  }
}

/**
 * Danger (and hidden-sensor) times of each fault of a device, for report intervals `intervals` (s): the first
 * report at or after the physics first crossed (a crossing between two reports is seen at the next one).
 */
export function dangerOf(spec: PlateauDeviceSpec, faults: FaultRef[], steps: number, intervals: number[]): Danger[] {
  const dev = new PlateauDevice(spec);
  const firstD = faults.map(() => -1), firstH = faults.map(() => -1);
  run(dev, 0, steps, (j) => {
    for (let i = 0; i < faults.length; i++) {
      if (firstD[i] < 0 && dangerous(dev, faults[i])) firstD[i] = j;
      if (firstH[i] < 0 && hidden(dev, faults[i])) firstH[i] = j;
    }
    return false;
  });
  const onGrid = (j: number, iv: number) => {
    if (j < 0) return null;
    const every = iv / (STEP_MS / 1000);
    return dev.timeOf(Math.ceil(j / every) * every);
  };
  return faults.map((_f, i) => ({
    at: new Map(intervals.map((iv) => [iv, onGrid(firstD[i], iv)])),
    hiddenAt: new Map(intervals.map((iv) => [iv, onGrid(firstH[i], iv)])),
  }));
}

/**
 * Hours from onset to danger of one fault when the device runs from a saved state at step `jOnset` (the
 * snapshot `snap`), up to `maxH`; NaN when it never gets there.
 */
export function hoursToDanger(spec: PlateauDeviceSpec, f: FaultRef, snap: Snapshot, jOnset: number, maxH: number): number {
  const dev = new PlateauDevice(spec);
  restore(dev, snap);
  let found = NaN;
  run(dev, jOnset, jOnset + Math.ceil((maxH * 3_600_000) / STEP_MS), (j) => {
    if (!dangerous(dev, f)) return false;
    found = ((j - jOnset) * STEP_MS) / 3_600_000;
    return true;
  });
  return found;
}

export interface Snapshot { panel: number[]; circuits: Float64Array[] }
export function snapshotAt(spec: PlateauDeviceSpec, j: number): Snapshot {
  const dev = new PlateauDevice(spec);
  run(dev, 0, j, () => false);
  return { panel: dev.panel.save(), circuits: dev.circuits.map((c) => c.save()) };
}
function restore(dev: PlateauDevice, s: Snapshot): void {
  dev.panel.load(s.panel);
  dev.circuits.forEach((c, i) => c.load(s.circuits[i]));
}
