/**
 * Sensor health per measured field: disconnected (rail or implausible), stuck (identical readings for
 * an hour), spiking (repeated one-sample excursions that return), missing (a field that used to come
 * stops coming). Drift is judged by the heating model (offset not explained by load). A flagged field
 * is withheld from the hazard detectors so a broken sensor raises sensor_fault, not a false fire alarm.
 */
import {
  FIELDS, S_BASE, S_SIZE, S_LAST, S_REPEAT, S_SEEN, S_MISS, S_BAD, S_OK, S_SPIKES, S_PEND, S_GOOD,
  SENSOR_OK, SENSOR_STUCK, SENSOR_DRIFT, SENSOR_SPIKE, SENSOR_DISCONNECTED, SENSOR_MISSING, F_ARC, F_IR, F_TA, F_TN, F_UA,
} from './slots.ts';

const STUCK_MS = 3_600_000; // an hour of bit-identical readings from a live, noisy sensor
const STUCK_MIN_SAMPLES = 20;
const MISS_SAMPLES = 3;
const SEEN_BEFORE_MISS = 10;
const CLEAR_OK_SAMPLES = 30;
const SPIKE_FAULT = 2.5; // decaying spike count (≈ per day) that makes a sensor "spiking"

/** Largest plausible one-sample change; bigger jumps that come back are spikes. */
function jumpLimit(f: number, inA: number): number {
  if (f >= F_TA && f <= F_TN) return 15; // K: terminals have thermal mass
  if (f === F_IR) return 200; // mA
  if (f < F_IR) return 8 * inA; // beyond any motor inrush (3–6×)
  if (f === F_ARC) return Infinity; // arcing starts abruptly; impossibility is judged by arcCount()
  return 120; // V: supply voltages drift, they do not jump by half
}

function disconnected(f: number, v: number, ambT: number): boolean {
  if (f >= F_TA && f <= F_TN) return v <= -39.5 || v >= 299.5 || v < ambT - 25; // open or shorted NTC
  if (f === F_IR) return v >= 29_999;
  if (f >= F_UA) return false; // 0 V is a supply fact, judged by voltage_abnormal; arcs have no rail
  return v >= 6299;
}

/**
 * Update one field's health and return the value the hazard detectors may use (NaN when withheld).
 * `decay` is the per-sample decay of the spike counter (1 − exp(−dt/1 day)).
 */
export function sensorStep(s: Float64Array, f: number, raw: number | undefined, intervalMs: number, decay: number, ambT: number, inA: number): number {
  const b = S_BASE + f * S_SIZE;
  if (raw === undefined) {
    if (s[b + S_SEEN] >= SEEN_BEFORE_MISS && ++s[b + S_MISS] >= MISS_SAMPLES) flag(s, b, SENSOR_MISSING);
    return NaN;
  }
  s[b + S_SEEN]++;
  s[b + S_MISS] = 0;
  let suspect = false;
  let code = SENSOR_OK;
  if (disconnected(f, raw, ambT)) code = SENSOR_DISCONNECTED;

  // stuck: bit-identical; zero load current is a legitimate steady reading (leakage never sits at 0)
  const prev = s[b + S_LAST];
  if (raw === prev && !(raw === 0 && (f < F_IR || f === F_ARC))) s[b + S_REPEAT]++;
  else s[b + S_REPEAT] = 0;
  s[b + S_LAST] = raw;
  if (s[b + S_REPEAT] >= STUCK_MIN_SAMPLES && s[b + S_REPEAT] * intervalMs >= STUCK_MS) code = code || SENSOR_STUCK;

  // spikes: a jump held back one sample; confirmed when the next sample returns
  const lim = jumpLimit(f, inA);
  s[b + S_SPIKES] *= 1 - decay;
  {
    const pend = s[b + S_PEND];
    let stepped = false;
    if (pend === pend) {
      s[b + S_PEND] = NaN;
      if (Math.abs(raw - pend) < lim / 2) s[b + S_SPIKES] += 1;
      else if (raw === prev) { s[b + S_PEND] = pend; suspect = true; } // frozen after an impossible jump
      else stepped = true; // it stayed and lives: a real step, accept it
    }
    const good = s[b + S_GOOD];
    if (!stepped && !suspect && good === good && Math.abs(raw - good) > lim && code === SENSOR_OK) {
      s[b + S_PEND] = good;
      suspect = true;
    }
  }
  if (s[b + S_SPIKES] >= SPIKE_FAULT) code = code || SENSOR_SPIKE;

  if (code !== SENSOR_OK) flag(s, b, code);
  // a drift is lifted only by the heating model (its readings look fine one by one)
  else if (s[b + S_BAD] !== SENSOR_OK && s[b + S_BAD] !== SENSOR_DRIFT && s[b + S_SPIKES] < 0.5 && ++s[b + S_OK] >= CLEAR_OK_SAMPLES) s[b + S_BAD] = SENSOR_OK;
  if (code === SENSOR_OK && !suspect) s[b + S_GOOD] = raw;
  return s[b + S_BAD] !== SENSOR_OK || suspect || code !== SENSOR_OK ? NaN : raw;
}

function flag(s: Float64Array, b: number, code: number): void {
  if (s[b + S_BAD] === SENSOR_OK || code === SENSOR_DISCONNECTED || code === SENSOR_MISSING) s[b + S_BAD] = code;
  s[b + S_OK] = 0;
}

/** Mark a field faulty from outside (drift judged by the heating model, device-reported faults). */
export function flagSensor(s: Float64Array, f: number, code: number): void {
  flag(s, S_BASE + f * S_SIZE, code);
}

/** Lift a drift flag (the heating model saw the offset vanish). */
export function unflagDrift(s: Float64Array, f: number): void {
  const b = S_BASE + f * S_SIZE;
  if (s[b + S_BAD] === SENSOR_DRIFT) s[b + S_BAD] = SENSOR_OK;
}

/** The worst flagged field as `field * 10 + code` (for the reason), or 0 when all are healthy. */
export function worstSensor(s: Float64Array): number {
  let worst = 0, worstCode = 0;
  for (let f = 0; f < FIELDS.length; f++) {
    const c = s[S_BASE + f * S_SIZE + S_BAD];
    if (c > worstCode) {
      worstCode = c;
      worst = f * 10 + c;
    }
  }
  return worst;
}

/**
 * The arc counter through sensor health. At 50 Hz there are at most 100 half-cycles per second, so a
 * count above that is a corrupted reading (counted as a spike), never an arc.
 */
export function arcCount(s: Float64Array, raw: number | undefined, elapsedS: number, intervalMs: number, decay: number): number {
  if (raw !== undefined && raw > 100 * elapsedS + 5) {
    const b = S_BASE + F_ARC * S_SIZE;
    s[b + S_SPIKES] += 1;
    sensorStep(s, F_ARC, s[b + S_LAST] === s[b + S_LAST] ? s[b + S_LAST] : 0, intervalMs, decay, NaN, 0);
    return NaN;
  }
  return sensorStep(s, F_ARC, raw, intervalMs, decay, NaN, 0);
}
