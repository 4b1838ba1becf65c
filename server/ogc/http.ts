/** Response helpers shared by the /ogc handlers: media types, the CRS84 header, base URL and the error shape. */
import { AppError } from '../http/errors.ts';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const GEOJSON = 'application/geo+json';
export const JSON_T = 'application/json';
export const OPENAPI_T = 'application/vnd.oai.openapi+json;version=3.0';
export const SCHEMA_T = 'application/schema+json';

/** Where /ogc lives as the client sees it: the request's own origin (the launcher forwards Host). */
export function ogcBase(url: URL): string {
  return `${url.origin}/ogc`;
}

export function ogcJson(body: unknown, type = JSON_T, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': type, 'cache-control': 'private, no-store', vary: 'Authorization', ...extra },
  });
}

export const badParam = (name: string, why: string) =>
  new AppError('BAD_REQUEST', { message: `参数 ${name} 无效：${why}`, messageEn: `Invalid parameter ${name}: ${why}`, details: [{ path: name, message: why }] });

export const notFound = () => new AppError('NOT_FOUND');
