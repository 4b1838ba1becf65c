/** Small helpers for the public (session-less) API routes. */
import { AppError, errorResponse } from '../http/errors.ts';
import type { JsonResponse, TypedHandler, WireOf } from '../http/typed.ts';

export function publicJson<T>(data: T, maxAgeS = 60): JsonResponse<T> {
  return new Response(JSON.stringify(data), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': maxAgeS > 0 ? `public, max-age=${maxAgeS}, stale-while-revalidate=${maxAgeS * 5}` : 'no-store',
    },
  }) as JsonResponse<T>;
}

/** Public handlers take their body themselves (multipart forms), so only the response is typed. */
export function handlePublic<R extends Response>(fn: (req: Request) => Promise<R>): TypedHandler<WireOf<R>, undefined, undefined> {
  return async (req: Request): Promise<Response> => {
    try {
      return await fn(req);
    } catch (e) {
      if (!(e instanceof AppError)) console.error('[public-api]', req.method, req.url, e);
      return errorResponse(e);
    }
  };
}

/** Reads at most `max` bytes of the body; a longer body is refused without being buffered. */
export async function readBodyLimited(req: Request, max: number): Promise<Buffer> {
  const len = Number(req.headers.get('content-length') ?? '0');
  if (len > max) throw new AppError('PAYLOAD_TOO_LARGE');
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > max) {
      await reader.cancel().catch(() => {});
      throw new AppError('PAYLOAD_TOO_LARGE');
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}
