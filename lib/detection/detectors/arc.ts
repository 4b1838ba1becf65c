/**
 * Arc fault (GB 14287.4 / GB 50166). `arc` counts half-cycles since the previous message, so a report says
 * little about any one second: a device reporting every 60–120 s that counted 14 or more may have seen GB's 14
 * half-cycles within one second (the device's own judgement arrives as an `arc_alarm` event, alarmed at once by
 * the engine), or a dimmer's bursts, a brush motor's commutation, switching. Read for what it can mean:
 *  - an average of ≥ 14/s over the report is sustained arcing beyond doubt: 报警 at once (危急 when it lasts);
 *  - sustained sub-limit arcing (≥ `arcPrewarnPerS`, default 7/s, over 3 reports) — well beyond commutator or
 *    dimmer noise, which GB's masking tests keep low — is a 预警;
 *  - a series arc in a loose or carbonised contact is intermittent: bursts of tens of half-cycles per second
 *    lasting a fraction of a second to seconds, more and longer as the carbon path grows. Each report that may
 *    hold such a burst (≥ 14 half-cycles, with current flowing) adds evidence — more for counts no dimmer makes
 *    (> 54: two 3-s bursts at 9/s) — unless the load explains it (the load switched in that report, or the same
 *    appliance keeps a steady count from report to report: commutator noise). The evidence decays over ~3 h.
 *    Growing arcing stands out against the circuit's own history: the largest evidence its loads have shown in
 *    the past days (6-h slots, lagged by one slot so an arc growing now cannot teach it). Counts within what a
 *    dimmer can make are support, not proof: a report beyond them must be among the last 3 h of evidence (a
 *    dimmer installed yesterday raises nothing). Until the lagged history holds a whole day (36 h) a prudent
 *    level stands in for it. 预警; 报警 when the evidence doubles beyond that.
 */
import type { Circuit } from '../circuit.ts';
import { busy } from '../lifecycle.ts';
import { V, V_TS, V_ELAPSED } from '../reading.ts';
import { judge, type DetectionRecord } from '../records.ts';
import { AR_BIG, AR_PEND, AR_PREV_C, AR_PREV_I, AR_RING, AR_S, AR_SLOT, AR_SLOTS, ARC_PRE, ARC_RATE, ARC_RUN, F_ARC, F_IA, G_FIRST, T_ARC } from '../slots.ts';

const DIMMER_MAX = 54;
const PREWARN_RUN = 3;
const BURST_MIN = 14;
const TAU_S = 3 * 3600;
const SLOT_MS = 6 * 3_600_000;
const YOUNG_MS = 36 * 3_600_000;
const YOUNG_LEVEL = 7;
const MIN_EVIDENCE = 2;
const BIG_WITHIN_MS = 3 * 3_600_000;
const LOAD_STEP_A = 1.5;
/** aux of the record: 0 GB rate, 1 sustained sub-limit, 2 growing bursts beyond the circuit's own history */
export const ARC_GB = 0, ARC_SUSTAINED = 1, ARC_BURSTS = 2;

/**
 * Evidence of one report (see the module comment); i the circuit's largest phase current as read. A big count
 * that follows a quiet report may be an appliance starting whose current step hides in the rest of the load:
 * its weight waits one report (AR_PEND) — kept when the next report is not the same steady count, dropped when
 * it is (a commutator runs on; a burst does not).
 */
function evidence(c: Circuit, count: number, i: number): number {
  const s = c.s, prevC = s[AR_PREV_C], prevI = s[AR_PREV_I], pend = s[AR_PEND];
  s[AR_PREV_C] = count;
  s[AR_PREV_I] = i;
  s[AR_PEND] = 0;
  const steady = prevC >= BURST_MIN && count >= BURST_MIN && count < 3 * prevC && prevC < 3 * count && Math.abs(i - prevI) < 0.2 * Math.max(i, prevI);
  let w = pend > 0 && !steady ? pend : 0;
  if (count < BURST_MIN || !(i >= 1)) return w; // a series arc needs current to live
  // the load switched by an appliance's worth (switching arcs, a commutator motor starting)
  if (prevI === prevI && Math.abs(i - prevI) >= LOAD_STEP_A) return w;
  // the same appliance still running (a commutator's count follows its running time; the report that caught
  // its start holds only part of an interval, hence the factor 3)
  if (steady) return w;
  if (count <= DIMMER_MAX) return w + 0.34;
  s[AR_BIG] = V[V_TS];
  const big = 1 + Math.log2(count / DIMMER_MAX);
  if (!(prevC >= BURST_MIN)) s[AR_PEND] = big;
  else w += big;
  return w;
}

