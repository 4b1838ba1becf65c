/** Where a generated site goes: by category near the seat, a township, a road or out in the county, never crowded. */
import { KARUO } from '../../lib/domain/counties.ts';
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import { distanceM, distanceToBoundaryM, offsetMetres, pointInMultiPolygon, type LonLat } from './geo.ts';
import type { Rng } from './rng.ts';
import type { AnchorKind, CountyCtx, Placement, Township } from './site-types.ts';

export class Occupancy {
  private cells = new Map<string, LonLat[]>();
  constructor(private readonly cellM = 1000) {}
  private key(p: LonLat, dx = 0, dy = 0) {
    return `${Math.floor((p[0] * 96_000) / this.cellM) + dx}:${Math.floor((p[1] * 110_574) / this.cellM) + dy}`;
  }
  add(p: LonLat) {
    const k = this.key(p);
    const list = this.cells.get(k);
    if (list) list.push(p);
    else this.cells.set(k, [p]);
  }
  free(p: LonLat, minM: number): boolean {
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const list = this.cells.get(this.key(p, dx, dy));
        if (list) for (const q of list) if (distanceM(p, q) < minM) return false;
      }
    return true;
  }
}

type Mode = 'seat' | 'township' | 'road' | 'rural' | 'remote' | 'outskirts';
const MODES: Record<SiteCategory, [Mode, number][]> = {
  temple: [['seat', 0.1], ['township', 0.4], ['rural', 0.5]],
  school: [['seat', 0.3], ['township', 0.7]],
  relic: [['seat', 0.2], ['township', 0.3], ['rural', 0.5]],
  welfare: [['seat', 0.75], ['township', 0.25]],
  hospital: [['seat', 0.2], ['township', 0.8]],
  mall: [['seat', 1]],
  entertainment: [['seat', 0.82], ['township', 0.18]],
  gas: [['road', 0.6], ['seat', 0.25], ['township', 0.15]],
  mine: [['remote', 1]],
  hazchem: [['outskirts', 0.5], ['road', 0.3], ['remote', 0.2]],
};

export function nearestTownship(ctx: CountyCtx, p: LonLat): Township | undefined {
  let best: Township | undefined;
  let bd = Infinity;
  for (const t of ctx.townships) {
    const d = distanceM(p, t.lonlat);
    if (d < bd) {
      bd = d;
      best = t;
    }
  }
  return best;
}

export function place(ctx: CountyCtx, cat: SiteCategory, rng: Rng, occ: Occupancy, rr: { i: number }): Placement {
  const karuo = ctx.data.adcode === KARUO;
  const seatSigma = (cat === 'temple' || cat === 'relic' ? 3500 : 1300) * (karuo ? 1.7 : 1);
  const poly = ctx.data.polygons;
  for (let attempt = 0; attempt < 600; attempt++) {
    const relax = attempt < 300 ? 1 : attempt < 500 ? 0.6 : 0.3;
    let mode = rng.weighted(MODES[cat]);
    if (mode === 'road' && ctx.roadSamples.length === 0) mode = rng.chance(0.5) ? 'seat' : 'township';
    if (mode === 'township' && ctx.townships.length === 0) mode = 'seat';
    let p: LonLat;
    let township: Township | undefined;
    let roadRef: string | undefined;
    let anchor: AnchorKind;
    if (mode === 'seat' || mode === 'outskirts') {
      const r = mode === 'outskirts' ? rng.range(1500, 6000) : Math.abs(rng.gauss()) * seatSigma + 120;
      const a = rng.range(0, 2 * Math.PI);
      p = offsetMetres(ctx.seat, r * Math.cos(a), r * Math.sin(a));
      anchor = mode === 'outskirts' && r > 2500 ? 'rural' : 'seat';
    } else if (mode === 'township') {
      // round robin so that each township gets its school, health centre …
      township = ctx.townships[(rr.i++ + attempt) % ctx.townships.length];
      const sigma = cat === 'temple' || cat === 'relic' ? 2500 : 450;
      const r = Math.abs(rng.gauss()) * sigma + 100;
      const a = rng.range(0, 2 * Math.PI);
      p = offsetMetres(township.lonlat, r * Math.cos(a), r * Math.sin(a));
      anchor = 'township';
    } else if (mode === 'road') {
      const s = rng.pick(ctx.roadSamples);
      const side = rng.chance(0.5) ? 1 : -1;
      const off = rng.range(40, 250) * side;
      p = offsetMetres(s.p, -s.dir[1] * off, s.dir[0] * off);
      roadRef = s.ref;
      anchor = 'road';
    } else {
      p = [rng.range(ctx.bbox.minX, ctx.bbox.maxX), rng.range(ctx.bbox.minY, ctx.bbox.maxY)];
      anchor = mode === 'remote' ? 'remote' : 'rural';
    }
    if (!pointInMultiPolygon(p, poly)) continue;
    if (!occ.free(p, 320 * relax)) continue;
    if (distanceToBoundaryM(p, poly) < 600 * relax) continue;
    if (mode === 'remote') {
      const near = Math.min(distanceM(p, ctx.seat), ...ctx.townships.map((t) => distanceM(p, t.lonlat)));
      if (near < 8000 * relax) continue;
    }
    if (mode === 'rural' && cat !== 'mine') {
      // village temples and relics: in settled land, i.e. within ~25 km of a township or the seat
      const near = Math.min(distanceM(p, ctx.seat), ...ctx.townships.map((t) => distanceM(p, t.lonlat)));
      if (near > 25_000 / relax) continue;
    }
    occ.add(p);
    if (!township && anchor !== 'seat') {
      const t = nearestTownship(ctx, p);
      if (t && distanceM(p, t.lonlat) < distanceM(p, ctx.seat)) township = t;
    }
    return { p, anchor, township, roadRef };
  }
  throw new Error(`could not place a ${cat} site in ${ctx.code}`);
}
