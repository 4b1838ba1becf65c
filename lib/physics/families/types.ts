/**
 * What every benchmark scenario family hands the detection benchmark: a registry, the publish stream and
 * the ground truth, in the shape the project's own simulator already uses (its Scenario fits), with kinds
 * as plain strings so a family can name conditions the project's simulator does not know.
 */
import type { AlarmType, RegistryEntry } from '../../protocol/v1.ts';

export interface FamilyTruth {
  device: string;
  ch: number | null;
  kind: string;
  class: 'fault' | 'nuisance' | 'sensor' | 'transport';
  onsetMs: number;
  /** first sample time at which the physics crossed the hazard limit (null: none) */
  dangerMs: number | null;
  /** end of the condition (repair, end of the nuisance); null = until the end */
  endMs: number | null;
  expectedAlarm: AlarmType | null;
  acceptAlarms: AlarmType[];
  detail: Record<string, number | string>;
}

export interface FamilyCircuit {
  device: string;
  ch: number;
  label: 'fault' | 'nuisance' | 'sensor' | 'clean';
  kind: string | null;
  faultFree: boolean;
}

export interface FamilyLine { topic: string; payload: unknown }

export interface FamilyScenario {
  startMs: number;
  endMs: number;
  intervalS: number;
  registry: RegistryEntry[];
  /** every topic the stream may use (telemetry, event, status) */
  topics: string[];
  truth: FamilyTruth[];
  circuits: FamilyCircuit[];
  faultFreeCircuitDays: number;
  lines(): Iterable<FamilyLine>;
}