/** Bring the ring of 6-h slots up to the present one (the slots that passed start empty); returns its index. */
function rotate(s: Float64Array, ts: number): number {
  const slot = Math.floor(ts / SLOT_MS);
  let cur = s[AR_SLOT];
  if (cur !== cur || slot - cur >= AR_SLOTS) { for (let k = 0; k < AR_SLOTS; k++) s[AR_RING + k] = 0; cur = slot; }
  while (cur < slot) { cur++; s[AR_RING + (cur % AR_SLOTS)] = 0; }
  s[AR_SLOT] = slot;
  return slot;
}

/** The circuit's own nuisance level: the largest evidence of past 6-h slots but the current and previous one. */
function nuisanceLevel(s: Float64Array, slot: number): number {
  let base = 0;
  for (let k = 2; k < AR_SLOTS; k++) {
    const v = s[AR_RING + ((slot - k) % AR_SLOTS)];
    if (v > base) base = v;
  }
  return base;
}

export function arc(c: Circuit, out: DetectionRecord[]): void {
  const ts = V[V_TS];
  const count = V[F_ARC], elapsedS = V[V_ELAPSED];
  if (count !== count) return; // absent or withheld by sensor health
  const s = c.s;
  if (s[G_FIRST] !== s[G_FIRST]) s[G_FIRST] = ts;
  const rate = count / elapsedS;
  s[ARC_RATE] = rate;
  const thr = c.prof.arcPerS;
  s[ARC_RUN] = rate >= thr ? s[ARC_RUN] + 1 : 0;
  const pre = c.prof.arcPrewarnPerS;
  s[ARC_PRE] = pre > 0 && rate >= pre && count > DIMMER_MAX ? s[ARC_PRE] + 1 : 0;
  // bursts: evidence decays over ~3 h of sample time; judged against this circuit's own past
  // the currents as read (not held for the thermal models: a load that just started is what explains counts)
  let i = V[F_IA];
  if (V[F_IA + 1] > i || i !== i) i = V[F_IA + 1];
  if (V[F_IA + 2] > i || i !== i) i = V[F_IA + 2];
  const ev = evidence(c, count, i);
  let score = s[AR_S];
  if (score !== 0) score = score < 0.01 ? 0 : score * Math.exp(-Math.min(elapsedS, 4 * c.intervalS) / TAU_S);
  score += ev;
  s[AR_S] = score;
  let inferred = 0, trigger = MIN_EVIDENCE;
  if (score > 0) {
    const slot = rotate(s, ts);
    // a young circuit's history holds no full day in its lagged slots: a prudent level stands in for it
    if (score >= MIN_EVIDENCE) trigger = Math.max(ts - s[G_FIRST] < YOUNG_MS ? YOUNG_LEVEL : MIN_EVIDENCE, 2 * nuisanceLevel(s, slot) + 1);
    // learn only what stays below the trigger: a growing arc is not this circuit's nuisance level
    const j = AR_RING + (slot % AR_SLOTS);
    if (score < trigger && score > s[j]) s[j] = score;
    // bursts within what dimmers make are support, not proof: a report beyond them must be among the evidence
    if (score >= trigger && ts - s[AR_BIG] <= BIG_WITHIN_MS) inferred = score >= 2 * trigger ? 2 : 1;
  }
  let level = 0, aux = ARC_GB, value = rate, th = thr;
  if (rate >= thr) level = s[ARC_RUN] >= 3 || rate >= 4 * thr ? 3 : 2;
  else if (s[ARC_PRE] >= PREWARN_RUN) { level = 1; aux = ARC_SUSTAINED; th = pre; }
  if (inferred > level) { level = inferred; aux = ARC_BURSTS; value = score; th = trigger; }
  const hold = rate > 9 || s[ARC_PRE] > 0 || score >= 0.6 * trigger;
  if (busy(c, T_ARC, level)) judge(c, T_ARC, ts, level, hold, value, th, aux, out);
}
