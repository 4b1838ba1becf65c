/** Landing page, conformance, the collections list and one collection's description (OGC API – Features Part 1). */
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import { visibleCollections, type CollectionDef } from './collections.ts';
import { CRS84, GEOJSON, JSON_T, ogcBase, ogcJson, OPENAPI_T, SCHEMA_T } from './http.ts';
import { extentOf } from './query.ts';
import { TILE_LAYERS } from './tiles.ts';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];

export function landing(url: URL): Response {
  const b = ogcBase(url);
  return ogcJson({
    title: '昌都市智慧式用电安全管理平台 · OGC API – Features',
    description: '场所、建筑、县（区）、当前报警与隐患，按令牌所属用户的权限范围提供 · sites, buildings, counties, active alarms and hazards within the token holder’s scope',
    links: [
      { href: b, rel: 'self', type: JSON_T, title: 'this document' },
      { href: `${b}/api`, rel: 'service-desc', type: OPENAPI_T, title: 'OpenAPI 3.0 definition' },
      { href: `${b}/conformance`, rel: 'conformance', type: JSON_T, title: 'conformance classes' },
      { href: `${b}/collections`, rel: 'data', type: JSON_T, title: 'collections' },
      ...TILE_LAYERS.map((l) => ({ href: `${b}/tiles/${l}/metadata.json`, rel: 'item', type: JSON_T, title: `vector tiles: ${l} (TileJSON)` })),
    ],
  });
}

export const conformance = () => ogcJson({ conformsTo: CONFORMANCE });

async function describe(sql: Sql, c: CollectionDef, p: Principal | null, url: URL) {
  const b = `${ogcBase(url)}/collections/${c.id}`;
  const e = await extentOf(sql, c, p);
  const extent: Record<string, unknown> = {
    spatial: { bbox: [e && e.x1 != null ? [e.x1, e.y1, e.x2, e.y2] : [-180, -90, 180, 90]], crs: CRS84 },
  };
  if (c.timeExpr) extent.temporal = { interval: [[e?.t0?.toISOString() ?? null, e?.t1?.toISOString() ?? null]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' };
  return {
    id: c.id,
    title: `${c.titleZh} ${c.titleEn}`,
    description: c.description,
    itemType: 'feature',
    crs: [CRS84],
    storageCrs: CRS84,
    extent,
    links: [
      { href: b, rel: 'self', type: JSON_T },
      { href: `${b}/items`, rel: 'items', type: GEOJSON, title: 'features' },
      { href: `${b}/schema`, rel: 'describedby', type: SCHEMA_T, title: 'JSON Schema of a feature' },
    ],
  };
}

export async function collections(sql: Sql, p: Principal | null, url: URL) {
  const b = ogcBase(url);
  return ogcJson({
    links: [{ href: `${b}/collections`, rel: 'self', type: JSON_T }],
    crs: [CRS84],
    collections: await Promise.all(visibleCollections(!!p).map((c) => describe(sql, c, p, url))),
  });
}

export async function collection(sql: Sql, c: CollectionDef, p: Principal | null, url: URL) {
  return ogcJson(await describe(sql, c, p, url));
}
