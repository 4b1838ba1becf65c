/**
 * The map's side of the way into a site's 3D twin and back: the site's building footprints drawn on the map
 * (a GeoJSON source under the deck.gl dots), a flight down onto them before the twin opens, and on the way
 * back a start right over them that eases out to the surroundings. The twin starts straight above the same
 * footprints, north up, so the hand-over keeps the place.
 */
import type { GeoJSONSource, LngLatBoundsLike, Map as MlMap } from 'maplibre-gl';
import { LABEL_FONT } from './basemap-style.ts';
import { api } from '../_lib/api/client.ts';

export type Footprints = GeoJSON.FeatureCollection<GeoJSON.Polygon, { id: number; name: string; nameEn: string; floors: number }>;

const SRC = 'site-footprints';
const EMPTY: Footprints = { type: 'FeatureCollection', features: [] };
/** close enough that a temple's halls are shapes, not a dot */
export const FOOTPRINT_MAX_ZOOM = 18;

export async function fetchFootprints(siteId: string, signal?: AbortSignal): Promise<Footprints | null> {
  return api('GET /api/sites/:id/footprints', { params: { id: siteId }, signal, cache: 'default' }).catch(() => null);
}

/** Draws (or clears, with null) the footprints; labels in the chosen language. Idempotent. */
export function showFootprints(map: MlMap, fc: Footprints | null, lang: 'zh' | 'en'): void {
  const src = map.getSource(SRC) as GeoJSONSource | undefined;
  if (src) src.setData(fc ?? EMPTY);
  else {
    map.addSource(SRC, { type: 'geojson', data: fc ?? EMPTY });
    // below the site dots (deck.gl draws over the basemap), above roads and rivers
    map.addLayer({ id: 'fp-fill', type: 'fill', source: SRC, minzoom: 13, paint: { 'fill-color': '#c9bfa8', 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 13, 0.4, 16, 0.85] } });
    map.addLayer({ id: 'fp-line', type: 'line', source: SRC, minzoom: 13, paint: { 'line-color': '#38c6ff', 'line-width': 1.2 } });
    map.addLayer({
      id: 'fp-label',
      type: 'symbol',
      source: SRC,
      minzoom: 16.5,
      layout: { 'text-field': ['get', lang === 'en' ? 'nameEn' : 'name'], 'text-font': LABEL_FONT, 'text-size': 12, 'text-max-width': 6 },
      paint: { 'text-color': '#0b1a2e', 'text-halo-color': 'rgba(255,255,255,0.6)', 'text-halo-width': 1 },
    });
  }
  if (map.getLayer('fp-label')) map.setLayoutProperty('fp-label', 'text-field', ['get', lang === 'en' ? 'nameEn' : 'name']);
}

export function boundsOf(fc: Footprints): [[number, number], [number, number]] | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of fc.features)
    for (const [x, y] of f.geometry.coordinates[0]) [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
  return Number.isFinite(w) ? [[w, s], [e, n]] : null;
}

const reduced = () => typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;

function settle(map: MlMap): Promise<void> {
  return new Promise((resolve) => {
    if (!map.isMoving()) return resolve();
    map.once('moveend', () => resolve());
  });
}

/** Screen space taken by the floating panels, so the footprints are framed beside them. */
export interface Pad {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
/**
 * Padding that keeps the footprints clear of the panels floating over the map: a panel spanning most of the
 * width (a phone's bottom sheet, the legend bar) pads top or bottom, any other pads its side.
 */
export function padFor(map: MlMap, panels: (Element | null)[]): Pad {
  const box = map.getContainer().getBoundingClientRect();
  const pad: Pad = { top: 0, bottom: 0, left: 0, right: 0 };
  for (const el of panels) {
    if (!el) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.bottom <= box.top || r.top >= box.bottom) continue;
    if (r.width > box.width * 0.6) {
      if (r.top + r.height / 2 < box.top + box.height / 2) pad.top = Math.max(pad.top, r.bottom - box.top);
      else pad.bottom = Math.max(pad.bottom, box.bottom - r.top);
    } else if (r.left + r.width / 2 < box.left + box.width / 2) pad.left = Math.max(pad.left, r.right - box.left);
    else pad.right = Math.max(pad.right, box.right - r.left);
  }
  // never squeeze the view to nothing
  const maxV = box.height * 0.8, maxH = box.width * 0.8;
  if (pad.top + pad.bottom > maxV) [pad.top, pad.bottom] = [(pad.top / (pad.top + pad.bottom)) * maxV, (pad.bottom / (pad.top + pad.bottom)) * maxV];
  if (pad.left + pad.right > maxH) [pad.left, pad.right] = [(pad.left / (pad.left + pad.right)) * maxH, (pad.right / (pad.left + pad.right)) * maxH];
  return pad;
}

const grow = (p: Pad, by: number): Pad => ({ top: p.top + by, bottom: p.bottom + by, left: p.left + by, right: p.right + by });

/** Flies north-up onto the footprints (what the twin's first frame shows), resolving when there. */
export async function flyInto(map: MlMap, b: LngLatBoundsLike, pad: Pad): Promise<void> {
  map.setMaxZoom(FOOTPRINT_MAX_ZOOM);
  map.fitBounds(b, { padding: grow(pad, 30), maxZoom: FOOTPRINT_MAX_ZOOM, bearing: 0, pitch: 0, duration: reduced() ? 0 : 1400, essential: true });
  await settle(map);
}

/** Back from the twin: start over the footprints, then ease out about them so the surroundings come into view. */
export async function cameBackTo(map: MlMap, b: [[number, number], [number, number]], pad: Pad): Promise<void> {
  map.setMaxZoom(FOOTPRINT_MAX_ZOOM);
  map.fitBounds(b, { padding: grow(pad, 30), maxZoom: FOOTPRINT_MAX_ZOOM, duration: 0 });
  const z = map.getZoom();
  await new Promise((r) => setTimeout(r, reduced() ? 0 : 400)); // a beat over the footprints first
  // zoom about the footprints (not the screen centre, which may lie under a panel) so they stay in view
  const around: [number, number] = [(b[0][0] + b[1][0]) / 2, (b[0][1] + b[1][1]) / 2];
  map.easeTo({ zoom: Math.max(12, z - 2.5), around, duration: reduced() ? 0 : 1600, essential: true });
  await settle(map);
}
