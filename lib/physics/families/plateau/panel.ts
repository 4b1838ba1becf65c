/**
 * Panel environment of one plateau device, stepped in sample time: the room the cables run through, the air
 * inside the distribution box (room + internal losses + sun on an outdoor or window-side box + a heater
 * standing next to it), humidity and dew on the box's metal. Sources:
 *  - Enclosure heating: IEC/TR 60890 (temperature rise of enclosures from internal losses, ~0.15–0.5 K/W for
 *    wall boxes); solar gain α·G·A on a sun-facing face, absorptance 0.4–0.7 for painted steel (ASHRAE
 *    Fundamentals ch. 18) — 10–25 K over ambient at noon for small boxes in full sun.
 *  - Heat reaching the terminals is not uniform: the face in the sun, or next to a heater, is warmer than the
 *    far side, so terminals differ by their position (a few K at 20 K of gain).
 *  - Radiative night cooling of exposed metal 1–3 K below air under a clear sky (plateau nights are clear in
 *    winter): dew when the surface falls below the dew point (Magnus, climate.ts).
 *  - Building mass: unheated Changdu houses (stone/rammed earth) follow the outdoor daily mean with a
 *    ~1-day lag and a quarter of the daily swing; heated rooms (hospitals, welfare homes, dormitories) hold
 *    16–20 °C while the heating runs.
 */
import { dewPointOf, outdoor, satHpa, type Outdoor, type Season } from './climate.ts';
import { bjt } from './loads.ts';

export interface PanelSpec {
  seed: number;
  season: Season;
  doy: number;
  outdoorBox: boolean;
  /** the box gets direct sun (outdoor, or by a window) and the azimuth its face looks to (rad from south) */
  sunGainKPerWm2: number;
  faceAz: number;
  heated: boolean;
  heatSetC: number;
  roomOffsetK: number;
  rBoxKPerW: number;
  tauBoxS: number;
  /** a heater beside the panel: K of box gain while on, and its hours (Beijing) [from, to) */
  heaterK: number;
  heaterFromH: number;
  heaterToH: number;
  heaterOnMs: number;
  heaterOffMs: number;
}

export interface PanelNow {
  out: Outdoor;
  /** cable ambient (room, or outdoors) */
  roomC: number;
  /** box air, its sun and heater shares (K), humidity, dew 0–1 */
  boxC: number;
  sunK: number;
  heaterK: number;
  rh: number;
  dew: number;
}

/** Sequential state of a panel: lagged room temperature, box air rise, dew. */
export class Panel {
  private lag = NaN;
  private room = NaN;
  private boxBase = NaN;
  private boxRise = 0;
  private sun = 0;
  private heat = 0;
  private dewAmt = 0;
  readonly now: PanelNow;
  constructor(readonly p: PanelSpec) {
    this.now = { out: outdoor(p.seed, p.season, 0, p.doy), roomC: 0, boxC: 0, sunK: 0, heaterK: 0, rh: 50, dew: 0 };
  }

  /** Advance to ts by dtS with the box's internal losses (W). */
  step(ts: number, dtS: number, internalW: number): PanelNow {
    const p = this.p, n = this.now;
    const o = outdoor(p.seed, p.season, ts, p.doy);
    n.out = o;
    if (this.lag !== this.lag) this.lag = o.t;
    this.lag += (o.t - this.lag) * (1 - Math.exp(-dtS / 86_400));
    let target = p.outdoorBox ? o.t : this.lag + p.roomOffsetK + 0.25 * (o.t - this.lag);
    const { h } = bjt(ts);
    if (!p.outdoorBox && p.heated && (h >= 6 || h < 1)) target = Math.max(target, p.heatSetC);
    // a room has mass: it warms and cools toward that over ~3 h (an outdoor box's air is the weather's)
    if (this.room !== this.room) this.room = target;
    this.room = p.outdoorBox ? target : this.room + (target - this.room) * (1 - Math.exp(-dtS / 10_800));
    const room = this.room;
    n.roomC = room;
    const a = 1 - Math.exp(-dtS / p.tauBoxS);
    if (this.boxBase !== this.boxBase) this.boxBase = room;
    this.boxBase += (room - this.boxBase) * a; // the box's air and metal follow the room with their own lag
    // sun on the box face: the beam's component normal to the face plus a share of the diffuse light
    let g = 0;
    if (o.elev > 0.02 && p.sunGainKPerWm2 > 0) {
      const dni = Math.min(1100, (0.85 * o.ghi) / Math.max(0.1, Math.sin(o.elev)));
      g = Math.max(0, dni * Math.cos(o.elev) * Math.cos(o.azim - p.faceAz)) + 0.15 * o.ghi;
    }
    this.sun += (p.sunGainKPerWm2 * g - this.sun) * a;
    const heaterOn = p.heaterK > 0 && ts >= p.heaterOnMs && ts < p.heaterOffMs && (p.heaterFromH > p.heaterToH ? h >= p.heaterFromH || h < p.heaterToH : h >= p.heaterFromH && h < p.heaterToH);
    this.heat += ((heaterOn ? p.heaterK : 0) - this.heat) * a;
    this.boxRise += (p.rBoxKPerW * internalW - this.boxRise) * a;
    n.sunK = this.sun;
    n.heaterK = this.heat;
    n.boxC = this.boxBase + this.boxRise + this.sun + this.heat;
    // vapour: outdoor air's, plus occupants' moisture indoors
    const e = o.e + (p.outdoorBox ? 0 : 1.5);
    n.rh = Math.min(100, (100 * e) / satHpa(n.boxC));
    // dew on the metal: the surface runs below the box air on clear nights (outdoor boxes)
    const surface = n.boxC - (p.outdoorBox ? 2.5 * o.clearNight : 0.3);
    const wet = surface < dewPointOf(e) || o.raining && p.outdoorBox ? 1 : 0;
    this.dewAmt += (wet - this.dewAmt) * (1 - Math.exp(-dtS / (wet ? 1800 : 2700)));
    n.dew = this.dewAmt;
    return n;
  }

  save(): number[] { return [this.lag, this.room, this.boxBase, this.boxRise, this.sun, this.heat, this.dewAmt]; }
  load(x: number[]): void { [this.lag, this.room, this.boxBase, this.boxRise, this.sun, this.heat, this.dewAmt] = x; }
}
