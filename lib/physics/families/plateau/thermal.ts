/**
 * Conductor and terminal heating for the plateau family, from published cable-rating practice rather than the
 * project's own simulator:
 *  - IEC 60287-1-1 §2.1: steady rise Δθ = I²·R(θ)·T (no dielectric loss at LV), R(θ) = R20·(1 + α20·(θ − 20)),
 *    α20 = 3.93·10⁻³ /K for copper, R20 = ρ20/S with ρ20 = 1.7241·10⁻⁸ Ω·m (IEC 60228 class 2 ≈ this).
 *  - The total thermal resistance T follows from the rated current: at Iz and 30 °C the conductor sits at the
 *    insulation limit (IEC 60364-5-52 Table B.52.4/B.52.5, method B1 — what a registry's cable implies).
 *  - IEC 60853-1/-2 transient: a two-loop ladder — conductor + insulation (seconds) and the cable surface with
 *    its conduit/wall (tens of minutes). The first loop is far faster than a report interval and is taken
 *    quasi-steady; the second is integrated exactly.
 *  - Heat capacities 3.45 J/(cm³·K) for copper, 1.7 J/(cm³·K) for PVC (IEC 60853-2 Table 1).
 *  - Altitude: natural convection h ∝ (ρ_air)^0.5 (Gr^0.25 scaling); at 3,240 m ρ ≈ 0.70·ρ0, so the convective
 *    half of the external resistance grows by ~1/√0.7 and T_ext by 5–10 %.
 *  - Grouping: IEC 60364-5-52 Table B.52.17 factors 0.7–0.9 for bundled circuits — a grouped cable's real
 *    ampacity is below the table's, so honest load heats it more.
 *  - Breaker pole loss: IEC 60898-1 Table 15 (max power loss per pole, e.g. 3.5 W at 16 A, 4.5 W at 32 A,
 *    13 W at 63 A; real devices 45–75 % of it); half of it reaches the outgoing terminal where the NTC sits.
 */
import type { Insulation } from '../../../protocol/v1.ts';

const MM2 = [1.5, 2.5, 4, 6, 10, 16, 25, 35, 50, 70, 95, 120, 150, 185, 240];
// IEC 60364-5-52, copper, method B1: [2 loaded conductors, 3 loaded conductors]
const PVC2 = [17.5, 24, 32, 41, 57, 76, 101, 125, 151, 192, 232, 269, 300, 341, 400];
const PVC3 = [15.5, 21, 28, 36, 50, 68, 89, 110, 134, 171, 207, 239, 262, 296, 346];
const XLPE2 = [23, 31, 42, 54, 75, 100, 133, 164, 198, 253, 306, 354, 393, 449, 528];
const XLPE3 = [20, 28, 37, 48, 66, 88, 117, 144, 175, 222, 269, 312, 342, 384, 450];
export const ALPHA_CU = 3.93e-3;
const RHO20 = 1.7241e-8;

/** Table ampacity (A) of a copper cable, method B1, 30 °C. Rubber (60 °C) derated from PVC by √(30/40). */
export function tableIz(mm2: number, ins: Insulation, phases: 1 | 3): number {
  let i = MM2.findIndex((x) => x >= mm2);
  if (i < 0) i = MM2.length - 1;
  const pvc = (phases === 3 ? PVC3 : PVC2)[i], xlpe = (phases === 3 ? XLPE3 : XLPE2)[i];
  const scale = mm2 / MM2[i]; // off-table sections: Iz ∝ S^0.62 around the row
  const f = Math.pow(scale, 0.62);
  return (ins === 'XLPE' ? xlpe : ins === 'rubber' ? pvc * Math.sqrt(30 / 40) : pvc) * f;
}

export interface CableParams {
  /** conductor resistance per metre at 20 °C (Ω/m) */
  r20: number;
  /** thermal resistance of insulation (T1) and of the surroundings (T_ext), K·m/W */
  t1: number;
  tExt: number;
  /** time constant of the outer loop (s) */
  tauS: number;
  /** the insulation's limit (°C) */
  limitC: number;
}

/**
 * Cable parameters from its rating: T_total from Iz at the insulation limit, split insulation/surroundings,
 * multiplied by the installation's real condition (altitude, grouping) — `derate` ≥ 1 scales T_ext.
 */
export function cableParams(mm2: number, ins: Insulation, phases: 1 | 3, limitC: number, derate: number, massFactor: number): CableParams {
  const iz = tableIz(mm2, ins, phases);
  const r20 = RHO20 / (mm2 * 1e-6);
  const tTot = (limitC - 30) / (iz * iz * r20 * (1 + ALPHA_CU * (limitC - 20)));
  const d = 2 * Math.sqrt(mm2 / Math.PI); // mm
  const th = mm2 <= 6 ? 0.8 : mm2 <= 16 ? 1.0 : mm2 <= 35 ? 1.2 : mm2 <= 70 ? 1.4 : 1.6; // mm, GB/T 5023 / IEC 60227
  const c1 = 3.45e6 * mm2 * 1e-6 + 1.7e6 * Math.PI * th * (d + th) * 1e-6; // J/(K·m)
  const t1 = 0.12 * tTot;
  const tExt = (tTot - t1) * derate;
  return { r20, t1, tExt, tauS: c1 * (1 + massFactor) * tExt, limitC };
}

/** Conductor resistance per metre at θ (°C). */
export const rAt = (r20: number, theta: number): number => r20 * (1 + ALPHA_CU * (theta - 20));

/**
 * One step of the outer loop: `rise2` (surface over cable ambient, K) toward I²R(θ)·T_ext, exact for the step;
 * returns the new conductor temperature given the cable's ambient. The inner loop is quasi-steady.
 */
export function stepCable(p: CableParams, state: Float64Array, k: number, iA: number, ambC: number, a: number): number {
  const theta = ambC + state[k] + state[k + 1];
  const w = iA * iA * rAt(p.r20, theta); // W/m
  state[k + 1] += (w * p.tExt - state[k + 1]) * a; // outer loop
  state[k] = w * p.t1; // inner loop, quasi-steady
  return ambC + state[k] + state[k + 1];
}

/** IEC 60898-1 Table 15 maximum power loss per pole (W) for an MCB of rating In; MCCBs above 63 A. */
export function maxPoleLossW(inA: number): number {
  if (inA <= 10) return 3;
  if (inA <= 16) return 3.5;
  if (inA <= 25) return 4.5;
  if (inA <= 32) return 6;
  if (inA <= 40) return 7.5;
  if (inA <= 50) return 9;
  if (inA <= 63) return 13;
  return 13 + 0.09 * (inA - 63); // moulded-case breakers: ~0.1 W/A more
}
