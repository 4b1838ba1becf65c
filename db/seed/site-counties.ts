/** County contexts for site generation: seat, townships (real or placed inside the county) and road samples. */
import { COUNTY_CODES } from '../../lib/domain/counties.ts';
import type { ChangduData, CountyData } from './data.ts';
import { bboxOf, distanceM, distanceToBoundaryM, offsetMetres, pointInMultiPolygon, toMetres, type LonLat } from './geo.ts';
import { TOWNSHIPS } from './names.ts';
import type { Rng } from './rng.ts';
import type { CountyCtx } from './site-types.ts';

export function countyShortEn(c: CountyData): string {
  return c.nameEn.replace(/ (County|District)$/, '');
}

export function buildCountyContexts(data: ChangduData, rng: Rng): CountyCtx[] {
  const ctxs: CountyCtx[] = [];
  for (const c of data.counties) {
    const code = COUNTY_CODES[c.adcode];
    if (!code) throw new Error(`no county code for adcode ${c.adcode}`);
    const seatPlace = data.places.find((p) => p.kind === 'county_seat' && p.countyAdcode === c.adcode);
    if (!seatPlace) throw new Error(`no county seat for ${c.adcode}`);
    const ctx: CountyCtx = {
      data: c,
      code,
      zh: c.nameZh,
      en: countyShortEn(c),
      seat: seatPlace.lonlat,
      seatTown: [seatPlace.nameZh, seatPlace.nameEn.replace(/ \(.*\)$/, '').replace(/ town$/, '')],
      townships: [],
      roadSamples: [],
      bbox: bboxOf(c.polygons),
    };
    ctxs.push(ctx);
  }
  // schematic roads sampled every ~500 m, each sample owned by the county that contains it
  for (const road of data.roads) {
    for (let i = 1; i < road.coords.length; i++) {
      const a = road.coords[i - 1], b = road.coords[i];
      const len = distanceM(a, b);
      const n = Math.max(1, Math.round(len / 500));
      const [dx, dy] = toMetres(a, b);
      const dir: [number, number] = [dx / len, dy / len];
      for (let k = 0; k <= n; k++) {
        const p: LonLat = [a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n];
        const owner = ctxs.find((c) => pointInMultiPolygon(p, c.data.polygons));
        if (owner) owner.roadSamples.push({ p, ref: road.ref, dir });
      }
    }
  }
  // townships: real position where the places file has one, else generated inside the county
  for (const ctx of ctxs) {
    const r = rng.fork(`townships:${ctx.code}`);
    for (const [zh, en] of TOWNSHIPS[ctx.data.adcode] ?? []) {
      const place = data.places.find((p) => p.nameZh === zh);
      if (place && pointInMultiPolygon(place.lonlat, ctx.data.polygons)) {
        ctx.townships.push({ countyAdcode: ctx.data.adcode, zh, en, lonlat: place.lonlat, real: true });
        continue;
      }
      // 邦达镇 sits by the airport
      const nearAirport = zh === '邦达镇' ? data.places.find((p) => p.kind === 'airport') : undefined;
      let best: LonLat | null = null;
      for (let attempt = 0; attempt < 400 && !best; attempt++) {
        let p: LonLat;
        if (nearAirport) p = offsetMetres(nearAirport.lonlat, r.range(-4000, 4000), r.range(-4000, 4000));
        else if (ctx.roadSamples.length && r.chance(0.35)) {
          const s = r.pick(ctx.roadSamples);
          p = offsetMetres(s.p, r.range(-1500, 1500), r.range(-1500, 1500));
        } else p = [r.range(ctx.bbox.minX, ctx.bbox.maxX), r.range(ctx.bbox.minY, ctx.bbox.maxY)];
        if (!pointInMultiPolygon(p, ctx.data.polygons)) continue;
        const relax = attempt > 250 ? 0.5 : 1;
        if (distanceM(p, ctx.seat) < 9000 * relax) continue;
        if (ctx.townships.some((t) => distanceM(p, t.lonlat) < 9000 * relax)) continue;
        if (distanceToBoundaryM(p, ctx.data.polygons) < 3000 * relax) continue;
        best = p;
      }
      if (best) ctx.townships.push({ countyAdcode: ctx.data.adcode, zh, en, lonlat: best, real: false });
    }
  }
  return ctxs;
}
