/**
 * Material keys used by the building generators, with their look. `xray` materials turn translucent in the
 * electrical view so the circuits inside show through; the others (trim, windows, gold) stay opaque.
 */
export interface MatSpec {
  color: string;
  /** true: translucent in the electrical view; 'faint': nearly invisible there (floor slabs) */
  xray?: boolean | 'faint';
  /** phong shininess for metal-like surfaces */
  shiny?: number;
  emissive?: string;
}

export const PALETTE = {
  wall_white: { color: '#f1ece0', xray: true },
  wall_red: { color: '#8e2a20', xray: true },
  wall_ochre: { color: '#d6a34c', xray: true },
  wall_cream: { color: '#e3dac6', xray: true },
  wall_hospital: { color: '#f4f6f7', xray: true },
  wall_mall: { color: '#a9b2bb', xray: true },
  wall_brick: { color: '#a65f44', xray: true },
  wall_concrete: { color: '#bdb8ad', xray: true },
  roof_earth: { color: '#8a7e6d', xray: true },
  roof_slab: { color: '#6c737b', xray: true },
  penma: { color: '#4b1813' },
  trim_white: { color: '#f6f2e8' },
  trim_black: { color: '#161412' },
  trim_grey: { color: '#d6d8da' },
  timber_red: { color: '#9b2d1f' },
  window_red: { color: '#5e1a12' },
  glass: { color: '#2f4d68', shiny: 60 },
  glass_light: { color: '#5d8fb0', shiny: 60 },
  gold: { color: '#e0aa2a', shiny: 80, emissive: '#3a2600' },
  sign_red: { color: '#e0282e', emissive: '#3a0000' },
  sign_blue: { color: '#1d6fd1' },
  door: { color: '#5a1910' },
  floor_slab: { color: '#445263', xray: 'faint' },
} as const satisfies Record<string, MatSpec>;

export type MatKey = keyof typeof PALETTE;

