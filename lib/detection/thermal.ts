/**
 * Cable thermal data: ampacity Iz per cross-section and insulation (copper, installation method B,
 * 30 °C ambient; GB/T 16895.6 / IEC 60364-5-52 tables), and the first-order conductor time constant.
 * The overload detector runs a lagged I² model against these, not a bare current threshold.
 */
import type { Insulation } from '../protocol/v1.ts';

const MM2 = [1.5, 2.5, 4, 6, 10, 16, 25, 35, 50, 70, 95, 120, 150, 185, 240, 300];
const PVC = [17.5, 24, 32, 41, 57, 76, 101, 125, 151, 192, 232, 269, 300, 341, 400, 458];
const XLPE = [23, 31, 42, 54, 75, 100, 133, 164, 198, 253, 306, 354, 393, 449, 528, 603];

/** Log-log interpolation between table rows; extrapolates with the end slopes. */
function interp(xs: number[], ys: number[], x: number): number {
  let i = 0;
  while (i < xs.length - 2 && x > xs[i + 1]) i++;
  const k = Math.log(ys[i + 1] / ys[i]) / Math.log(xs[i + 1] / xs[i]);
  return ys[i] * Math.pow(x / xs[i], k);
}

/** Continuous current-carrying capacity (A). Three loaded conductors carry ~11 % less than two. */
export function ampacityA(mm2: number, insulation: Insulation, phases: 1 | 3): number {
  const base = interp(MM2, insulation === 'XLPE' ? XLPE : PVC, mm2);
  const ins = insulation === 'rubber' ? 0.87 : 1; // 60 °C rubber derates against 70 °C PVC
  return base * ins * (phases === 3 ? 0.89 : 1);
}

/** Conductor heating time constant (s), ≈ 9–26 min from 1.5 to 240 mm² in conduit: larger sections store more heat. */
export function cableTauS(mm2: number): number {
  return 420 + 75 * Math.sqrt(mm2);
}

/** Reference ambient of the ampacity tables (°C). */
export const TABLE_AMBIENT_C = 30;
