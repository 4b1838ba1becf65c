'use client';
/**
 * The centre map: basemap + deck.gl layers, county choropleth and selection, hover tooltips, clicks (site →
 * card, county → filter), pulses on new alarms, and flights requested by the screen (site, county, home).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MapMouseEvent, Map as MlMap } from 'maplibre-gl';
import type { SiteStatus } from '../../../lib/domain/vocabulary/index.ts';
import type { MapSite } from '../../../server/queries/sites-for-map.ts';
import { CHANGDU_BOUNDS } from '../../map/basemap-style.ts';
import type { Lang } from '../lib/format.ts';
import { coverageColour, hazardColour } from './colors.ts';
import { matchByAdcode, type CountyShape } from './geo.ts';
import { buildLayers, HALO, type ActivityPoint, type Pulse } from './layers.ts';
import { PulseRings } from './PulseRings.tsx';
import { MapTooltip, type Hover } from './MapTooltip.tsx';
import { MAP_PADDING, useBaseMap } from './useBaseMap.ts';
import { atNextSecond } from '../lib/secondTick.ts';
import { words } from '../lib/words.ts';
import s from './map.module.css';

export type Choro = 'none' | 'coverage' | 'hazards';
export type FlightTarget = { kind: 'site'; site: MapSite } | { kind: 'county'; adcode: number } | { kind: 'home' };
export type Flight = FlightTarget & { nonce: number };
export interface CountyValue {
  coverage: number | null;
  hazards: number;
  sites: number;
  alarms: number;
}

interface Props {
  lang: Lang;
  pixelRatio: number;
  sites: MapSite[];
  statusOf: (id: string) => SiteStatus;
  version: number;
  muted: boolean;
  hiddenCats: ReadonlySet<string>;
  showSites: boolean;
  bySector: boolean;
  showDensity: boolean;
  showColumns: boolean;
  choro: Choro;
  countyValues: Record<number, CountyValue>;
  activity: ActivityPoint[];
  pulses: Pulse[];
  selected: MapSite | null;
  county: number | null;
  flight: Flight | null;
  onSelectSite: (s: MapSite | null) => void;
  onCounty: (adcode: number) => void;
  onFirstRender: () => void;
  onCounties: (c: CountyShape[]) => void;
  /** the maplibre map once ready (null when gone), for the way into a site's twin (useSiteFocus) */
  onMap?: (m: MlMap | null) => void;
}

