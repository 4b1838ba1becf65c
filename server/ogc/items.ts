/** /collections/{id}/items and /items/{fid}: GeoJSON features of what the caller may see, paged with next/prev. */
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import type { CollectionDef } from './collections.ts';
import { countyCounts } from './counties.ts';
import { badParam, CRS84, GEOJSON, notFound, ogcBase, ogcJson } from './http.ts';
import { parseItemsQuery } from './params.ts';
import { selectOne, selectPage, type Row } from './query.ts';

const CRS_HEADER = { 'content-crs': `<${CRS84}>` };

async function toFeatures(sql: Sql, c: CollectionDef, p: Principal | null, rows: Row[]) {
  const counts = c.id === 'counties' ? await countyCounts(sql, p) : null;
  return rows.map((r) => {
    const properties: Record<string, unknown> = {};
    for (const d of c.props) properties[d.name] = r[d.name] ?? null;
    if (counts) Object.assign(properties, counts.get(Number(r.__id)) ?? { sites_total: p ? 0 : null, sites_covered: p ? 0 : null, coverage_pct: null });
    return { type: 'Feature' as const, id: r.__id, geometry: r.__geom, properties };
  });
}

export async function items(sql: Sql, c: CollectionDef, p: Principal | null, url: URL): Promise<Response> {
  const q = parseItemsQuery(c, url.searchParams);
  const { rows, matched } = await selectPage(sql, c, p, q);
  const self = `${ogcBase(url)}/collections/${c.id}/items`;
  const page = (offset: number) => {
    const sp = new URLSearchParams(url.searchParams);
    sp.set('limit', String(q.limit));
    sp.set('offset', String(offset));
    sp.delete('f');
    return `${self}?${sp}`;
  };
  const links: { href: string; rel: string; type: string; title?: string }[] = [
    { href: page(q.offset), rel: 'self', type: GEOJSON, title: 'this page' },
    { href: `${ogcBase(url)}/collections/${c.id}`, rel: 'collection', type: 'application/json', title: c.titleZh },
  ];
  if (q.offset + rows.length < matched) links.push({ href: page(q.offset + q.limit), rel: 'next', type: GEOJSON, title: 'next page' });
  if (q.offset > 0) links.push({ href: page(Math.max(0, q.offset - q.limit)), rel: 'prev', type: GEOJSON, title: 'previous page' });
  return ogcJson(
    {
      type: 'FeatureCollection',
      timeStamp: new Date().toISOString(),
      numberMatched: matched,
      numberReturned: rows.length,
      features: await toFeatures(sql, c, p, rows),
      links,
    },
    GEOJSON,
    CRS_HEADER,
  );
}

export async function item(sql: Sql, c: CollectionDef, p: Principal | null, fidRaw: string, url: URL): Promise<Response> {
  for (const k of url.searchParams.keys()) if (k !== 'f' && k !== 'crs') throw badParam(k, 'unknown parameter');
  const crs = url.searchParams.get('crs');
  if (crs && crs !== CRS84) throw badParam('crs', `only ${CRS84}`);
  let fid: string | number;
  if (c.idType === 'integer') {
    if (!/^\d{1,12}$/.test(fidRaw)) throw notFound();
    fid = Number(fidRaw);
  } else {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(fidRaw)) throw notFound();
    fid = fidRaw;
  }
  // out of scope and absent look the same: a 404 says nothing about other people's sites
  const r = await selectOne(sql, c, p, fid);
  if (!r) throw notFound();
  const [f] = await toFeatures(sql, c, p, [r]);
  const base = `${ogcBase(url)}/collections/${c.id}`;
  return ogcJson(
    {
      ...f,
      links: [
        { href: `${base}/items/${encodeURIComponent(String(r.__id))}`, rel: 'self', type: GEOJSON },
        { href: base, rel: 'collection', type: 'application/json' },
      ],
    },
    GEOJSON,
    CRS_HEADER,
  );
}
