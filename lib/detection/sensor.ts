/**
 * Sensor health per measured field: disconnected (rail or implausible), stuck (identical readings for
 * an hour), spiking (repeated one-sample excursions that return), missing (a field that used to come
 * stops coming). Drift is judged by the heating model (offset not explained by load). A flagged field
 * is withheld from the hazard detectors so a broken sensor raises sensor_fault, not a false fire alarm.
 */
import type { Circuit } from './circuit.ts';
import { V, V_ELAPSED, V_IR_COMMON, V_SELFTEST, V_TS } from './reading.ts';
import {
  A_DAY, AMB_T, FIELDS, G_BADMASK, G_SWING, I_PREV, S_BASE, S_SIZE, S_LAST, S_REPEAT, S_SEEN, S_MISS, S_BAD, S_OK, S_SPIKES, S_PEND, S_GOOD, S_SINCE, S_EXPL,
  SENSOR_OK, SENSOR_STUCK, SENSOR_DRIFT, SENSOR_SPIKE, SENSOR_DISCONNECTED, SENSOR_MISSING, F_ARC, F_IA, F_IB, F_IC, F_IR, F_TA, F_TB, F_TC, F_TN, F_UA, RS_SPIKEV,
} from './slots.ts';

// an hour of bit-identical readings from a live, noisy sensor — an hour of sample time: a device polled every
// 250 ms (commissioning) repeats its 0.1-resolution reading hundreds of times in a minute, honestly
const STUCK_MS = 3_600_000;
const STUCK_MIN_SAMPLES = 20;
const MISS_SAMPLES = 3;
const SEEN_BEFORE_MISS = 10;
const CLEAR_OK_SAMPLES = 30; // report intervals' worth of healthy readings
const SPIKE_FAULT = 2.5; // decaying spike count (≈ per day) that makes a sensor "spiking"

/** Largest plausible one-sample change per field; bigger jumps that come back are spikes (see Circuit.jumpLim). */
export function jumpLimit(f: number, inA: number): number {
  if (f >= F_TA && f <= F_TN) return TEMP_JUMP_K; // K: terminals have thermal mass
  if (f === F_IR) return 200; // mA
  if (f < F_IR) return 8 * inA; // beyond any motor inrush (3–6×)
  if (f === F_ARC) return Infinity; // arcing starts abruptly; impossibility is judged by arcCount()
  return 120; // V: supply voltages drift, they do not jump by half
}


/** K: the largest one-interval swing a terminal's own heat can explain (a hot joint as its load switches). */
const SWING_MAX = 100;
const RAIL_LO = -39.5, RAIL_HI = 299.5; // °C: the ends of the protocol's range (open / shorted NTC)
const TEMP_JUMP_K = 15; // largest plausible one-sample change of a terminal (thermal mass)

/** The channel's raw readings in FIELDS order (NaN = absent), filled by processChannel before sensorFields(). */
export const RAW = new Float64Array(FIELDS.length);
/**
 * [0]: the leakage reading held back this sample as a possible spike by an otherwise healthy sensor (NaN when
 * none). The residual-current detector, with its own M-of-N persistence, counts it: a rising earth fault jumps by
 * more than the spike limit report after report, and holding each jump back would delay the alarm by a report
 * per jump. (Only leakage: the other detectors' inputs stay withheld.)
 */
export const HELD_IR = new Float64Array(2);
/** HELD_IR[1]: what explains this sample's leakage reading as a transient (panelTransient), 0 nothing */
export const IR_TRANSIENT = 1;
const F_UB = F_UA + 1, F_UC = F_UA + 2;

/**
 * Every field's health, into V[f]: the value the hazard detectors may use (NaN when absent or withheld).
 * One loop over the fields in FIELDS order (currents first: the temperatures need the load's swing). A
 * terminal with a high-resistance joint jumps tens of K as its load switches — that is heat, not a spike —
 * so a temperature jump in an interval where the load switched materially (this or the previous one) is
 * excused. Terminals b/c and voltages b/c exist on three-phase circuits only.
 */
