/**
 * The one way components call the portal's API: `api('GET /api/sites/:id', { params: { id } })` returns the
 * handler's own response type (contract.ts) and throws ApiError with the server's one error shape
 * (server/http/errors.ts) — the Chinese and English messages and the field details — on any failure.
 */
import type { BodyOf, QueryOf, ResOf } from '../../../server/http/typed.ts';
import type { ApiContract, ApiKey } from './contract.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details?: { path?: string; message?: string; messageEn?: string }[],
  ) {
    super(message);
  }
  /** the message in the page's language */
  text(en = false): string {
    return en ? this.messageEn : this.message;
  }
  /** the first field's message when the server named fields (validation), else the message */
  summary(en = false): string {
    const d = this.details?.[0];
    return (en ? d?.messageEn : d?.message) ?? this.text(en);
  }
}

type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer Rest}` ? N | ParamNames<`/${Rest}`> : P extends `${string}:${infer N}` ? N : never;
type PathOf<K extends string> = K extends `${string} ${infer P}` ? P : never;
type Params<K extends ApiKey> = [ParamNames<PathOf<K>>] extends [never] ? { params?: undefined } : { params: Record<ParamNames<PathOf<K>>, string | number> };
type Query<K extends ApiKey> = QueryOf<ApiContract[K]> extends undefined ? { query?: undefined } : { query?: Partial<Record<keyof QueryOf<ApiContract[K]>, string | number | boolean | null | undefined>> };
type Body<K extends ApiKey> = BodyOf<ApiContract[K]> extends undefined ? { body?: FormData } : { body: BodyOf<ApiContract[K]> | FormData };

export type ApiOpts<K extends ApiKey> = Params<K> & Query<K> & Body<K> & { signal?: AbortSignal; cache?: RequestCache };
export type ApiRes<K extends ApiKey> = ResOf<ApiContract[K]>;

/** The URL of a contract entry, for callers that hand it to something else (pollers, links). */
export function apiUrl<K extends ApiKey>(key: K, opts?: { params?: Record<string, string | number>; query?: Record<string, unknown> }): string {
  const path = key.slice(key.indexOf(' ') + 1).replace(/:([A-Za-z]+)/g, (_, n: string) => {
    const v = opts?.params?.[n];
    if (v === undefined) throw new Error(`api: missing path parameter ${n} for ${key}`);
    return encodeURIComponent(String(v));
  });
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(opts?.query ?? {})) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The options are optional exactly when the entry needs no path parameters and no body. */
export function api<K extends ApiKey>(key: K, ...[opts]: Record<never, never> extends ApiOpts<K> ? [ApiOpts<K>?] : [ApiOpts<K>]): Promise<ApiRes<K>> {
  return apiRequest(key, opts);
}

/** api() for generic callers (hooks keyed by a contract entry), where the optional-argument form cannot resolve. */
export async function apiRequest<K extends ApiKey>(key: K, opts: ApiOpts<K> | undefined): Promise<ApiRes<K>> {
  const o = (opts ?? {}) as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown; signal?: AbortSignal; cache?: RequestCache };
  const method = key.slice(0, key.indexOf(' '));
  const form = o.body instanceof FormData;
  let r: Response;
  try {
    r = await fetch(apiUrl(key, o), {
      method,
      headers: o.body !== undefined && !form ? { 'content-type': 'application/json' } : undefined,
      body: o.body === undefined ? undefined : form ? (o.body as FormData) : JSON.stringify(o.body),
      signal: o.signal,
      cache: o.cache ?? 'no-store',
    });
  } catch (e) {
    if (o.signal?.aborted) throw e;
    throw new ApiError(0, 'NETWORK', '网络连接失败，请稍后重试', 'Network error, please try again');
  }
  const data: unknown = await r.json().catch(() => null);
  if (!r.ok) {
    const err = (data as { error?: { code?: string; message?: string; messageEn?: string; details?: ApiError['details'] } } | null)?.error;
    throw new ApiError(r.status, err?.code ?? 'HTTP', err?.message ?? `请求失败（${r.status}）`, err?.messageEn ?? `Request failed (${r.status})`, err?.details);
  }
  return data as ApiRes<K>;
}

/** Sends a signed-out user to the sign-in page and back here afterwards; true when it did. */
export function redirectIfSignedOut(e: unknown): boolean {
  if (!(e instanceof ApiError) || e.status !== 401) return false;
  window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  return true;
}
