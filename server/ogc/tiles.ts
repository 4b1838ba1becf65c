/**
 * Mapbox Vector Tiles (ST_AsMVT) for sites, buildings and counties, and a TileJSON 3.0 / MBTiles-style
 * metadata.json per layer so GDAL's MVT driver and QGIS read them. Tiles are scoped like the features and
 * cached in process per (layer, tile, scope, tile_version): the counter (migration 0014) moves whenever
 * anything a tile carries changes, so a cached tile is never stale. Live status is not in tiles (it changes by
 * the second); it is in the features collection.
 */
import { createHash } from 'node:crypto';
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Principal } from '../../platform/scope.ts';
import { AppError } from '../http/errors.ts';
import { notFound, ogcBase, ogcJson } from './http.ts';

export const TILE_LAYERS = ['sites', 'buildings', 'counties'] as const;
type Layer = (typeof TILE_LAYERS)[number];
export const MAX_ZOOM = 20;
const EXTENT = 4096;
const BUFFER = 64;
const MVT_T = 'application/vnd.mapbox-vector-tile';

interface LayerDef {
  from: string;
  geom: string;
  fields: Record<string, 'String' | 'Number' | 'Boolean'>;
  /** constant select list of the attributes (names match `fields`) */
  select: string;
  siteBound: boolean;
  minzoom: number;
  /** points go to exactly one tile (half-open tile bounds, no buffer), so a tile set never repeats a site */
  points?: boolean;
}

const LAYERS: Record<Layer, LayerDef> = {
  sites: {
    from: 'sites s',
    geom: 's.geom',
    fields: { id: 'String', name_zh: 'String', name_en: 'String', category: 'String', county_adcode: 'Number', department_id: 'String', rollout_state: 'String' },
    select: 's.id, s.name_zh, s.name_en, s.category, s.county_adcode, s.department_id, s.rollout_state',
    siteBound: true,
    minzoom: 0,
    points: true,
  },
  buildings: {
    from: 'buildings b JOIN sites s ON s.id = b.site_id',
    geom: 'b.footprint',
    fields: { id: 'Number', site_id: 'String', name_zh: 'String', kind: 'String', floors: 'Number', height_m: 'Number', structure: 'String' },
    select: 'b.id, b.site_id, b.name_zh, b.kind, b.floors, b.height_m, b.structure',
    siteBound: true,
    minzoom: 12,
  },
  counties: {
    from: 'counties c',
    geom: 'c.geom',
    fields: { adcode: 'Number', name_zh: 'String', name_en: 'String' },
    select: 'c.adcode, c.name_zh, c.name_en',
    siteBound: false,
    minzoom: 0,
  },
};

const isLayer = (l: string): l is Layer => (TILE_LAYERS as readonly string[]).includes(l);

function layerFor(name: string, p: Principal | null): LayerDef {
  if (!isLayer(name)) throw notFound();
  const def = LAYERS[name];
  // without a token only the county outlines: never a site or a building
  if (def.siteBound && !p) throw new AppError('UNAUTHENTICATED', { message: '请提供访问令牌', messageEn: 'A bearer token is required' });
  return def;
}

/** Changdu, when the caller's data has no extent */
const CITY_BOUNDS = [94.5, 28.5, 99.5, 33.0];

