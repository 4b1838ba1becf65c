'use client';
/**
 * The map: maplibre draws the offline basemap, a deck.gl overlay draws the sites. Statuses change in place
 * (statusOf + version as updateTriggers) so a live delta recolours points without rebuilding the data.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { PickingInfo } from '@deck.gl/core';
import type { SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import { tr, type Lang } from '../../lib/i18n/portal.ts';
import type { MapSite } from '../../server/queries/sites-for-map.ts';
import { basemapStyle, CHANGDU_BOUNDS } from './basemap-style.ts';
import { siteFill, siteLine, siteRadius } from './colors.ts';
import s from './map.module.css';

export interface HoverInfo {
  site: MapSite;
  x: number;
  y: number;
}

interface Props {
  sites: MapSite[];
  statusOf: (site: MapSite) => SiteStatus;
  /** bumped whenever statusOf's answers change */
  version: number;
  hidden: ReadonlySet<string>;
  selectedId: string | null;
  lang: Lang;
  /** left padding for the initial view, so the legend panel does not cover the prefecture */
  padLeft: number;
  onHover: (h: HoverInfo | null) => void;
  onSelect: (site: MapSite | null) => void;
  /** the map once loaded (null on unmount), for the way into and out of a site's twin (site-focus.ts) */
  onMap?: (map: maplibregl.Map | null) => void;
  /** skip the initial fit to the user's sites (a focus on one site takes the view instead) */
  holdFit?: boolean;
}

async function getJson(path: string): Promise<GeoJSON.FeatureCollection> {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

export function SiteMap(props: Props) {
  const { sites, statusOf, version, hidden, selectedId, lang, padLeft } = props;
  // phones see the whole prefecture in ~350 px: smaller dots keep it from becoming one blob
  const compact = padLeft === 0;
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const cbRef = useRef(props);
  cbRef.current = props;
  const [ready, setReady] = useState(false);
  const [counties, setCounties] = useState(0);

  useEffect(() => {
    let map: maplibregl.Map | null = null;
    let cancelled = false;
    maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
    (async () => {
      const [prefecture, countiesGeo, labels] = await Promise.all([
        getJson('/basemap/prefecture.geojson'),
        getJson('/basemap/counties.geojson'),
        getJson('/basemap/county-labels.geojson'),
      ]);
      if (cancelled || !el.current) return;
      map = new maplibregl.Map({
        container: el.current,
        style: basemapStyle(window.location.origin, { prefecture, counties: countiesGeo, labels }, cbRef.current.lang),
        bounds: CHANGDU_BOUNDS,
        fitBoundsOptions: { padding: { top: 40, bottom: 40, left: cbRef.current.padLeft + 40, right: 40 } },
        maxBounds: [
          [88, 25],
          [105, 36],
        ],
        minZoom: 5,
        maxZoom: 15,
        dragRotate: false,
        pitchWithRotate: false,
        localIdeographFontFamily: 'Noto Sans CJK SC, Noto Sans SC, sans-serif',
        attributionControl: { compact: true, customAttribution: '边界 DataV.GeoAtlas · 河流 Natural Earth, GSHHG · 道路为示意' },
      });
      map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
      map.touchZoomRotate.disableRotation();
      // not interleaved: deck 9.4's interleaved mode throws inside maplibre 6's custom-layer render (reading 'height')
      const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
      map.addControl(overlay);
      mapRef.current = map;
      overlayRef.current = overlay;
      // a handle for browser tests (project a site's lon/lat to pixels); read-only use
      (window as unknown as { __esmsMap?: maplibregl.Map }).__esmsMap = map;
      map.on('load', () => {
        setCounties(countiesGeo.features.length);
        setReady(true);
        cbRef.current.onMap?.(map);
      });
    })().catch((e) => console.error('[map]', e));
    return () => {
      cancelled = true;
      cbRef.current.onMap?.(null);
      overlayRef.current = null;
      mapRef.current = null;
      map?.remove();
    };
  }, []);

  // county and town names follow the language toggle
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const field = lang === 'en' ? 'name_en' : 'name';
    map.setLayoutProperty('county-labels', 'text-field', ['get', field]);
    map.setLayoutProperty('county-labels', 'text-letter-spacing', lang === 'en' ? 0.02 : 0.25);
    map.setLayoutProperty('town-labels', 'text-field', ['get', field]);
    map.setLayoutProperty('river-labels', 'text-field', ['get', lang === 'en' ? 'name_en' : 'name_zh_added']);
  }, [lang, ready]);

  // a county or sector user starts on its own sites rather than on the whole prefecture
  const fitted = useRef(false);
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || fitted.current || sites.length === 0) return;
    fitted.current = true;
    if (cbRef.current.holdFit) return;
    let [w, so, e, n] = [180, 90, -180, -90];
    for (const x of sites) [w, so, e, n] = [Math.min(w, x.lon), Math.min(so, x.lat), Math.max(e, x.lon), Math.max(n, x.lat)];
    if (e - w > 3 && n - so > 2) return;
    map.fitBounds(
      [
        [w, so],
        [e, n],
      ],
      { padding: { top: 60, bottom: 60, left: padLeft + 60, right: 60 }, maxZoom: 11, duration: 0 },
    );
  }, [ready, sites, padLeft]);

  const visible = useMemo(() => (hidden.size ? sites.filter((x) => !hidden.has(x.category)) : sites), [sites, hidden]);
  const selected = useMemo(() => (selectedId ? (sites.find((x) => x.id === selectedId) ?? null) : null), [sites, selectedId]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!ready || !overlay) return;
    const layers = [
      new ScatterplotLayer<MapSite>({
        id: 'sites',
        data: visible,
        getPosition: (d) => [d.lon, d.lat],
        getFillColor: (d) => siteFill(d.category, statusOf(d)),
        getLineColor: (d) => siteLine(statusOf(d)),
        getRadius: (d) => siteRadius(statusOf(d)),
        radiusUnits: 'pixels',
        radiusScale: compact ? 0.6 : 1,
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        stroked: true,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 90],
        updateTriggers: { getFillColor: version, getLineColor: version, getRadius: version },
        onHover: (info: PickingInfo<MapSite>) => cbRef.current.onHover(info.object ? { site: info.object, x: info.x, y: info.y } : null),
        onClick: (info: PickingInfo<MapSite>) => {
          if (info.object) cbRef.current.onSelect(info.object);
        },
      }),
      new ScatterplotLayer<MapSite>({
        id: 'selected',
        data: selected ? [selected] : [],
        getPosition: (d) => [d.lon, d.lat],
        getRadius: 13,
        radiusUnits: 'pixels',
        filled: false,
        stroked: true,
        getLineColor: [56, 198, 255, 255],
        getLineWidth: 2.5,
        lineWidthUnits: 'pixels',
      }),
    ];
    overlay.setProps({ layers, getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab') });
  }, [ready, visible, selected, statusOf, version, compact]);

  return (
    // maplibre makes its container position:relative, so the absolute box is a wrapper
    <div className={s.mapWrap}>
      <div
        ref={el}
        className={s.map}
        data-testid="site-map"
        data-ready={ready ? '1' : '0'}
        data-counties={counties}
        data-sites-drawn={ready ? visible.length : 0}
        aria-label={tr(lang, 'mapAria')}
        role="region"
      />
    </div>
  );
}