export function sensorFields(c: Circuit): void {
  const s = c.s, three = c.three;
  // the arc counter first: at 50 Hz there are at most 100 half-cycles per second, so a count above that is
  // a corrupted reading (counted as a spike, its last value kept, the field withheld this sample); a counter
  // saturated at the ceiling (arcing in every half-cycle) repeats its maximum honestly — not a stuck sensor
  let arcImpossible = false;
  {
    const raw = RAW[F_ARC], el = V[V_ELAPSED], b = S_BASE + F_ARC * S_SIZE;
    if (raw > 100 * el + 5) {
      arcImpossible = true;
      s[b + S_SPIKES] += 1;
      RAW[F_ARC] = s[b + S_LAST] === s[b + S_LAST] ? s[b + S_LAST] : 0;
    } else if (raw >= 99 * el) s[b + S_REPEAT] = 0;
  }
  let swing = 0;
  // healthy samples count for the time they stand for (fast polling does not clear a flag in seconds)
  const el = V[V_ELAPSED] / c.intervalS, calm = el < 1 ? el : 1;
  HELD_IR[0] = NaN;
  HELD_IR[IR_TRANSIENT] = 0;
  if (!three) V[F_IB] = V[F_IC] = V[F_TB] = V[F_TC] = V[F_UB] = V[F_UC] = NaN;
  const fields = c.fields; // single-phase circuits skip phases b/c without testing every field
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k];
    const temp = f >= F_TA && f <= F_TN;
    if (f === F_TA) swing = loadSwing(c);
    const raw = RAW[f];
    const b = S_BASE + f * S_SIZE;
    if (raw !== raw) {
      // a field that used to come and stops: missing (one never seen costs nothing)
      if (s[b + S_SEEN] >= SEEN_BEFORE_MISS && ++s[b + S_MISS] >= MISS_SAMPLES) flag(s, f, SENSOR_MISSING);
      V[f] = NaN;
      continue;
    }
    s[b + S_SEEN]++;
    s[b + S_MISS] = 0;
    // judged here, while the previous currents are still in I_PREV (held() moves them on)
    if (f === F_IR && raw >= 0.5 * c.prof.residualSetMa) HELD_IR[IR_TRANSIENT] = panelTransient(c);
    let suspect = false;
    let code = SENSOR_OK;
    // disconnected: an open or shorted NTC jumps to an end of the range (a terminal that climbed there with its
    // last good readings is a real, saturated reading — a joint running away) or reads implausibly far below
    // the panel air; leakage and current transformers have their own rails; 0 V is a supply fact (judged by
    // voltage_abnormal) and arcs have no rail
    if (temp
      ? raw <= RAIL_LO || raw >= RAIL_HI ? !(Math.abs(raw - s[b + S_GOOD]) <= TEMP_JUMP_K) : raw < s[AMB_T] - 25
      : f === F_IR ? raw >= 29_999 : f < F_IR && raw >= 6299) code = SENSOR_DISCONNECTED;

    // stuck: bit-identical for an hour of sample time; zero load current is a legitimate steady reading (leakage
    // never sits at 0), and so is a terminal saturated at an end of the range
    const prev = s[b + S_LAST];
    if (raw === prev && !(raw === 0 && (f < F_IR || f === F_ARC)) && !(temp && (raw <= RAIL_LO || raw >= RAIL_HI))) s[b + S_REPEAT]++;
    else { s[b + S_REPEAT] = 0; s[b + S_SINCE] = V[V_TS]; }
    s[b + S_LAST] = raw;
    if (s[b + S_REPEAT] >= STUCK_MIN_SAMPLES && V[V_TS] - s[b + S_SINCE] >= STUCK_MS) code = code || SENSOR_STUCK;

    // spikes: a jump held back one sample; confirmed when the next sample returns
    const lim = c.jumpLim[f];
    if (s[b + S_SPIKES] !== 0) s[b + S_SPIKES] *= 1 - s[A_DAY];
    {
      const pend = s[b + S_PEND];
      let stepped = false;
      if (pend === pend) {
        s[b + S_PEND] = NaN;
        // a jump every CT of the panel made at once (a surge, the device's self-test) or a motor start's CT
        // asymmetry is a real transient reading, not a failing sensor
        if (Math.abs(raw - pend) < lim / 2) {
          if (s[b + S_EXPL] === 0) s[b + S_SPIKES] += 1;
          if (f === F_IR) s[RS_SPIKEV] = prev; // what that excursion read: a detector's test current repeats
        }
        else if (raw === prev) { s[b + S_PEND] = pend; suspect = true; } // frozen after an impossible jump
        else stepped = true; // it stayed and lives: a real step, accept it
      }
      const good = s[b + S_GOOD];
      const jump = raw - good;
      if (!stepped && !suspect && good === good && Math.abs(jump) > lim && code === SENSOR_OK && !(temp && swing && Math.abs(jump) < SWING_MAX)) {
        s[b + S_PEND] = good;
        s[b + S_EXPL] = f === F_IR && (HELD_IR[IR_TRANSIENT] !== 0 || panelTransient(c) !== 0) ? 1 : 0;
        suspect = true;
      }
    }
    if (s[b + S_SPIKES] >= SPIKE_FAULT) code = code || SENSOR_SPIKE;

    if (code !== SENSOR_OK) flag(s, f, code);
    // a drift is lifted only by the heating model (its readings look fine one by one)
    else if (s[b + S_BAD] !== SENSOR_OK && s[b + S_BAD] !== SENSOR_DRIFT && s[b + S_SPIKES] < 0.5 && (s[b + S_OK] += calm) >= CLEAR_OK_SAMPLES) healthy(s, f);
    if (code === SENSOR_OK && !suspect) s[b + S_GOOD] = raw;
    V[f] = s[b + S_BAD] !== SENSOR_OK || suspect || code !== SENSOR_OK ? NaN : raw;
    if (f === F_IR && suspect && code === SENSOR_OK && s[b + S_BAD] === SENSOR_OK) HELD_IR[0] = raw;
  }
  if (arcImpossible) V[F_ARC] = NaN;
}