export function BigMap(p: Props) {
  const el = useRef<HTMLDivElement>(null);
  const { map, overlay, frames, ready, counties, labels } = useBaseMap(el, p.lang, p.pixelRatio);
  const cb = useRef(p);
  cb.current = p;
  const [hover, setHover] = useState<Hover | null>(null);
  const firstDone = useRef(false);
  // county names join the map just after its first frame: compiling the text shader (software GL) would
  // otherwise hold the first picture, and the panels' paints queue behind it
  const [namesOn, setNamesOn] = useState(false);

  useEffect(() => {
    if (counties.length) cb.current.onCounties(counties);
  }, [counties]);
  useEffect(() => {
    if (!ready) return;
    cb.current.onMap?.(map.current);
    return () => cb.current.onMap?.(null);
  }, [ready, map]);

  const visible = useMemo(
    () => (p.hiddenCats.size ? p.sites.filter((x) => !p.hiddenCats.has(x.category)) : p.sites),
    [p.sites, p.hiddenCats],
  );
  const statusOfSite = useMemo(() => (x: MapSite) => p.statusOf(x.id), [p.statusOf]);
  const haloed = useMemo(
    () => (p.showSites ? visible.filter((x) => HALO[p.statusOf(x.id)]) : []),
    // statuses change in place: version says when
    [visible, p.statusOf, p.version, p.showSites],
  );
  const activity = useMemo(
    () => (p.hiddenCats.size ? p.activity.filter((a) => !p.hiddenCats.has(a.site.category)) : p.activity),
    [p.activity, p.hiddenCats],
  );

  // deck's callbacks once (before the first layers), so a redraw is asked for only by the layers
  useLayoutEffect(() => {
    const o = overlay.current;
    if (!ready || !o) return;
    o.setProps({
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
      onAfterRender: () => {
        if (!firstDone.current && cb.current.sites.length > 0) {
          firstDone.current = true;
          cb.current.onFirstRender();
          atNextSecond(() => setNamesOn(true));
        }
      },
    });
    frames.current?.check();
  }, [ready, overlay, frames]);

  // a layout effect: the new layers reach deck in the same frame as the DOM changes of this render
  useLayoutEffect(() => {
    const o = overlay.current;
    if (!ready || !o) return;
    const layers = buildLayers({
      sites: visible,
      haloed,
      statusOf: statusOfSite,
      version: p.version,
      muted: p.muted,
      showSites: p.showSites,
      bySector: p.bySector,
      showDensity: p.showDensity,
      showColumns: p.showColumns,
      activity,
      selected: p.selected,
      countyLabels: namesOn ? labels : [],
      lang: p.lang,
      county: p.county,
    });
    o.setProps({ layers });
    frames.current?.check();
  }, [
    ready,
    visible,
    haloed,
    statusOfSite,
    p.version,
    p.muted,
    p.showSites,
    p.bySector,
    p.showDensity,
    p.showColumns,
    activity,
    p.selected,
    labels,
    namesOn,
    p.lang,
    p.county,
    overlay,
    frames,
  ]);

  // pointer: a site under the cursor wins over the county beneath it
  useEffect(() => {
    const m = map.current;
    if (!ready || !m) return;
    let pending = false;
    const pickSite = (e: MapMouseEvent) =>
      (overlay.current?.pickObject({ x: e.point.x, y: e.point.y, radius: 6, layerIds: ['sites'] })?.object as MapSite | undefined) ?? null;
    const county = (e: MapMouseEvent) => {
      const f = m.queryRenderedFeatures(e.point, { layers: ['county-fill'] })[0];
      return f ? Number(f.properties?.adcode) : null;
    };
    const onMove = (e: MapMouseEvent) => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        const site = pickSite(e);
        const c = site ? null : county(e);
        m.setFilter('bs-hover', ['==', ['get', 'adcode'], c ? String(c) : '']);
        setHover(
          site ? { kind: 'site', site, x: e.point.x, y: e.point.y } : c ? { kind: 'county', adcode: c, x: e.point.x, y: e.point.y } : null,
        );
      });
    };
    const onClick = (e: MapMouseEvent) => {
      const site = pickSite(e);
      if (site) return cb.current.onSelectSite(site);
      const c = county(e);
      if (c) cb.current.onCounty(c);
    };
    const onOut = () => {
      setHover(null);
      m.setFilter('bs-hover', ['==', ['get', 'adcode'], '']);
    };
    m.on('mousemove', onMove);
    m.on('click', onClick);
    m.on('mouseout', onOut);
    return () => {
      m.off('mousemove', onMove);
      m.off('click', onClick);
      m.off('mouseout', onOut);
    };
  }, [ready, map, overlay]);

  // selected county outline
  useEffect(() => {
    const m = map.current;
    if (!ready || !m) return;
    const f = ['==', ['get', 'adcode'], p.county ? String(p.county) : ''] as never;
    m.setFilter('bs-selected', f);
    m.setFilter('bs-selected-glow', f);
  }, [ready, map, p.county]);

  // choropleth: repainting the basemap is costly, so only when a county's colour actually changed
  const choroExpr = useMemo(() => {
    const colours: Record<number, string> = {};
    const maxH = Math.max(1, ...Object.values(p.countyValues).map((v) => v.hazards));
    if (p.choro !== 'none')
      for (const [k, v] of Object.entries(p.countyValues))
        colours[Number(k)] = p.choro === 'coverage' ? coverageColour(v.coverage) : hazardColour(v.hazards, maxH);
    return JSON.stringify(matchByAdcode(colours));
  }, [p.choro, p.countyValues]);
  const choroSet = useRef('"rgba(0,0,0,0)"');
  useEffect(() => {
    const m = map.current;
    if (!ready || !m || choroExpr === choroSet.current) return;
    choroSet.current = choroExpr;
    m.setPaintProperty('bs-choro', 'fill-color', JSON.parse(choroExpr));
  }, [ready, map, choroExpr]);
  // switched off, the layer is not drawn at all (a transparent fill still costs every frame)
  useEffect(() => {
    const m = map.current;
    if (ready && m) m.setLayoutProperty('bs-choro', 'visibility', p.choro === 'none' ? 'none' : 'visible');
  }, [ready, map, p.choro]);

  // 3D columns want a pitched view; flat layers a straight-down one
  useEffect(() => {
    const m = map.current;
    if (!ready || !m) return;
    m.easeTo({ pitch: p.showColumns ? 50 : 0, duration: 900 });
  }, [ready, map, p.showColumns]);

  // flights requested by the screen
  useEffect(() => {
    const m = map.current;
    const f = p.flight;
    if (!ready || !m || !f) return;
    if (f.kind === 'site') m.flyTo({ center: [f.site.lon, f.site.lat], zoom: Math.max(m.getZoom(), 10), duration: 1600, essential: true });
    else if (f.kind === 'home') m.fitBounds(CHANGDU_BOUNDS, { padding: MAP_PADDING, duration: 1400 });
    else {
      const c = counties.find((x) => x.adcode === f.adcode);
      if (c) m.fitBounds(c.bbox, { padding: MAP_PADDING, duration: 1400, maxZoom: 10 });
    }
  }, [ready, map, p.flight, counties]);

  return (
    <div className={s.mapWrap}>
      <div
        ref={el}
        className={s.map}
        data-testid="bigscreen-map"
        data-ready={ready ? '1' : '0'}
        data-counties={counties.length}
        data-sites-drawn={ready && p.showSites ? visible.length : 0}
        data-layers={ready ? drawnLayerIds(p).join(',') : ''}
        data-activity={activity.length}
        data-choro={p.choro}
        role="region"
        aria-label={words(p.lang)('mapLabel')}
      />
      <PulseRings map={map} ready={ready} pulses={p.pulses} />
      {hover && (
        <MapTooltip
          hover={hover}
          lang={p.lang}
          status={hover.kind === 'site' ? p.statusOf(hover.site.id) : undefined}
          counties={counties}
          values={p.countyValues}
        />
      )}
    </div>
  );
}

/** the deck layers buildLayers draws for these inputs (for browser tests: what a toggle changed) */
function drawnLayerIds(p: Props): string[] {
  return [
    p.showDensity && 'density',
    p.showColumns && 'risk-columns',
    p.showSites && 'halos',
    p.showSites && 'sites',
    'county-names',
    p.selected && 'selected',
  ].filter((x): x is string => !!x);
}
