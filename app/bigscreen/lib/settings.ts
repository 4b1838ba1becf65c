/**
 * Wall behaviour that an installation (or a test) may tune in the address: `?idle=` seconds without input
 * before the wall counts as unattended (0 = never: no tour, no flights to new alarms), `?tour=` seconds per
 * county in the tour. Defaults: 60 s and 12 s.
 */
export interface WallSettings {
  idleMs: number;
  tourStepMs: number;
}

export function parseWallSettings(search: string): WallSettings {
  const q = new URLSearchParams(search);
  const secs = (k: string, dflt: number, min: number) => {
    const v = q.get(k);
    const n = v == null || v === '' ? NaN : Number(v);
    return Number.isFinite(n) && n >= 0 ? (n === 0 ? 0 : Math.max(min, n)) * 1000 : dflt * 1000;
  };
  return { idleMs: secs('idle', 60, 2), tourStepMs: secs('tour', 12, 2) || 12_000 };
}

export const wallSettings = (): WallSettings => parseWallSettings(typeof window === 'undefined' ? '' : window.location.search);
