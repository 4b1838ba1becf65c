/**
 * The one scale factor: the layout is designed at 1920×1080 and scaled uniformly to the screen. Wider screens
 * (ultra-wide video walls) keep the height-based factor and give the extra design width to the map. Pure.
 */
export const DESIGN_W = 1920;
export const DESIGN_H = 1080;

export interface StageGeometry {
  scale: number;
  /** design-space width (≥ 1920 on screens wider than 16:9) */
  width: number;
  /** design-space height (≥ 1080 on screens taller than 16:9) */
  height: number;
}

export function stageGeometry(vw: number, vh: number): StageGeometry {
  const scale = Math.min(vw / DESIGN_W, vh / DESIGN_H);
  return { scale, width: vw / scale, height: vh / scale };
}
