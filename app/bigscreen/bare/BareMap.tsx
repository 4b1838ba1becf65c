'use client';
/**
 * Baseline for tests/bench/bigscreen.ts: the offline basemap and one ScatterplotLayer of the same sites, no
 * panels, charts or sockets. The benchmark compares the big screen's frame rate to this page's.
 */
import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { MapSite } from '../../../server/queries/sites-for-map.ts';
import { basemapStyle, CHANGDU_BOUNDS } from '../../map/basemap-style.ts';
import { dotFill, dotRadius } from '../map/colors.ts';
import { api } from '../../_lib/api/client.ts';

declare global {
  interface Window {
    __bare?: { firstRenderMs: number | null; sites: number; recolour?: (n: number) => void };
    __benchMap?: maplibregl.Map;
  }
}

const get = async (u: string) => (await fetch(u, { cache: 'no-store' })).json();

export function BareMap() {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    window.__bare = { firstRenderMs: null, sites: 0 };
    maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
    let map: maplibregl.Map | null = null;
    (async () => {
      const [prefecture, counties, labels, body] = await Promise.all([
        get('/basemap/prefecture.geojson'),
        get('/basemap/counties.geojson'),
        get('/basemap/county-labels.geojson'),
        api('GET /api/sites'),
      ]);
      if (!el.current) return;
      map = new maplibregl.Map({
        container: el.current,
        style: basemapStyle(window.location.origin, { prefecture, counties, labels }, 'zh'),
        bounds: CHANGDU_BOUNDS,
        fitBoundsOptions: { padding: 40 },
        localIdeographFontFamily: 'Noto Sans CJK SC, sans-serif',
      });
      window.__benchMap = map;
      // the same 1 Hz recolouring the big screen gets, for the long-task reference
      const status = new Map(body.sites.map((s) => [s.id, s.status]));
      let version = 0;
      const layer = () =>
        new ScatterplotLayer<MapSite>({
          id: 'sites',
          data: body.sites,
          getPosition: (d) => [d.lon, d.lat],
          getFillColor: (d) => dotFill(d.category, status.get(d.id)!),
          getRadius: (d) => dotRadius(status.get(d.id)!),
          updateTriggers: { getFillColor: version, getRadius: version },
          radiusUnits: 'pixels',
          stroked: true,
          getLineColor: [4, 10, 21, 210],
          lineWidthUnits: 'pixels',
          getLineWidth: 1.2,
        });
      const overlay = new MapboxOverlay({
        interleaved: false,
        layers: [layer()],
        onAfterRender: () => {
          if (window.__bare && window.__bare.firstRenderMs == null && body.sites.length) {
            window.__bare.firstRenderMs = Math.round(performance.now());
            window.__bare.sites = body.sites.length;
          }
        },
      });
      map.addControl(overlay);
      window.__bare!.recolour = (n: number) => {
        const st = ['normal', 'warning', 'alarm', 'critical'] as const;
        for (let i = 0; i < n; i++) status.set(body.sites[Math.floor(Math.random() * body.sites.length)].id, st[i % 4]);
        version++;
        overlay.setProps({ layers: [layer()] });
      };
    })().catch((e) => console.error('[bare]', e));
    return () => map?.remove();
  }, []);
  // the big screen's map cell at 1920×1080 (992×892 design px): the same pixels to draw, a fair ratio
  return (
    <div
      ref={el}
      data-testid="bare-map"
      style={{ position: 'fixed', left: 464, top: 104, width: 992, height: 892, background: '#071224' }}
    />
  );
}
