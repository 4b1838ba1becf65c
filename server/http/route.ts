/**
 * The one wrapper every API route handler uses: body-size limit, CSRF origin check on unsafe methods,
 * session → principal, permission, zod validation of query and body, one error shape (errors.ts).
 */
import type { z } from 'zod';
import { services } from '../services.ts';
import { principalFromToken, readCookie, SESSION_COOKIE } from '../auth/session.ts';
import { can, type Action } from '../../lib/domain/permissions.ts';
import type { Principal } from '../../platform/scope.ts';
import { AppError, errorResponse, toAppError } from './errors.ts';
import { zodDetails } from './validation.ts';
import type { InputOf, TypedHandler, WireOf } from './typed.ts';

export interface RouteCtx<Q, B> {
  req: Request;
  principal: Principal;
  query: Q;
  body: B;
  ip: string | null;
  params: Record<string, string>;
}

interface Opts<QS extends z.ZodType | undefined, BS extends z.ZodType | undefined> {
  /** undefined: any signed-in user */
  permission?: Action;
  query?: QS;
  body?: BS;
  maxBodyBytes?: number;
}

type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** Where a handler made by route() keeps its schemas, so tests can fuzz every route's query and body. */
export const ROUTE_SCHEMAS = Symbol.for('esms.routeSchemas');
export interface RouteSchemas {
  query?: z.ZodType;
  body?: z.ZodType;
  maxBodyBytes: number;
}

export function clientIp(req: Request): string | null {
  return req.headers.get('x-esms-client-ip') ?? null;
}

/** Unsafe methods must come from our own origin (SameSite=Lax cookies + Origin check, OWASP). */
export function checkOrigin(req: Request) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
  const origin = req.headers.get('origin');
  const site = req.headers.get('sec-fetch-site');
  const host = req.headers.get('host');
  if (site && site !== 'same-origin' && site !== 'none') throw new AppError('CSRF');
  if (origin) {
    let oh: string;
    try {
      oh = new URL(origin).host;
    } catch {
      throw new AppError('CSRF');
    }
    if (oh !== host) throw new AppError('CSRF');
  } else if (!site) {
    // neither header: not a browser form post; API clients must send Origin
    throw new AppError('CSRF', { messageEn: 'Origin header required' });
  }
}

export async function readJsonBody(req: Request, max: number): Promise<unknown> {
  const len = Number(req.headers.get('content-length') ?? '0');
  if (len > max) throw new AppError('PAYLOAD_TOO_LARGE');
  const text = await req.text();
  if (Buffer.byteLength(text) > max) throw new AppError('PAYLOAD_TOO_LARGE');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', { message: '请求体不是有效的 JSON', messageEn: 'Body is not valid JSON' });
  }
}

export async function principalOf(req: Request): Promise<Principal | null> {
  return principalFromToken(services().sql, readCookie(req.headers.get('cookie'), SESSION_COOKIE));
}

/** A NUL anywhere in the input (Postgres text cannot hold one: it would fail as a 500 deep in a query). */
function hasNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (depth > 64 || v === null || typeof v !== 'object') return false;
  return Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x, depth + 1));
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  if (hasNul(value)) throw new AppError('BAD_REQUEST', { message: '输入中含有不允许的控制字符', messageEn: 'Input contains a NUL character' });
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError('VALIDATION', { details: zodDetails(r.error) });
  return r.data;
}

export function route<QS extends z.ZodType | undefined = undefined, BS extends z.ZodType | undefined = undefined, R = unknown>(
  opts: Opts<QS, BS>,
  handler: (ctx: RouteCtx<Out<QS>, Out<BS>>) => Promise<R>,
): TypedHandler<WireOf<R>, InputOf<QS>, InputOf<BS>> {
  const maxBodyBytes = opts.maxBodyBytes ?? 256 * 1024;
  const handle = async (req: Request, ctx?: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      checkOrigin(req);
      const principal = await principalOf(req);
      if (!principal) throw new AppError('UNAUTHENTICATED');
      if (opts.permission && !can(principal.role, opts.permission)) throw new AppError('FORBIDDEN');
      const url = new URL(req.url);
      const query = opts.query ? parseWith(opts.query, Object.fromEntries(url.searchParams)) : undefined;
      const body = opts.body ? parseWith(opts.body, await readJsonBody(req, maxBodyBytes)) : undefined;
      const params = (await ctx?.params) ?? {};
      const out = await handler({ req, principal, query: query as Out<QS>, body: body as Out<BS>, ip: clientIp(req), params });
      if (out instanceof Response) return out;
      return Response.json(out ?? { ok: true });
    } catch (e) {
      const err = toAppError(e);
      if (err.status >= 500) console.error('[api]', req.method, req.url, e);
      return errorResponse(err);
    }
  };
  const schemas: RouteSchemas = { query: opts.query, body: opts.body, maxBodyBytes };
  return Object.defineProperty(handle, ROUTE_SCHEMAS, { value: schemas });
}
