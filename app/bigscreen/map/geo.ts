/** County geometry helpers for the big screen's map. Pure. */
import { countyName } from '../../../lib/domain/counties.ts';

export type BBox = [[number, number], [number, number]];

export function bboxOf(geom: GeoJSON.Geometry): BBox {
  let [w, s, e, n] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    } else if (Array.isArray(c)) for (const k of c) visit(k);
  };
  if ('coordinates' in geom) visit(geom.coordinates);
  return [
    [w, s],
    [e, n],
  ];
}

export interface CountyShape {
  adcode: number;
  nameZh: string;
  nameEn: string;
  bbox: BBox;
  /** label point (centroid from the basemap's properties) */
  centre: [number, number];
}

export function countyShapes(fc: GeoJSON.FeatureCollection): CountyShape[] {
  return fc.features
    .map((f) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      return {
        adcode: Number(p.adcode),
        nameZh: String(p.name ?? ''),
        nameEn: String(p.name_en ?? ''),
        bbox: bboxOf(f.geometry),
        centre: (p.centroid ?? p.center) as [number, number],
      };
    })
    .sort((a, b) => a.adcode - b.adcode);
}

/** a maplibre colour expression: a colour per county adcode, transparent elsewhere */
export function matchByAdcode(colours: Record<number, string>): unknown {
  const pairs = Object.entries(colours).flatMap(([k, v]) => [Number(k), v]);
  if (!pairs.length) return 'rgba(0,0,0,0)';
  return ['match', ['to-number', ['get', 'adcode']], ...pairs, 'rgba(0,0,0,0)'];
}

/** county label points (county-labels.geojson), for the names drawn above the sites */
export function countyLabels(fc: GeoJSON.FeatureCollection): { adcode: number; zh: string; en: string; position: [number, number] }[] {
  return fc.features.flatMap((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (f.geometry.type !== 'Point') return [];
    const [x, y] = f.geometry.coordinates;
    const adcode = Number(p.adcode);
    // the English names the panels use (lib/domain/counties.ts)
    return [{ adcode, zh: String(p.name ?? ''), en: countyName(adcode, 'en'), position: [x, y] as [number, number] }];
  });
}
