/**
 * Arc fault (GB 14287.4 / GB 50166): `arc` counts half-cycles since the previous message, so it is
 * normalised by the elapsed sample time. An average rate ≥ the set point (14/s) means at least one
 * second held ≥ 14 and alarms at once; ≤ 9/s can never alarm because the set point is ≥ 10.
 * Below the limit, sustained arcing may raise a warning (预警) only.
 */
import type { Circuit } from '../circuit.ts';
import { busy } from '../lifecycle.ts';
import { V, V_TS, V_ELAPSED } from '../reading.ts';
import { judge, type DetectionRecord } from '../records.ts';
import { ARC_PRE, ARC_RATE, ARC_RUN, F_ARC, T_ARC } from '../slots.ts';

const DIMMER_MAX = 54;
const PREWARN_RUN = 3;

export function arc(c: Circuit, out: DetectionRecord[]): void {
  const ts = V[V_TS];
  const count = V[F_ARC], elapsedS = V[V_ELAPSED];
  if (count !== count) return; // absent or withheld by sensor health
  const s = c.s;
  const rate = count / elapsedS;
  s[ARC_RATE] = rate;
  const thr = c.prof.arcPerS;
  s[ARC_RUN] = rate >= thr ? s[ARC_RUN] + 1 : 0;
  // pre-warning (预警, never 报警): arcing sustained over PREWARN_RUN reports above what dimmer bursts
  // can add (≤ 2 × 3 s × 9/s per report). A series arc grows; the GB alarm itself needs the 14/s limit.
  const pre = c.prof.arcPrewarnPerS;
  s[ARC_PRE] = pre > 0 && rate >= pre && count > DIMMER_MAX ? s[ARC_PRE] + 1 : 0;
  const level = rate >= thr ? (s[ARC_RUN] >= 3 || rate >= 4 * thr ? 3 : 2) : s[ARC_PRE] >= PREWARN_RUN ? 1 : 0;
  if (busy(c, T_ARC, level)) judge(c, T_ARC, ts, level, rate > 9 || s[ARC_PRE] > 0, rate, level >= 2 ? thr : pre, 0, out);
}
