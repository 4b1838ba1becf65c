/**
 * /ogc as one plain function of (sql, request) → Response: the Next route handlers (app/ogc/**) and the
 * integration tests' node:http server call the same code. Caller: a bearer token verified against
 * api_tokens (platform/api-tokens.ts); a header that is not a live token is refused with 401, no header is the
 * anonymous public view (counties with k-anonymous counts only).
 */
import type { Sql } from '../../platform/db.ts';
import { principalFromBearer } from '../../platform/api-tokens.ts';
import type { Principal } from '../../platform/scope.ts';
import { AppError, errorResponse } from '../http/errors.ts';
import { collectionById } from './collections.ts';
import { notFound } from './http.ts';
import { item, items } from './items.ts';
import { collection, collections, conformance, landing } from './landing.ts';
import { openapi } from './openapi.ts';
import { schema } from './schema.ts';
import { tile, tileJson } from './tiles.ts';

async function caller(sql: Sql, req: Request): Promise<Principal | null> {
  const r = await principalFromBearer(sql, req.headers.get('authorization'));
  if (r.kind === 'invalid') throw new AppError('UNAUTHENTICATED', { message: '访问令牌无效、已过期或已撤销', messageEn: 'The bearer token is invalid, expired or revoked' });
  return r.kind === 'ok' ? r.principal : null;
}

function collectionFor(id: string, p: Principal | null) {
  const c = collectionById(id);
  if (!c) throw notFound();
  if (!c.public && !p) throw new AppError('UNAUTHENTICATED', { message: '请提供访问令牌', messageEn: 'A bearer token is required' });
  return c;
}

async function dispatch(sql: Sql, req: Request, url: URL): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new AppError('BAD_REQUEST', { messageEn: 'read-only: GET only' });
  const p = await caller(sql, req);
  let seg: string[];
  try {
    seg = url.pathname.replace(/^\/ogc\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw notFound(); // malformed percent-encoding
  }
  if (seg.length === 0) return landing(url);
  if (seg[0] === 'conformance' && seg.length === 1) return conformance();
  if (seg[0] === 'api' && seg.length === 1) return openapi(url);
  if (seg[0] === 'collections') {
    if (seg.length === 1) return collections(sql, p, url);
    const c = collectionFor(seg[1], p);
    if (seg.length === 2) return collection(sql, c, p, url);
    if (seg[2] === 'schema' && seg.length === 3) return schema(c, url);
    if (seg[2] === 'items' && seg.length === 3) return items(sql, c, p, url);
    if (seg[2] === 'items' && seg.length === 4) return item(sql, c, p, seg[3], url);
  }
  if (seg[0] === 'tiles' && seg.length >= 3) {
    const layer = seg[1];
    if (seg.length === 3 && (seg[2] === 'metadata.json' || seg[2] === 'tilejson.json')) return tileJson(sql, layer, p, url);
    const m = seg.length === 5 ? /^(\d+)\.(mvt|pbf)$/.exec(seg[4]) : null;
    if (m) return tile(sql, layer, seg[2], seg[3], m[1], p, req);
  }
  throw notFound();
}

export async function handleOgc(sql: Sql, req: Request): Promise<Response> {
  try {
    const res = await dispatch(sql, req, new URL(req.url));
    if (req.method === 'HEAD') return new Response(null, { status: res.status, headers: res.headers });
    return res;
  } catch (e) {
    if (!(e instanceof AppError)) console.error('[ogc]', req.method, req.url, e);
    const res = errorResponse(e);
    if (res.status === 401) res.headers.set('www-authenticate', 'Bearer realm="ogc"');
    return res;
  }
}
