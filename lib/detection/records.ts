/**
 * Alarm records as the spec defines them, plus `reasonZh` and `evidence`. One record when an alarm
 * opens, one per escalation, one when it clears, all with the same (device, ch, type, openedAt).
 */
import type { AlarmRecord, AlarmType, Severity } from '../protocol/v1.ts';
import type { Circuit } from './circuit.ts';
import { CLEAR, ESCALATE, reset, step, sync } from './lifecycle.ts';
import { V, V_ELAPSED } from './reading.ts';
import { explain, type Evidence } from './reasons.ts';
import { CIRCUIT_TYPES, L_AUX, L_BASE, L_OPENED, L_SEV, L_SIZE, L_THRESH, L_VALUE } from './slots.ts';

export type DetectionRecord = AlarmRecord & { reasonZh: string; evidence: Evidence };

export const SEVERITY_OF: readonly Severity[] = ['warning', 'warning', 'alarm', 'critical'];

/** Append the record for a lifecycle transition of circuit alarm type `t`. */
export function emit(c: Circuit, t: number, action: number, ts: number, out: DetectionRecord[]): void {
  const b = L_BASE + t * L_SIZE;
  const x = explain(c, t);
  out.push({
    device: c.device,
    ch: c.ch,
    type: CIRCUIT_TYPES[t] as AlarmType,
    severity: SEVERITY_OF[c.s[b + L_SEV]],
    openedAt: c.s[b + L_OPENED],
    clearedAt: action === CLEAR ? ts : null,
    value: x.value,
    threshold: x.threshold,
    reason: action === CLEAR ? `cleared; it was: ${x.reason}` : x.reason,
    reasonZh: action === CLEAR ? `已恢复；此前：${x.reasonZh}` : x.reasonZh,
    evidence: x.evidence,
  });
  if (action === CLEAR) reset(c.s, t);
}

/**
 * One judged sample into the lifecycle of type t (the detector found it busy()), with the record of any
 * transition; keeps c.live in line with the state.
 */
export function judge(
  c: Circuit, t: number, ts: number, level: number, hold: boolean, value: number, threshold: number, aux: number, out: DetectionRecord[],
): number {
  const el = V[V_ELAPSED] / c.intervalS;
  const act = step(c.s, t, c.pers, ts, level, hold, value, threshold, aux, el < 1 ? el : 1);
  if (act) emit(c, t, act, ts, out);
  sync(c, t);
  return act;
}

/**
 * Say something new about an open alarm without a change of severity (a sensor that fails under it): its
 * evidence is replaced and the record emitted again, same (device, ch, type, openedAt), still open.
 */
export function restate(c: Circuit, t: number, ts: number, value: number, threshold: number, aux: number, out: DetectionRecord[]): void {
  const b = L_BASE + t * L_SIZE;
  if (c.s[b + L_SEV] === 0) return;
  c.s[b + L_VALUE] = value;
  c.s[b + L_THRESH] = threshold;
  c.s[b + L_AUX] = aux;
  emit(c, t, ESCALATE, ts, out);
}
