/**
 * SQL for one collection as a caller sees it: the WHERE every read shares (collection condition, the scope
 * rule, bbox, datetime, whitelisted property equality), built from postgres.js fragments only. Column
 * expressions come from collections.ts (constants); every request value is a bound parameter.
 */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Principal } from '../../platform/scope.ts';
import type { CollectionDef } from './collections.ts';
import type { ItemsQuery } from './params.ts';

type Frag = ReturnType<Sql['unsafe']>;

const and = (sql: Sql, parts: Frag[]): Frag => parts.reduce((a, b) => sql`${a} AND ${b}` as unknown as Frag);

/** The conditions of a read; `p` null only for public collections (the caller has checked). */
export function whereOf(sql: Sql, c: CollectionDef, p: Principal | null, q: Pick<ItemsQuery, 'bbox' | 'time' | 'filters'>): Frag {
  const parts: Frag[] = [sql.unsafe(c.where ?? 'true')];
  if (c.siteBound) parts.push((p ? siteScopeSql(sql, p.scope, 's') : sql`false`) as unknown as Frag);
  const g = sql.unsafe(c.geomExpr);
  if (q.bbox) {
    const [x1, y1, x2, y2] = q.bbox;
    parts.push(sql`ST_Intersects(${g}, ST_MakeEnvelope(${x1}::float8, ${y1}::float8, ${x2}::float8, ${y2}::float8, 4326))` as unknown as Frag);
  }
  if (q.time && c.timeExpr) {
    const t = sql.unsafe(c.timeExpr);
    if (q.time.start) parts.push(sql`${t} >= ${q.time.start}` as unknown as Frag);
    if (q.time.end) parts.push(sql`${t} <= ${q.time.end}` as unknown as Frag);
  }
  for (const f of q.filters) {
    const prop = c.props.find((x) => x.name === f.name && x.filter);
    // parseItemsQuery admitted only whitelisted names; this guards any other caller
    if (!prop) throw new Error(`not a filterable property: ${f.name}`);
    parts.push(sql`${sql.unsafe(prop.expr)} = ${f.value as never}` as unknown as Frag);
  }
  return and(sql, parts);
}

export interface Row {
  __id: string | number;
  __geom: unknown;
  [k: string]: unknown;
}

const selectList = (sql: Sql, c: CollectionDef) =>
  sql.unsafe([`${c.idExpr} AS __id`, `ST_AsGeoJSON(${c.geomExpr}, 7)::json AS __geom`, ...c.props.map((p) => `${p.expr} AS "${p.name}"`)].join(', '));

export async function selectPage(sql: Sql, c: CollectionDef, p: Principal | null, q: ItemsQuery): Promise<{ rows: Row[]; matched: number }> {
  const where = whereOf(sql, c, p, q);
  const from = sql.unsafe(c.from);
  // matched and the page read the same WHERE, so numberMatched and the paging always agree
  const [rows, [n]] = await Promise.all([
    sql<Row[]>`SELECT ${selectList(sql, c)} FROM ${from} WHERE ${where} ORDER BY ${sql.unsafe(c.idExpr)} LIMIT ${q.limit} OFFSET ${q.offset}`,
    sql<{ n: number }[]>`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`,
  ]);
  return { rows: [...rows], matched: n.n };
}

export async function selectOne(sql: Sql, c: CollectionDef, p: Principal | null, fid: string | number): Promise<Row | null> {
  const where = whereOf(sql, c, p, { bbox: null, time: null, filters: [] });
  const [r] = await sql<Row[]>`SELECT ${selectList(sql, c)} FROM ${sql.unsafe(c.from)} WHERE ${where} AND ${sql.unsafe(c.idExpr)} = ${fid as never}`;
  return r ?? null;
}

/** Spatial and temporal extent of what the caller can see. */
export async function extentOf(sql: Sql, c: CollectionDef, p: Principal | null) {
  const where = whereOf(sql, c, p, { bbox: null, time: null, filters: [] });
  const t = c.timeExpr ? sql.unsafe(`min(${c.timeExpr}) AS t0, max(${c.timeExpr}) AS t1`) : sql.unsafe('NULL AS t0, NULL AS t1');
  const [r] = await sql<{ x1: number | null; y1: number | null; x2: number | null; y2: number | null; t0: Date | null; t1: Date | null }[]>`
    SELECT ST_XMin(e) AS x1, ST_YMin(e) AS y1, ST_XMax(e) AS x2, ST_YMax(e) AS y2, t0, t1
    FROM (SELECT ST_Extent(${sql.unsafe(c.geomExpr)}) AS e, ${t} FROM ${sql.unsafe(c.from)} WHERE ${where}) x`;
  return r;
}
