/** Shared types of the physics core: injections, ground truth, the per-sample environment. */
import type { AlarmType } from '../protocol/v1.ts';

export const FAULT_KINDS = [
  'loose_connection',
  'overload',
  'insulation_degradation',
  'earth_fault',
  'series_arc',
  'neutral_fault',
  'harmonic_neutral',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const NUISANCE_KINDS = [
  'inrush',
  'sun_on_box',
  'heater_beside_sensor',
  'dawn_condensation',
  'rcd_test',
  'high_leakage_appliance',
  'festival_peak',
  'dimmer_arc',
] as const;
export type NuisanceKind = (typeof NUISANCE_KINDS)[number];
/** Nuisances acting on the whole panel (ground truth `ch` is null). */
export const DEVICE_NUISANCES: readonly NuisanceKind[] = ['sun_on_box', 'heater_beside_sensor', 'dawn_condensation'];

export const SENSOR_KINDS = ['stuck', 'drift', 'spikes', 'disconnected', 'missing_field'] as const;
export type SensorKind = (typeof SENSOR_KINDS)[number];

export const TRANSPORT_KINDS = ['dropout', 'offline', 'duplicate'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

export type InjectionKind = FaultKind | NuisanceKind | SensorKind | TransportKind;
export type InjectionClass = 'fault' | 'nuisance' | 'sensor' | 'transport';

/** Pole of a circuit: phases a/b/c and neutral n (array index 0..3). */
export type Pole = 'a' | 'b' | 'c' | 'n';
export const POLE_INDEX: Record<Pole, number> = { a: 0, b: 1, c: 2, n: 3 };
/** Channel fields a sensor fault may hit. */
export type SensorField = 'ia' | 'ib' | 'ic' | 'ir' | 'ta' | 'tb' | 'tc' | 'tn' | 'ua' | 'ub' | 'uc' | 'arc';

/**
 * One injected condition. `p` holds kind-specific numeric parameters (documented in README), chosen by the
 * scenario builder and tuned against a pre-simulation so that the physics reaches danger when intended.
 */
export interface Injection {
  kind: InjectionKind;
  class: InjectionClass;
  /** channel; null for device-level (panel nuisances, transport) */
  ch: number | null;
  onsetMs: number;
  /** exclusive end; null = until the end of time */
  endMs: number | null;
  pole?: Pole;
  field?: SensorField;
  p: Record<string, number>;
}

export interface GroundTruth {
  device: string;
  ch: number | null;
  kind: InjectionKind;
  class: InjectionClass;
  onsetMs: number;
  /** first sample time at which the simulated physics crosses the danger limit; null if never/not applicable */
  dangerMs: number | null;
  endMs: number | null;
  /** the alarm a perfect detector raises for this condition (null: must not alarm) */
  expectedAlarm: AlarmType | null;
  /** alarm types that also count as a correct detection (expectedAlarm first) */
  acceptAlarms: AlarmType[];
  pole?: Pole;
  field?: SensorField;
  /** human-readable parameters and the limit that defines danger */
  detail: Record<string, number | string>;
}

/** Panel environment of one device at one sample (computed by DeviceModel, shared by its circuits). */
export interface Env {
  /** panel air temperature, °C (terminals sit in this air) */
  ambientC: number;
  /** panel relative humidity, % */
  rh: number;
  /** supply phase-to-neutral voltages at the panel, V */
  ua: number;
  ub: number;
  uc: number;
  /** 0–1 dew on insulation surfaces (dawn condensation nuisance) */
  condensation: number;
}

/** True (noise-free, sensor-fault-free) physical state after a sample; the basis of ground truth. */
export interface CircuitTruth {
  ts: number;
  /** RMS currents a, b, c, n (A) */
  i: Float64Array;
  /** conductor (cable) temperatures a, b, c, n (°C) */
  tCable: Float64Array;
  /** terminal temperatures a, b, c, n (°C) — what the sensors measure */
  tTerm: Float64Array;
  /** voltages a, b, c at the load (V) */
  u: Float64Array;
  /** residual current (mA) */
  ir: number;
  /** arcing rate, half-cycles per second, during arcing spells */
  arcRate: number;
  /** worst relative voltage deviation from 220 V nominal */
  uDev: number;
}

export const NOMINAL_V = 220;
