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
 *    the past days (6-h slots, lagged by one slot so an arc growing now cannot teach it). Judged after a day of
 *    history; 预警, 报警 when the evidence doubles beyond that.
 */
import type { Circuit } from '../circuit.ts';
import { busy } from '../lifecycle.ts';
import { V, V_TS, V_ELAPSED, V_HA } from '../reading.ts';
import { judge, type DetectionRecord } from '../records.ts';
import { AR_PREV_C, AR_PREV_I, AR_RING, AR_S, AR_SLOT, AR_SLOTS, ARC_PRE, ARC_RATE, ARC_RUN, F_ARC, G_FIRST, T_ARC } from '../slots.ts';

const DIMMER_MAX = 54;
const PREWARN_RUN = 3;
const BURST_MIN = 14;
const TAU_S = 3 * 3600;
const SLOT_MS = 6 * 3_600_000;
const LEARN_MS = 24 * 3_600_000;
const MIN_EVIDENCE = 2;
/** aux of the record: 0 GB rate, 1 sustained sub-limit, 2 growing bursts beyond the circuit's own history */
export const ARC_GB = 0, ARC_SUSTAINED = 1, ARC_BURSTS = 2;

/** Evidence of one report (see the module comment); i the circuit's largest held phase current. */
function evidence(c: Circuit, count: number, i: number): number {
  const s = c.s, prevC = s[AR_PREV_C], prevI = s[AR_PREV_I];
  s[AR_PREV_C] = count;
  s[AR_PREV_I] = i;
  if (count < BURST_MIN || !(i >= 1)) return 0; // a series arc needs current to live
  if (prevI === prevI && Math.abs(i - prevI) >= Math.max(1.5, 0.15 * c.inA)) return 0; // the load switched
  if (prevC >= BURST_MIN && count < 2 * prevC && prevC < 2 * count && Math.abs(i - prevI) < 0.2 * Math.max(i, prevI)) return 0; // steady appliance
  return count > DIMMER_MAX ? 1 + Math.log2(count / DIMMER_MAX) : 0.34;
}

/** The circuit's own nuisance level: the largest evidence of past 6-h slots but the current and previous one. */
function nuisanceLevel(s: Float64Array, ts: number): number {
  const slot = Math.floor(ts / SLOT_MS);
  let cur = s[AR_SLOT];
  if (cur !== cur) cur = slot;
  if (slot - cur >= AR_SLOTS) for (let k = 0; k < AR_SLOTS; k++) s[AR_RING + k] = 0;
  else while (cur < slot) { cur++; s[AR_RING + (cur % AR_SLOTS)] = 0; } // the slots that passed start empty
  s[AR_SLOT] = slot;
  let base = 0;
  for (let k = 2; k < AR_SLOTS; k++) {
    const v = s[AR_RING + ((slot - k) % AR_SLOTS + AR_SLOTS) % AR_SLOTS];
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
  let i = V[V_HA];
  if (V[V_HA + 1] > i || i !== i) i = V[V_HA + 1];
  if (V[V_HA + 2] > i || i !== i) i = V[V_HA + 2];
  const score = s[AR_S] * Math.exp(-Math.min(elapsedS, 4 * c.intervalS) / TAU_S) + evidence(c, count, i);
  s[AR_S] = score;
  const learned = ts - s[G_FIRST] >= LEARN_MS;
  const trigger = Math.max(MIN_EVIDENCE, 2 * nuisanceLevel(s, ts) + 1);
  // learn only what stays below the trigger: a growing arc is not this circuit's nuisance level
  const j = AR_RING + (Math.floor(ts / SLOT_MS) % AR_SLOTS);
  if (score < trigger && score > s[j]) s[j] = score;
  const inferred = learned && score >= trigger ? (score >= 2 * trigger ? 2 : 1) : 0;
  let level = 0, aux = ARC_GB, value = rate, th = thr;
  if (rate >= thr) level = s[ARC_RUN] >= 3 || rate >= 4 * thr ? 3 : 2;
  else if (s[ARC_PRE] >= PREWARN_RUN) { level = 1; aux = ARC_SUSTAINED; th = pre; }
  if (inferred > level) { level = inferred; aux = ARC_BURSTS; value = score; th = trigger; }
  const hold = rate > 9 || s[ARC_PRE] > 0 || (learned && score >= 0.6 * trigger);
  if (busy(c, T_ARC, level)) judge(c, T_ARC, ts, level, hold, value, th, aux, out);
}
