/**
 * /ogc driven by real GIS clients: Debian's gdal-bin (OAPIF and MVT drivers) over real HTTP against the same
 * handler the portal's Next routes call. Feature counts and ids equal the SQL for a county officer, a sector
 * regulator and a site manager; paging, bbox, property filters and a vector tile round-trip; no token, no site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Sql } from '../../../platform/db.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import { expectedSiteIds, tileOf, tokenFor } from './fixtures.ts';
import { featureCount, ogr2geojson, ogrinfo } from './gdal.ts';
import { serveOgc } from './serve.ts';

let sql: Sql;
let srv: Awaited<ReturnType<typeof serveOgc>>;
let oapif: string;
const tokens: Record<string, string> = {};
const USERS = ['karuo', 'anjian', 'qbl'] as const;

beforeAll(async () => {
  execFileSync('ogrinfo', ['--version']); // gdal-bin must be installed (scripts/bootstrap.sh)
  sql = testSql();
  await ensureSeeded(sql);
  srv = await serveOgc(sql);
  oapif = `OAPIF:${srv.base}/ogc`;
  for (const u of USERS) tokens[u] = await tokenFor(sql, u);
}, 120_000);
afterAll(async () => {
  await srv?.close();
  await sql?.end();
});

describe.each(USERS)('as %s', (user) => {
  it('ogrinfo -so reports exactly the sites in scope', async () => {
    const want = await expectedSiteIds(sql, user);
    expect(want.length).toBeGreaterThan(0);
    const r = await ogrinfo(['-so', oapif, 'sites'], tokens[user]);
    expect(r.ok, r.out).toBe(true);
    expect(featureCount(r.out)).toBe(want.length);
  });

  it('ogr2ogr exports them to GeoJSON, following next links page by page', async () => {
    const want = await expectedSiteIds(sql, user);
    const gj = await ogr2geojson(oapif, 'sites', tokens[user], ['-oo', 'PAGE_SIZE=7']);
    expect(gj.features.map((f) => String(f.properties.id)).sort()).toEqual(want);
    expect(gj.features.every((f) => f.geometry.type === 'Point')).toBe(true);
  });

  it('buildings, active alarms and hazards count as the SQL does', async () => {
    const ids = await expectedSiteIds(sql, user);
    const [n] = await sql<{ b: number; a: number; h: number }[]>`
      SELECT (SELECT count(*)::int FROM buildings WHERE site_id = ANY(${ids}::text[])) AS b,
             (SELECT count(*)::int FROM alarms WHERE cleared_at IS NULL AND site_id = ANY(${ids}::text[])) AS a,
             (SELECT count(*)::int FROM hazards WHERE site_id = ANY(${ids}::text[])) AS h`;
    for (const [layer, want] of [['buildings', n.b], ['alarms', n.a], ['hazards', n.h]] as const) {
      const r = await ogrinfo(['-so', oapif, layer], tokens[user]);
      expect(r.ok, r.out).toBe(true);
      expect(featureCount(r.out), layer).toBe(want);
    }
  });
});

describe('bbox and property filters through GDAL', () => {
  it('-spat becomes bbox= and returns the in-scope sites inside it', async () => {
    const [b] = await sql<{ x1: number; y1: number; x2: number; y2: number }[]>`
      SELECT ST_XMin(e) x1, ST_YMin(e) y1, ST_XMax(e) x2, ST_YMax(e) y2 FROM (SELECT ST_Extent(geom) e FROM sites WHERE county_adcode = 540302) t`;
    // the south-west quarter of Karuo's sites
    const box = [b.x1 - 0.001, b.y1 - 0.001, (b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2];
    const want = await sql<{ id: string }[]>`
      SELECT id FROM sites WHERE county_adcode = 540302 AND ST_Intersects(geom, ST_MakeEnvelope(${box[0]}, ${box[1]}, ${box[2]}, ${box[3]}, 4326)) ORDER BY id`;
    expect(want.length).toBeGreaterThan(0);
    const from = srv.seen.length;
    const gj = await ogr2geojson(oapif, 'sites', tokens.karuo, ['-oo', 'PAGE_SIZE=5', '-spat', ...box.map(String)]);
    expect(srv.seen.slice(from).some((u) => u.includes('/collections/sites/items?') && u.includes('bbox='))).toBe(true);
    expect(gj.features.map((f) => String(f.properties.id)).sort()).toEqual(want.map((r) => r.id));
  });

  it('-where on a whitelisted property returns exactly the matching sites', async () => {
    const want = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540302 AND category = 'temple' ORDER BY id`;
    const from = srv.seen.length;
    const gj = await ogr2geojson(oapif, 'sites', tokens.karuo, ['-where', "category = 'temple'"]);
    // the filter ran on the server (declared in /api), not only in GDAL
    expect(srv.seen.slice(from).some((u) => u.includes('/collections/sites/items?') && u.includes('category=temple'))).toBe(true);
    expect(gj.features.map((f) => String(f.properties.id)).sort()).toEqual(want.map((r) => r.id));
  });
});

describe('vector tiles through GDAL', () => {
  it('a tile decodes to the in-scope sites it covers', async () => {
    const [s] = await sql<{ x: number; y: number }[]>`SELECT ST_X(geom) x, ST_Y(geom) y FROM sites WHERE county_adcode = 540302 ORDER BY id LIMIT 1`;
    const z = 10;
    const [x, y] = tileOf(s.x, s.y, z);
    // the tile's features: in scope, inside the tile's half-open bounds (a point belongs to exactly one tile)
    const want = await sql<{ id: string }[]>`
      WITH e AS (SELECT ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) env), m AS (SELECT id, ST_Transform(geom, 3857) g FROM sites WHERE county_adcode = 540302)
      SELECT id FROM m, e WHERE ST_X(g) >= ST_XMin(env) AND ST_X(g) < ST_XMax(env) AND ST_Y(g) > ST_YMin(env) AND ST_Y(g) <= ST_YMax(env) ORDER BY id`;
    expect(want.length).toBeGreaterThan(0);
    const url = `MVT:${srv.base}/ogc/tiles/sites/${z}/${x}/${y}.mvt`;
    const info = await ogrinfo(['-so', '-al', url], tokens.karuo);
    expect(info.ok, info.out).toBe(true);
    expect(info.out).toContain('Layer name: sites');
    expect(info.out).toMatch(/county_adcode: Integer/); // field types from metadata.json
    const gj = await ogr2geojson(url, 'sites', tokens.karuo);
    expect(gj.features.map((f) => String(f.properties.id)).sort()).toEqual(want.map((r) => r.id));
    expect(gj.features.every((f) => f.properties.county_adcode === 540302)).toBe(true);
  });

  it('a whole zoom level (MVT:…/tiles/sites/{z}, tiles within metadata.json bounds) holds each in-scope site once', async () => {
    for (const user of ['karuo', 'qbl']) {
      const want = await expectedSiteIds(sql, user);
      const url = `MVT:${srv.base}/ogc/tiles/sites/9`;
      const info = await ogrinfo(['-so', url, 'sites'], tokens[user]);
      expect(info.ok, info.out).toBe(true);
      expect(featureCount(info.out), user).toBe(want.length);
      const gj = await ogr2geojson(url, 'sites', tokens[user]);
      expect(gj.features.map((f) => String(f.properties.id)).sort()).toEqual(want);
    }
  });

  it('buildings tiles decode to footprints of in-scope sites only', async () => {
    const [b] = await sql<{ x: number; y: number }[]>`
      SELECT ST_X(ST_Centroid(b.footprint)) x, ST_Y(ST_Centroid(b.footprint)) y FROM buildings b JOIN sites s ON s.id = b.site_id WHERE s.county_adcode = 540302 ORDER BY b.id LIMIT 1`;
    const [x, y] = tileOf(b.x, b.y, 14);
    const gj = await ogr2geojson(`MVT:${srv.base}/ogc/tiles/buildings/14/${x}/${y}.mvt`, 'buildings', tokens.karuo);
    expect(gj.features.length).toBeGreaterThan(0);
    expect(gj.features.every((f) => /Polygon/.test(f.geometry.type))).toBe(true);
    const ids = await expectedSiteIds(sql, 'karuo');
    expect(gj.features.every((f) => ids.includes(String(f.properties.site_id)))).toBe(true);
  });

  it('a tile holds none of another county’s sites for the Karuo officer', async () => {
    const [s] = await sql<{ x: number; y: number }[]>`SELECT ST_X(geom) x, ST_Y(geom) y FROM sites WHERE county_adcode = 540321 ORDER BY id LIMIT 1`;
    const [x, y] = tileOf(s.x, s.y, 12);
    const gj = await ogr2geojson(`MVT:${srv.base}/ogc/tiles/sites/12/${x}/${y}.mvt`, 'sites', tokens.karuo).catch(() => ({ features: [] }));
    expect(gj.features.filter((f) => f.properties.county_adcode !== 540302)).toEqual([]);
  });
});

describe('without a token', () => {
  it('GDAL sees only the county collection and cannot read sites', async () => {
    const list = await ogrinfo(['-so', oapif], null);
    expect(list.ok, list.out).toBe(true);
    expect(list.out).toMatch(/1: counties/);
    expect(list.out).not.toMatch(/sites|buildings|alarms|hazards/);
    const sites = await ogrinfo(['-so', oapif, 'sites'], null);
    expect(sites.ok).toBe(false);
    const gj = await ogr2geojson(oapif, 'counties', null);
    expect(gj.features.length).toBeGreaterThan(0);
    expect(Object.keys(gj.features[0].properties).sort()).toEqual(['adcode', 'coverage_pct', 'name_en', 'name_zh', 'sites_covered', 'sites_total']);
  });

  it('a bad token is refused, not downgraded to anonymous', async () => {
    const r = await ogrinfo(['-so', oapif], 'esms_' + 'A'.repeat(43));
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/401/);
  });
});
