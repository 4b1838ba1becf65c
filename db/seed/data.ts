/** Reads the Changdu data set carried in db/seed/changdu/ (sources and licences in its README): counties, places,
 * real sites, schematic roads. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import { SITE_CATEGORIES } from '../../lib/protocol/v1.ts';
import type { LonLat, Polygon } from './geo.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The data set inside the repository; a caller (tests, a deployment with its own reviewed data) may name another. */
export function resolveDataDir(dir?: string): string {
  return path.resolve(REPO_ROOT, dir ?? 'db/seed/changdu');
}

export interface CountyData {
  adcode: number;
  nameZh: string;
  nameEn: string;
  namePinyin: string;
  /** GeoJSON MultiPolygon coordinates */
  polygons: Polygon[];
  /** the raw GeoJSON geometry text, imported verbatim */
  geojson: string;
}

export interface PlaceData {
  kind: 'county_seat' | 'town' | 'airport' | string;
  nameZh: string;
  nameEn: string;
  countyAdcode: number;
  lonlat: LonLat;
}

export interface RealSiteRow {
  nameZh: string;
  nameEn: string;
  category: SiteCategory;
  countyAdcode: number;
  lonlat: LonLat;
  coordQuality: string;
  source: string;
}

export interface RoadData {
  ref: string;
  nameZh: string;
  coords: LonLat[];
}

export interface ChangduData {
  counties: CountyData[];
  places: PlaceData[];
  realSites: RealSiteRow[];
  roads: RoadData[];
}

interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function readFeatures(file: string): Feature[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { features: Feature[] }).features;
}

/** RFC 4180 CSV (quoted fields, doubled quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function loadChangduData(dataDir: string): ChangduData {
  const counties: CountyData[] = readFeatures(path.join(dataDir, 'changdu-counties.geojson')).map((f) => {
    const p = f.properties;
    const g = f.geometry;
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Polygon[];
    return {
      adcode: Number(p.adcode),
      nameZh: String(p.name),
      nameEn: String(p.name_en),
      namePinyin: String(p.name_pinyin),
      polygons,
      geojson: JSON.stringify(g),
    };
  });
  counties.sort((a, b) => a.adcode - b.adcode);

  const places: PlaceData[] = readFeatures(path.join(dataDir, 'changdu-places.geojson')).map((f) => ({
    kind: String(f.properties.kind),
    nameZh: String(f.properties.name),
    nameEn: String(f.properties.name_en),
    countyAdcode: Number(f.properties.county_adcode),
    lonlat: f.geometry.coordinates as LonLat,
  }));

  const roads: RoadData[] = readFeatures(path.join(dataDir, 'changdu-roads-schematic.geojson')).map((f) => ({
    ref: String(f.properties.ref),
    nameZh: String(f.properties.name),
    coords: f.geometry.coordinates as LonLat[],
  }));

  const [header, ...rows] = parseCsv(readFileSync(path.join(dataDir, 'changdu-sites.csv'), 'utf8'));
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`changdu-sites.csv: missing column ${name}`);
    return i;
  };
  const [cZh, cEn, cCat, cCounty, cLon, cLat, cQ, cSrc] = [
    'name_zh', 'name_en', 'category', 'county_adcode', 'lon', 'lat', 'coord_quality', 'source',
  ].map(col);
  const realSites: RealSiteRow[] = rows.map((r) => {
    const category = r[cCat] as SiteCategory;
    if (!SITE_CATEGORIES.includes(category)) throw new Error(`changdu-sites.csv: unknown category ${r[cCat]}`);
    return {
      nameZh: r[cZh].trim(),
      nameEn: r[cEn].trim(),
      category,
      countyAdcode: Number(r[cCounty]),
      lonlat: [Number(r[cLon]), Number(r[cLat])] as LonLat,
      coordQuality: r[cQ].trim(),
      source: r[cSrc].trim(),
    };
  });
  return { counties, places, realSites, roads };
}