export async function tileJson(sql: Sql, name: string, p: Principal | null, url: URL): Promise<Response> {
  const def = layerFor(name, p);
  const base = `${ogcBase(url)}/tiles/${name}`;
  const vector_layers = [{ id: name, fields: def.fields, minzoom: def.minzoom, maxzoom: MAX_ZOOM }];
  // the caller's own extent: a client walking a zoom level (GDAL's MVT directory mode) asks only for these tiles
  const scope = def.siteBound && p ? siteScopeSql(sql, p.scope, 's') : sql`true`;
  const [e] = await sql<{ x1: number | null; y1: number; x2: number; y2: number }[]>`
    SELECT ST_XMin(e) x1, ST_YMin(e) y1, ST_XMax(e) x2, ST_YMax(e) y2
    FROM (SELECT ST_Extent(${sql.unsafe(def.geom)}) e FROM ${sql.unsafe(def.from)} WHERE ${scope}) t`;
  const bounds = e?.x1 != null ? [e.x1, e.y1, e.x2, e.y2] : CITY_BOUNDS;
  return ogcJson({
    tilejson: '3.0.0',
    name,
    scheme: 'xyz',
    tiles: [`${base}/{z}/{x}/{y}.mvt`],
    minzoom: def.minzoom,
    maxzoom: MAX_ZOOM,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 10],
    vector_layers,
    // MBTiles metadata keys, as GDAL's MVT driver reads metadata.json
    format: 'pbf',
    json: JSON.stringify({ vector_layers }),
  });
}

const cache = new Map<string, Buffer>();
const CACHE_MAX = 2000;

const scopeKey = (p: Principal | null) => (p ? createHash('sha256').update(JSON.stringify(p.scope)).digest('base64url').slice(0, 16) : 'public');

export async function tile(sql: Sql, name: string, zs: string, xs: string, ys: string, p: Principal | null, req: Request): Promise<Response> {
  const def = layerFor(name, p);
  if (![zs, xs, ys].every((s) => /^\d{1,8}$/.test(s))) throw notFound();
  const [z, x, y] = [Number(zs), Number(xs), Number(ys)];
  if (z > MAX_ZOOM || x >= 2 ** z || y >= 2 ** z) throw notFound();
  const [{ v }] = await sql<{ v: number }[]>`SELECT v FROM tile_version`;
  const key = `${name}/${z}/${x}/${y}|${scopeKey(p)}|${v}`;
  const etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 22)}"`;
  const headers = { etag, 'cache-control': 'private, max-age=60', vary: 'Authorization' };
  if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  let body = cache.get(key);
  if (!body) {
    body = z < def.minzoom ? Buffer.alloc(0) : await render(sql, def, name, z, x, y, p);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, body);
  }
  return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'content-type': MVT_T } });
}

async function render(sql: Sql, def: LayerDef, name: string, z: number, x: number, y: number, p: Principal | null): Promise<Buffer> {
  const scope = def.siteBound && p ? siteScopeSql(sql, p.scope, 's') : sql`true`;
  const g = sql.unsafe(def.geom);
  const buffer = def.points ? 0 : BUFFER;
  // points: inside [xmin, xmax) × (ymin, ymax] in web mercator; others: the tile plus its buffer, searched in 4326
  const inTile = def.points
    ? sql`${g} && ST_Expand(ST_Transform(e.env, 4326), 1e-9) AND ST_X(ST_Transform(${g}, 3857)) >= ST_XMin(e.env) AND ST_X(ST_Transform(${g}, 3857)) < ST_XMax(e.env)
          AND ST_Y(ST_Transform(${g}, 3857)) > ST_YMin(e.env) AND ST_Y(ST_Transform(${g}, 3857)) <= ST_YMax(e.env)`
    : sql`${g} && ST_Transform(ST_Expand(e.env, (ST_XMax(e.env) - ST_XMin(e.env)) * ${BUFFER / EXTENT}::float8), 4326)`;
  const [r] = await sql<{ mvt: Buffer }[]>`
    WITH e AS (SELECT ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) AS env)
    SELECT coalesce(ST_AsMVT(t, ${name}::text, ${EXTENT}::int, 'geom'), ''::bytea) AS mvt FROM (
      SELECT ${sql.unsafe(def.select)}, ST_AsMVTGeom(ST_Transform(${g}, 3857), e.env, ${EXTENT}::int, ${buffer}::int, true) AS geom
      FROM ${sql.unsafe(def.from)}, e
      WHERE ${inTile} AND ${scope}
    ) t WHERE t.geom IS NOT NULL`;
  return r.mvt;
}
