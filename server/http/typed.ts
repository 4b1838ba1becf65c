/**
 * Types that tie a route handler to its browser caller: a handler's JSON result, query and body are carried on the
 * exported handler as a phantom type, so app/_lib/api reads them from the handlers themselves — one definition, no
 * casts on either side. `json()` is Response.json with the body's type kept.
 */
import type { z } from 'zod';

declare const JSON_BODY: unique symbol;
/** A Response whose JSON body has type T (a compile-time brand only). */
export type JsonResponse<T> = Response & { readonly [JSON_BODY]?: T };

export function json<T>(data: T, init?: ResponseInit): JsonResponse<T> {
  return Response.json(data, init) as JsonResponse<T>;
}

/** What JSON.stringify makes of T: dates become strings, functions and undefined drop out, arrays (and tuples) stay. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends string | number | boolean | null
    ? T
    : T extends undefined | symbol | ((...a: never[]) => unknown)
      ? never
      : T extends readonly unknown[]
        ? number extends T['length']
          ? Jsonify<T[number]>[]
          : { -readonly [I in keyof T]: Jsonify<T[I]> }
        : T extends object
          ? { [K in keyof T as T[K] extends (...a: never[]) => unknown ? never : K]: Jsonify<T[K]> }
          : never;

/** What a handler's result means on the wire: plain data, a typed JSON response, or (files, redirects) no JSON. */
export type WireOf<R> = R extends JsonResponse<infer T> ? (unknown extends T ? never : Jsonify<T>) : R extends Response ? never : Jsonify<R>;

declare const ROUTE_TYPES: unique symbol;
export interface RouteTypes<Res, Query, Body> {
  res: Res;
  query: Query;
  body: Body;
}
/** An exported Next route handler that also carries its request and response types. */
export type TypedHandler<Res, Query, Body> = ((req: Request, ctx?: { params?: Promise<Record<string, string>> }) => Promise<Response>) & {
  readonly [ROUTE_TYPES]?: RouteTypes<Res, Query, Body>;
};

export type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;
export type ResOf<H> = H extends { readonly [ROUTE_TYPES]?: RouteTypes<infer R, unknown, unknown> } ? R : never;
export type QueryOf<H> = H extends { readonly [ROUTE_TYPES]?: RouteTypes<unknown, infer Q, unknown> } ? Q : never;
export type BodyOf<H> = H extends { readonly [ROUTE_TYPES]?: RouteTypes<unknown, unknown, infer B> } ? B : never;
