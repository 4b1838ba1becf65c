/**
 * Alarm lifecycle per (circuit, type): M-of-N persistence per severity level, escalation only upward,
 * hysteresis through the detector's `hold` flag, and clearing after K calm samples. One active alarm
 * per slot, so a re-trigger updates it instead of opening another. Pure arithmetic on the flat state.
 */
import type { Circuit } from './circuit.ts';
import { CIRCUIT_TYPES, L_BASE, L_CALM, L_M1, L_M2, L_M3, L_OPENED, L_SEV, L_SIZE, L_VALUE, L_THRESH, L_AUX } from './slots.ts';

export const NONE = 0, OPEN = 1, ESCALATE = 2, CLEAR = 3;

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x5555);
  x = (x & 0x3333) + ((x >>> 2) & 0x3333);
  x = (x + (x >>> 4)) & 0x0f0f;
  return (x + (x >>> 8)) & 0x1f;
}

/**
 * Whether step() has anything to do: a level now, something in the persistence window, or an open alarm.
 * Detectors test this first so the common quiet sample costs no call with boxed numbers.
 */
export function busy(c: Circuit, t: number, level: number): boolean {
  return level !== 0 || (c.live & (1 << t)) !== 0;
}

/** Bring bit t of c.live in line with the state (after step, force or reset of type t). */
export function sync(c: Circuit, t: number): void {
  const b = L_BASE + t * L_SIZE;
  if (c.s[b + L_M1] !== 0 || c.s[b + L_SEV] !== 0) c.live |= 1 << t;
  else c.live &= ~(1 << t);
}

/** Recompute all of c.live (a state restored or carried over). */
export function syncAll(c: Circuit): void {
  for (let t = 0; t < CIRCUIT_TYPES.length; t++) sync(c, t);
}

/**
 * Feed one evaluated sample. `level` is 0–3 on the raise thresholds; `hold` says the condition still
 * holds on the (laxer) clear thresholds. `pers` holds [m, n, clear] per type. `calm` is how much of a report
 * interval this sample stands for (1 on the device's grid; 250-ms polling counts for its elapsed time, so a
 * burst of fast samples cannot clear an alarm in seconds). Returns the transition.
 */
export function step(
  s: Float64Array, t: number, pers: Int32Array, ts: number,
  level: number, hold: boolean, value: number, threshold: number, aux: number, calm = 1,
): number {
  const b = L_BASE + t * L_SIZE;
  // the common case: nothing now, nothing in the window, nothing open (the ≥ 2 and ≥ 3 histories are
  // subsets of the ≥ 1 history, so they are empty too)
  if (level === 0 && s[b + L_M1] === 0 && s[b + L_SEV] === 0) return NONE;
  const m = pers[t * 3], full = (1 << pers[t * 3 + 1]) - 1;
  const m1 = ((s[b + L_M1] << 1) | (level >= 1 ? 1 : 0)) & full;
  const m2 = ((s[b + L_M2] << 1) | (level >= 2 ? 1 : 0)) & full;
  const m3 = ((s[b + L_M3] << 1) | (level >= 3 ? 1 : 0)) & full;
  s[b + L_M1] = m1;
  s[b + L_M2] = m2;
  s[b + L_M3] = m3;
  const raise = popcount(m3) >= m ? 3 : popcount(m2) >= m ? 2 : popcount(m1) >= m ? 1 : 0;
  const sev = s[b + L_SEV];
  if (sev === 0) {
    if (raise === 0) return NONE;
    s[b + L_SEV] = raise;
    s[b + L_OPENED] = ts;
    s[b + L_CALM] = 0;
    record(s, b, value, threshold, aux);
    return OPEN;
  }
  if (raise > sev) {
    s[b + L_SEV] = raise;
    s[b + L_CALM] = 0;
    record(s, b, value, threshold, aux);
    return ESCALATE;
  }
  if (hold || level > 0) {
    s[b + L_CALM] = 0;
    return NONE;
  }
  // the clear record keeps the evidence of the worst moment (value, threshold) it reported
  return (s[b + L_CALM] += calm) < pers[t * 3 + 2] ? NONE : CLEAR;
}

function record(s: Float64Array, b: number, value: number, threshold: number, aux: number): void {
  s[b + L_VALUE] = value;
  s[b + L_THRESH] = threshold;
  s[b + L_AUX] = aux;
}

/** Forget an alarm after its clear record has been emitted. */
export function reset(s: Float64Array, t: number): void {
  const b = L_BASE + t * L_SIZE;
  for (let i = 0; i < L_SIZE; i++) s[b + i] = 0;
}

/** Open (or escalate) directly, for authoritative inputs such as the device's own arc alarm. */
export function force(s: Float64Array, t: number, ts: number, sev: number, value: number, threshold: number, aux: number): number {
  const b = L_BASE + t * L_SIZE;
  const cur = s[b + L_SEV];
  if (cur >= sev) {
    s[b + L_CALM] = 0;
    return NONE;
  }
  s[b + L_SEV] = sev;
  if (cur === 0) s[b + L_OPENED] = ts;
  s[b + L_CALM] = 0;
  record(s, b, value, threshold, aux);
  return cur === 0 ? OPEN : ESCALATE;
}

export function severityOf(s: Float64Array, t: number): number {
  return s[L_BASE + t * L_SIZE + L_SEV];
}
