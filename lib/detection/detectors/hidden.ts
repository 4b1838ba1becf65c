/**
 * A failing sensor hides a condition; it does not end it. A terminal that was hot or climbing and then reads
 * its sensor's limit, open circuit, or nothing at all (a thermistor destroyed by the heat it measures reads
 * exactly like that) is the worst case, not a recovery: its heat alarm is kept — raised to 危急 when the last
 * trusted readings were at the set point or still climbing toward it ("读数丢失前温度持续上升，按起火处置") —
 * and the sensor fault is raised beside it. The same sensor failing on a circuit that was not hot is a sensor
 * fault only. The field comes back into the judgement once its sensor is trusted again.
 */
import { G_HIDDEN, H_BASE, H_SIZE, H_TPREV, H_TRATE, S_BAD, S_BASE, S_MISS, S_SEEN, S_SIZE, SENSOR_DRIFT, SENSOR_OK } from '../slots.ts';

/** aux flag of a heat alarm kept by a failed sensor: +HOT when it was hot or climbing (treat as fire), +HELD otherwise */
export const AUX_HIDDEN_HOT = 100;
export const AUX_HIDDEN_HELD = 200;

/**
 * Field f (a temperature) cannot be seen now because of its sensor: flagged stuck, spiking, disconnected or
 * missing, or absent after having come (before the missing flag is raised). A drift is not hiding anything:
 * its raw values still feed the heating model.
 */
export function hiddenField(s: Float64Array, f: number): boolean {
  const b = S_BASE + f * S_SIZE, bad = s[b + S_BAD];
  if (bad !== SENSOR_OK) return bad !== SENSOR_DRIFT;
  return s[b + S_MISS] > 0 && s[b + S_SEEN] >= 10;
}

/** Last trusted reading of terminal i (0–3, ta…tn) and whether it was climbing, from the overtemperature tracker. */
export function lastTrusted(s: Float64Array, i: number): number {
  return s[H_BASE + i * H_SIZE + H_TPREV];
}
/** climbing: more than 1 K/h on the smoothed rate (below that a reading's noise) */
export function wasClimbing(s: Float64Array, i: number): boolean {
  return s[H_BASE + i * H_SIZE + H_TRATE] > 1 / 3600;
}

/** Mark terminal i hidden (returns true when it was not before: the alarm's record should say so). */
export function markHidden(s: Float64Array, i: number): boolean {
  const m = s[G_HIDDEN], bit = 1 << i;
  if (m & bit) return false;
  s[G_HIDDEN] = m | bit;
  return true;
}
export function clearHidden(s: Float64Array, i: number): void {
  const m = s[G_HIDDEN];
  if (m !== 0) s[G_HIDDEN] = m & ~(1 << i);
}
