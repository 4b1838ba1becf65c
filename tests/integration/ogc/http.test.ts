/**
 * /ogc over HTTP, the checks of the OGC conformance suite (ets-ogcapi-features10) that matter here: landing,
 * conformance, OpenAPI, collections and describedby schemas, paging that agrees with numberMatched /
 * numberReturned, bbox, datetime, property filters, unknown parameters; and the token refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import { expectedSiteIds, tokenFor } from './fixtures.ts';
import { serveOgc } from './serve.ts';

let sql: Sql;
let srv: Awaited<ReturnType<typeof serveOgc>>;
let karuo: string;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function get(path: string, token: string | null = karuo): Promise<{ status: number; type: string; body: Json; headers: Headers }> {
  const r = await fetch(srv.base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await r.text();
  return { status: r.status, type: r.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null, headers: r.headers };
}
const rel = (b: Json, r: string) => (b.links as Json[]).find((l) => l.rel === r)?.href as string | undefined;

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  srv = await serveOgc(sql);
  karuo = await tokenFor(sql, 'karuo');
}, 120_000);
afterAll(async () => {
  await srv?.close();
  await sql?.end();
});

describe('Part 1 core resources', () => {
  it('landing page links service-desc, conformance and data', async () => {
    const r = await get('/ogc', null);
    expect(r.status).toBe(200);
    for (const x of ['self', 'service-desc', 'conformance', 'data']) expect(rel(r.body, x)).toBeTruthy();
  });

  it('conformance declares core, geojson and oas30', async () => {
    const r = await get('/ogc/conformance', null);
    expect(r.body.conformsTo).toEqual(expect.arrayContaining([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
    ]));
  });

  it('api is an OpenAPI 3.0 document with every collection’s items path', async () => {
    const r = await get('/ogc/api', null);
    expect(r.type).toContain('application/vnd.oai.openapi+json');
    expect(r.body.openapi).toMatch(/^3\.0\./);
    for (const c of ['sites', 'buildings', 'counties', 'alarms', 'hazards']) expect(r.body.paths[`/collections/${c}/items`]).toBeTruthy();
  });

  it('collections carry extent, CRS84, items and describedby links; schemas list the properties', async () => {
    const r = await get('/ogc/collections');
    expect(r.body.collections.map((c: Json) => c.id)).toEqual(['sites', 'buildings', 'counties', 'alarms', 'hazards']);
    for (const c of r.body.collections) {
      expect(c.crs).toContain('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
      expect(c.extent.spatial.bbox[0]).toHaveLength(4);
      const schema = await get(new URL(rel(c, 'describedby')!).pathname);
      expect(schema.type).toContain('application/schema+json');
      expect(Object.keys(schema.body.properties.properties.properties).length).toBeGreaterThan(2);
    }
    expect(r.body.collections.find((c: Json) => c.id === 'alarms').extent.temporal).toBeTruthy();
  });
});

describe('paging', () => {
  it('walking next links returns every in-scope site once, and the counts agree on every page', async () => {
    const want = await expectedSiteIds(sql, 'karuo');
    let path: string | undefined = '/ogc/collections/sites/items?limit=7';
    const got: string[] = [];
    let pages = 0;
    while (path) {
      const r = await get(path);
      expect(r.status).toBe(200);
      expect(r.type).toContain('application/geo+json');
      expect(r.headers.get('content-crs')).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
      expect(r.body.numberMatched).toBe(want.length);
      expect(r.body.numberReturned).toBe(r.body.features.length);
      expect(r.body.numberReturned).toBeLessThanOrEqual(7);
      got.push(...r.body.features.map((f: Json) => f.id));
      const next = rel(r.body, 'next');
      if (!next) expect(got.length).toBe(want.length);
      path = next ? new URL(next).pathname + new URL(next).search : undefined;
      pages++;
    }
    expect(pages).toBe(Math.ceil(want.length / 7));
    expect(got.sort()).toEqual(want);
  });

  it('a limit above the maximum is clamped to it, not refused', async () => {
    const r = await get('/ogc/collections/buildings/items?limit=5000');
    expect(r.status).toBe(200);
    expect(r.body.numberReturned).toBeLessThanOrEqual(1000);
    expect(new URL(rel(r.body, 'self')!).searchParams.get('limit')).toBe('1000');
  });

  it('an offset past the end is an empty page with the true numberMatched and no next', async () => {
    const r = await get('/ogc/collections/sites/items?limit=5&offset=100000');
    expect(r.body.numberReturned).toBe(0);
    expect(r.body.numberMatched).toBe((await expectedSiteIds(sql, 'karuo')).length);
    expect(rel(r.body, 'next')).toBeUndefined();
    expect(rel(r.body, 'prev')).toBeTruthy();
  });
});

describe('filters', () => {
  it('bbox, property filters and datetime narrow the match like SQL', async () => {
    const [n] = await sql<{ n: number }[]>`
      SELECT count(*)::int n FROM sites WHERE county_adcode = 540302 AND category = 'school' AND ST_Intersects(geom, ST_MakeEnvelope(96, 30, 98, 31.2, 4326))`;
    const r = await get('/ogc/collections/sites/items?bbox=96,30,98,31.2&category=school&limit=1');
    expect(r.body.numberMatched).toBe(n.n);

    const [t] = await sql<{ t: Date | null }[]>`SELECT min(h.created_at) t FROM hazards h JOIN sites s ON s.id = h.site_id WHERE s.county_adcode = 540302`;
    const since = (t.t ?? new Date()).toISOString();
    const [h] = await sql<{ n: number }[]>`SELECT count(*)::int n FROM hazards h JOIN sites s ON s.id = h.site_id WHERE s.county_adcode = 540302 AND h.created_at >= ${since}`;
    const hz = await get(`/ogc/collections/hazards/items?datetime=${encodeURIComponent(since)}/..`);
    expect(hz.status).toBe(200);
    expect(hz.body.numberMatched).toBe(h.n);
    const none = await get('/ogc/collections/hazards/items?datetime=../2000-01-01T00:00:00Z');
    expect(none.body.numberMatched).toBe(0);
  });

  it('a feature out of scope is a 404, one in scope a Feature', async () => {
    const [mine] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540302 ORDER BY id LIMIT 1`;
    const [other] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode <> 540302 ORDER BY id LIMIT 1`;
    expect((await get(`/ogc/collections/sites/items/${mine.id}`)).body.type).toBe('Feature');
    const r = await get(`/ogc/collections/sites/items/${other.id}`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['unknown parameter', '/ogc/collections/sites/items?address=x'],
    ['non-whitelisted column', '/ogc/collections/sites/items?contact_phone=1'],
    ['bad limit', '/ogc/collections/sites/items?limit=0'],
    ['bad bbox', '/ogc/collections/sites/items?bbox=1,2,3'],
    ['other CRS', '/ogc/collections/sites/items?bbox-crs=EPSG:4326'],
    ['datetime on a timeless collection', '/ogc/collections/sites/items?datetime=2026-01-01'],
    ['bad datetime', '/ogc/collections/alarms/items?datetime=yesterday'],
  ])('%s is a 400 in the one error shape', async (_n, path) => {
    const r = await get(path);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.any(String), messageEn: expect.any(String) });
  });
});

describe('tokens', () => {
  async function refused(token: string) {
    const r = await get('/ogc/collections', token);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(r.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String), messageEn: expect.any(String) });
  }

  it('malformed and unknown tokens are refused', async () => {
    await refused('not-a-token');
    await refused('esms_' + 'x'.repeat(43));
    const r = await fetch(`${srv.base}/ogc/collections`, { headers: { authorization: 'Basic a2FydW86eA==' } });
    expect(r.status).toBe(401);
  });

  it('expired, revoked and disabled-user tokens are refused', async () => {
    const expired = await tokenFor(sql, 'karuo');
    await sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE prefix = ${expired.slice(0, 10)} AND created_at > now() - interval '1 minute'`;
    await refused(expired);
    const revoked = await tokenFor(sql, 'karuo');
    await sql`UPDATE api_tokens SET revoked_at = now() WHERE prefix = ${revoked.slice(0, 10)}`;
    await refused(revoked);
    // a throwaway user, so disabling it cannot disturb other test files sharing the database
    await sql`INSERT INTO users (username, password_hash, display_name, role, county_adcode)
              VALUES ('ogc_disabled', 'x', 'OGC 测试', 'county', 540321) ON CONFLICT (username) DO UPDATE SET disabled = false`;
    const jd = await tokenFor(sql, 'ogc_disabled');
    expect((await get('/ogc/collections', jd)).status).toBe(200);
    await sql`UPDATE users SET disabled = true WHERE username = 'ogc_disabled'`;
    await refused(jd);
  });

  it('no token: counties only, with k-anonymous counts; sites, buildings and site tiles are 401', async () => {
    expect((await get('/ogc/collections', null)).body.collections.map((c: Json) => c.id)).toEqual(['counties']);
    for (const p of ['/ogc/collections/sites/items', '/ogc/collections/buildings/items', '/ogc/collections/alarms', '/ogc/tiles/sites/0/0/0.mvt', '/ogc/tiles/buildings/metadata.json']) {
      expect((await get(p, null)).status, p).toBe(401);
    }
    const c = await get('/ogc/collections/counties/items?limit=100', null);
    for (const f of c.body.features) {
      const t = f.properties.sites_total;
      expect(t === null || t >= 3).toBe(true);
    }
    expect((await fetch(`${srv.base}/ogc/tiles/counties/0/0/0.mvt`)).status).toBe(200);
  });
});

describe('tile cache', () => {
  it('ETag holds until something a tile carries changes', async () => {
    const a = await fetch(`${srv.base}/ogc/tiles/sites/5/24/13.mvt`, { headers: { authorization: `Bearer ${karuo}` } });
    expect(a.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const etag = a.headers.get('etag')!;
    const b = await fetch(`${srv.base}/ogc/tiles/sites/5/24/13.mvt`, { headers: { authorization: `Bearer ${karuo}`, 'if-none-match': etag } });
    expect(b.status).toBe(304);
    // live status is not in tiles and does not invalidate them
    await sql`UPDATE sites SET status = status WHERE county_adcode = 540302`;
    const c = await fetch(`${srv.base}/ogc/tiles/sites/5/24/13.mvt`, { headers: { authorization: `Bearer ${karuo}`, 'if-none-match': etag } });
    expect(c.status).toBe(304);
    await sql`UPDATE sites SET name_en = name_en WHERE id = (SELECT id FROM sites WHERE county_adcode = 540302 ORDER BY id LIMIT 1)`;
    const d = await fetch(`${srv.base}/ogc/tiles/sites/5/24/13.mvt`, { headers: { authorization: `Bearer ${karuo}`, 'if-none-match': etag } });
    expect(d.status).toBe(200);
    expect(d.headers.get('etag')).not.toBe(etag);
  });
});
