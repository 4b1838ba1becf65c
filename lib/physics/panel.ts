/**
 * The panel (distribution box) a device sits in: its air temperature and humidity from Chamdo weather,
 * buffered indoors (thick walls, heating in hospitals/welfare homes/schools), plus device-level nuisances
 * (sun on an outdoor box, a heater beside the box, dawn condensation), and the supply voltages at the panel.
 */
import { SOLAR_NOON_BJT, HOUR_MS, bjtHour } from './calendar.ts';
import { bump, win } from './load.ts';
import { hash32, noise1 } from './rng.ts';
import type { Env, Injection } from './types.ts';
import { rhAt, weatherParts } from './weather.ts';

export interface PanelParams {
  outdoor: boolean;
  /** 0–1: how much of the indoor heating deficit (to 17 °C) is made up in winter */
  heated: number;
  /** fraction of the outdoor diurnal swing that reaches the panel */
  swing: number;
  /** constant self-heating of the box, K */
  selfK: number;
  /** per-phase supply voltage factors */
  uf: number[];
}

const HEATED: Record<string, number> = {
  hospital: 0.85,
  welfare: 0.8,
  school: 0.6,
  mall: 0.7,
  entertainment: 0.5,
  hazchem: 0.3,
  temple: 0.25,
  relic: 0.15,
};

export function panelParams(category: string, dseed: number): PanelParams {
  const h = (k: number): number => hash32(dseed, 0x9a, k) / 4294967296;
  const outdoor = category === 'gas' || category === 'mine' || h(0) < 0.08;
  return {
    outdoor,
    heated: outdoor ? 0 : (HEATED[category] ?? 0.4) * (0.8 + 0.4 * h(1)),
    swing: outdoor ? 0.85 : 0.2 + 0.2 * h(2),
    selfK: 1.5 + 3 * h(3),
    uf: [1 + 0.008 * (h(4) - 0.5), 1 + 0.008 * (h(5) - 0.5), 1 + 0.008 * (h(6) - 0.5)],
  };
}

/** Sun on a box: clear-sky bell over solar 8–17 h. */
function sunShape(tsMs: number): number {
  const hs = bjtHour(tsMs) - (SOLAR_NOON_BJT - 12);
  return hs > 7.5 && hs < 17.5 ? Math.sin((Math.PI * (hs - 7.5)) / 10) ** 1.5 : 0;
}

/**
 * Env of a panel at tsMs. `wseed` is the fleet weather seed, `dseed` the device seed; `nuis` the device-level
 * nuisance injections of this device (sun_on_box p.K, heater_beside_sensor p.K, dawn_condensation).
 */
export function panelEnv(pp: PanelParams, wseed: number, dseed: number, tsMs: number, nuis: Injection[], out: Env): Env {
  const w = weatherParts(wseed, tsMs);
  let t: number;
  if (pp.outdoor) t = w.mean + pp.swing * w.diurnal + pp.selfK;
  else {
    const lag = weatherParts(wseed, tsMs - 2 * HOUR_MS); // walls delay and damp the daily swing
    t = w.mean + pp.swing * lag.diurnal + pp.heated * Math.max(0, 17 - w.mean) + pp.selfK + 2;
  }
  let extraK = 0;
  let cond = 0;
  for (let k = 0; k < nuis.length; k++) {
    const n = nuis[k];
    if (tsMs < n.onsetMs || (n.endMs !== null && tsMs >= n.endMs)) continue;
    if (n.kind === 'sun_on_box') extraK += n.p.K * sunShape(tsMs) * (1 - 0.8 * w.wet);
    else if (n.kind === 'heater_beside_sensor') extraK += n.p.K * win(bjtHour(tsMs), 19, 8, 1.5);
    else if (n.kind === 'dawn_condensation') {
      const b = bump(bjtHour(tsMs), n.p.hour, 0.4);
      if (b > 0.01 && b > cond) cond = b;
    }
  }
  t += extraK;
  let rh = rhAt(w.t, w.rh, t);
  if (cond > 0) rh = rh + (100 - rh) * Math.min(1, cond * 1.3);
  // supply: ~1–3 % above 220 V, sagging at the evening peak, slow grid wander
  const h = bjtHour(tsMs);
  const base = 220 * (1.022 + 0.012 * noise1(dseed ^ 0x77, tsMs / (6 * HOUR_MS)) - 0.018 * bump(h, 20, 2));
  out.ambientC = t;
  out.rh = rh;
  out.ua = base * pp.uf[0];
  out.ub = base * pp.uf[1];
  out.uc = base * pp.uf[2];
  out.condensation = cond;
  return out;
}