/**
 * What explains this sample's leakage reading as a transient, not a circuit's leakage: PANEL when several
 * channels of the message jumped together by about the same amount (a surge coupling into every CT, the
 * device's own self-test through all of them) or the device said it ran a self-test within the last interval;
 * START when this circuit's current just started (a motor start: a CT with a little asymmetry reads a fraction
 * of a percent of the inrush as residual); 0 when nothing does. Called in the F_IR iteration, while this
 * sample's currents are in V and the previous ones still in I_PREV.
 */
export const TRANSIENT_START = 1, TRANSIENT_PANEL = 2;
export function panelTransient(c: Circuit): number {
  if (V[V_IR_COMMON] >= 2) return TRANSIENT_PANEL;
  const st = V[V_SELFTEST];
  if (st === st && st <= c.intervalMs + 5000) return TRANSIENT_PANEL;
  const s = c.s;
  // the same reading as this circuit's last one-report excursion (±3 %): the detector's test current again
  const ir = RAW[F_IR], last = s[RS_SPIKEV];
  if (last === last && ir - s[S_BASE + F_IR * S_SIZE + S_GOOD] >= 100 && Math.abs(ir - last) <= 0.03 * last) return TRANSIENT_PANEL;
  let now = V[F_IA], before = s[I_PREV];
  if (c.three) {
    if (V[F_IB] > now || now !== now) now = V[F_IB];
    if (V[F_IC] > now || now !== now) now = V[F_IC];
    if (s[I_PREV + 1] > before || before !== before) before = s[I_PREV + 1];
    if (s[I_PREV + 2] > before || before !== before) before = s[I_PREV + 2];
  }
  return now - before >= 0.3 * c.inA ? TRANSIENT_START : 0; // NaN compares false
}

/**
 * 1 when the load switched materially ((I/In)² of the largest phase moved by ≥ 0.05) in this interval or
 * the previous one: a terminal answers a load switch within its time constant (~3 min).
 */
function loadSwing(c: Circuit): number {
  const s = c.s, inA = c.inA;
  let iNow = V[F_IA], iPrev = s[I_PREV];
  if (c.three) {
    if (V[F_IB] > iNow || iNow !== iNow) iNow = V[F_IB];
    if (V[F_IC] > iNow || iNow !== iNow) iNow = V[F_IC];
    if (s[I_PREV + 1] > iPrev || iPrev !== iPrev) iPrev = s[I_PREV + 1];
    if (s[I_PREV + 2] > iPrev || iPrev !== iPrev) iPrev = s[I_PREV + 2];
  }
  const dx = (iNow / inA) ** 2 - (iPrev / inA) ** 2;
  const switched = dx >= 0.05 || dx <= -0.05 ? 1 : 0; // NaN compares false: no swing
  const swing = switched | s[G_SWING];
  s[G_SWING] = switched;
  return swing;
}

function flag(s: Float64Array, f: number, code: number): void {
  const b = S_BASE + f * S_SIZE;
  if (s[b + S_BAD] === SENSOR_OK || code === SENSOR_DISCONNECTED || code === SENSOR_MISSING) {
    s[b + S_BAD] = code;
    s[G_BADMASK] = s[G_BADMASK] | (1 << f);
  }
  s[b + S_OK] = 0;
}

/** Mark a field faulty from outside (drift judged by the heating model, device-reported faults). */
export function flagSensor(s: Float64Array, f: number, code: number): void {
  flag(s, f, code);
}

function healthy(s: Float64Array, f: number): void {
  s[S_BASE + f * S_SIZE + S_BAD] = SENSOR_OK;
  s[G_BADMASK] = s[G_BADMASK] & ~(1 << f);
}

/** Lift a drift flag (the heating model saw the offset vanish). */
export function unflagDrift(s: Float64Array, f: number): void {
  const b = S_BASE + f * S_SIZE;
  if (s[b + S_BAD] === SENSOR_DRIFT) healthy(s, f);
}

/** The worst flagged field as `field * 10 + code` (for the reason), or 0 when all are healthy. */
export function worstSensor(s: Float64Array): number {
  if (s[G_BADMASK] === 0) return 0;
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
