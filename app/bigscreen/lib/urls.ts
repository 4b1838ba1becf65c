/**
 * The wall's API addresses, in one place: the page preloads the first ones while the scripts load, and a
 * preload is used only by a request for exactly the same URL.
 */
import type { TrendRange } from '../../../lib/domain/bigscreen/buckets.ts';
import { apiUrl } from '../../_lib/api/client.ts';

export const BASEMAP_URLS = ['/basemap/prefecture.geojson', '/basemap/counties.geojson', '/basemap/county-labels.geojson'] as const;

export const summaryReq = (county: number | null) => ({ query: { county: county ?? undefined } });
export const trendsReq = (range: TrendRange, county: number | null) => ({ query: { range, county: county ?? undefined } });

/** into a site's twin from the wall, and back to the wall with that site selected (useSiteFocus) */
export const twinHref = (id: string) => `/sites/${encodeURIComponent(id)}?from=bigscreen`;
export const backHref = (id: string) => `/bigscreen?site=${encodeURIComponent(id)}`;

/** what the first render asks for (the sites come in the page itself) */
export const FIRST_URLS = [apiUrl('GET /api/bigscreen/summary', summaryReq(null)), apiUrl('GET /api/bigscreen/trends', trendsReq('24h', null)), ...BASEMAP_URLS];
