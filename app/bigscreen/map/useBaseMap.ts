'use client';
/**
 * The maplibre map with the offline basemap (public/basemap, styled by app/map/basemap-style.ts) sized for the
 * wall: bigger labels, county highlight and choropleth layers, and a deck.gl overlay rendering at the screen's
 * real resolution (pixel ratio × stage scale).
 */
import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { basemapStyle, CHANGDU_BOUNDS } from '../../map/basemap-style.ts';
import type { Lang } from '../lib/format.ts';
import { BASEMAP_URLS } from '../lib/urls.ts';
import { onSecond } from '../lib/secondTick.ts';
import { deckOnDemand, type OnDemand } from './deckOnDemand.ts';
import { countyLabels, countyShapes, type CountyShape } from './geo.ts';
import type { CountyLabel } from './layers.ts';

async function getJson(path: string): Promise<GeoJSON.FeatureCollection> {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

export const MAP_PADDING = { top: 70, bottom: 120, left: 40, right: 40 };

function wallLayers(map: maplibregl.Map) {
  // the data credits fold into their ⓘ button (a click opens them): maplibre folds them on the first drag,
  // and nobody drags a wall
  map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
  // legible from across the room: county names ≥ 20 px, towns and rivers ≥ 16 px
  // county names are drawn by deck above the site dots (layers.ts), not under them
  map.setLayoutProperty('county-labels', 'visibility', 'none');
  map.setLayoutProperty('town-labels', 'text-size', 16);
  map.setLayerZoomRange('town-labels', 7.4, 24);
  map.setLayoutProperty('river-labels', 'text-size', 15);
  map.setPaintProperty('county-line', 'line-color', '#4f8cc9');
  map.addLayer(
    {
      id: 'bs-choro',
      type: 'fill',
      source: 'counties',
      layout: { visibility: 'none' },
      paint: { 'fill-color': 'rgba(0,0,0,0)', 'fill-opacity': 0.55 },
    },
    'rivers-minor',
  );
  map.addLayer(
    {
      id: 'bs-hover',
      type: 'fill',
      source: 'counties',
      filter: ['==', ['get', 'adcode'], ''],
      paint: { 'fill-color': '#38c6ff', 'fill-opacity': 0.1 },
    },
    'rivers-minor',
  );
  map.addLayer(
    {
      id: 'bs-selected-glow',
      type: 'line',
      source: 'counties',
      filter: ['==', ['get', 'adcode'], ''],
      paint: { 'line-color': '#38c6ff', 'line-width': 10, 'line-blur': 8, 'line-opacity': 0.55 },
    },
    'county-labels',
  );
  map.addLayer(
    {
      id: 'bs-selected',
      type: 'line',
      source: 'counties',
      filter: ['==', ['get', 'adcode'], ''],
      paint: { 'line-color': '#9be7ff', 'line-width': 2.4 },
    },
    'county-labels',
  );
}

export function useBaseMap(el: React.RefObject<HTMLDivElement | null>, lang: Lang, pixelRatio: number) {
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const frames = useRef<OnDemand | null>(null);
  const [ready, setReady] = useState(false);
  const [counties, setCounties] = useState<CountyShape[]>([]);
  const [labels, setLabels] = useState<CountyLabel[]>([]);
  const prRef = useRef(pixelRatio);
  prRef.current = pixelRatio;
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    let map: maplibregl.Map | null = null;
    let cancelled = false;
    maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
    (async () => {
      const [prefecture, countiesGeo, labelsGeo] = await Promise.all(BASEMAP_URLS.map(getJson));
      if (cancelled || !el.current) return;
      performance.mark('bs:geojson');
      map = new maplibregl.Map({
        container: el.current,
        style: basemapStyle(window.location.origin, { prefecture, counties: countiesGeo, labels: labelsGeo }, langRef.current),
        bounds: CHANGDU_BOUNDS,
        fitBoundsOptions: { padding: MAP_PADDING },
        maxBounds: [
          [86, 24],
          [107, 37],
        ],
        minZoom: 4.5,
        maxZoom: 15,
        maxPitch: 60,
        pixelRatio: prRef.current,
        dragRotate: false,
        localIdeographFontFamily: 'Noto Sans CJK SC, Noto Sans SC, sans-serif',
        attributionControl: { compact: true, customAttribution: '边界 DataV.GeoAtlas · 河流 Natural Earth, GSHHG · 道路为示意' },
        fadeDuration: 0,
      });
      map.touchZoomRotate.disableRotation();
      const overlay = new MapboxOverlay({
        interleaved: false,
        layers: [],
        useDevicePixels: prRef.current,
        // luma.gl asks for preserveDrawingBuffer by default: every redraw is then copied out of the canvas
        // before the compositor may take it, and the frame that shows an update waits for that copy. No MSAA
        // either: dots and names smooth their own edges in the shader, and multisampling a software-rendered
        // canvas costs several times the draw (the wall renders at its real pixel density anyway).
        deviceProps: { webgl: { preserveDrawingBuffer: false, antialias: false } },
      });
      map.addControl(overlay);
      frames.current = deckOnDemand(overlay);
      const wake = () => frames.current?.wake();
      for (const e of ['mousemove', 'mouseout', 'mousedown', 'click', 'resize'] as const) map.on(e, wake);
      mapRef.current = map;
      overlayRef.current = overlay;
      const w = window as unknown as { __bigscreenMap?: maplibregl.Map; __bigscreenDeckBusy?: () => boolean };
      w.__bigscreenMap = map;
      w.__bigscreenDeckBusy = () => frames.current?.busy() ?? false;
      // the basemap's own sources (rivers, roads, towns) may still be loading: deck can draw already
      map.once('style.load', () => {
        if (cancelled || !map) return;
        performance.mark('bs:style');
        wallLayers(map);
        setCounties(countyShapes(countiesGeo));
        setLabels(countyLabels(labelsGeo));
        setReady(true);
      });
    })().catch((e) => console.error('[bigscreen map]', e));
    return () => {
      cancelled = true;
      overlayRef.current = null;
      frames.current?.destroy();
      frames.current = null;
      mapRef.current = null;
      map?.remove();
    };
  }, [el]);

  // the wall's scale changed (window resized): keep rendering at the real resolution
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    if (Math.abs(map.getPixelRatio() - pixelRatio) > 0.01) map.setPixelRatio(pixelRatio);
    overlayRef.current?.setProps({ useDevicePixels: pixelRatio });
    frames.current?.wake(500);
  }, [ready, pixelRatio]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const f = lang === 'en' ? 'name_en' : 'name';
    map.setLayoutProperty('town-labels', 'text-field', ['get', f]);
    map.setLayoutProperty('river-labels', 'text-field', ['get', lang === 'en' ? 'name_en' : 'name_zh_added']);
  }, [lang, ready]);

  // deck's loop sleeps between changes: a heartbeat catches anything deck still wants to draw
  useEffect(() => (ready ? onSecond(() => frames.current?.check()) : undefined), [ready]);

  return { map: mapRef, overlay: overlayRef, frames, ready, counties, labels };
}
