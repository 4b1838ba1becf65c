/**
 * The deck.gl layers of the big-screen map, built from plain inputs. Statuses change in place (statusOf +
 * version in updateTriggers), so a live delta recolours points without re-uploading positions.
 */
import { ScatterplotLayer, ColumnLayer, TextLayer } from '@deck.gl/layers';
import { HexagonLayer } from '@deck.gl/aggregation-layers';
import type { Layer } from '@deck.gl/core';
import type { SiteStatus } from '../../../lib/domain/vocabulary/index.ts';
import type { MapSite } from '../../../server/queries/sites-for-map.ts';
import { dotFill, dotLine, dotRadius, riskColour, RISK_RANGE } from './colors.ts';
import { SpriteDotsLayer } from './SpriteDotsLayer.ts';

export interface ActivityPoint {
  site: MapSite;
  risk: number;
  alarms: number;
}

export interface Pulse {
  id: string;
  lon: number;
  lat: number;
  colour: [number, number, number];
  start: number;
}

/** a county's name at its label point (public/basemap/county-labels.geojson) */
export interface CountyLabel {
  adcode: number;
  zh: string;
  en: string;
  position: [number, number];
}

export interface LayerInputs {
  sites: MapSite[];
  /** the sites that wear a halo (warning and worse): a few dozen, so a status change re-uploads little */
  haloed: MapSite[];
  statusOf: (s: MapSite) => SiteStatus;
  version: number;
  /** playback / stale: desaturated dots */
  muted: boolean;
  showSites: boolean;
  /** normal sites in their sector's hue instead of the status green */
  bySector: boolean;
  showDensity: boolean;
  showColumns: boolean;
  activity: ActivityPoint[];
  selected: MapSite | null;
  countyLabels: CountyLabel[];
  lang: 'zh' | 'en';
  /** the county the wall is filtered to: its name lit, the others dimmed */
  county: number | null;
}

/** one ring, 1.8 s, three times: long enough to catch the eye, short enough to leave the compositor idle */
export const PULSE_MS = 1800;

export const HALO: Partial<Record<SiteStatus, number>> = { critical: 22, alarm: 18, warning: 13 };
export const PULSE_REPEAT = 3;

export function buildLayers(i: LayerInputs): Layer[] {
  const layers: Layer[] = [];
  const maxRisk = i.activity.reduce((m, a) => Math.max(m, a.risk), 0);
  if (i.showDensity)
    layers.push(
      new HexagonLayer<ActivityPoint>({
        id: 'density',
        data: i.activity,
        getPosition: (d) => [d.site.lon, d.site.lat],
        getColorWeight: (d) => d.risk,
        colorAggregation: 'SUM',
        getElevationWeight: (d) => d.risk,
        elevationAggregation: 'SUM',
        radius: 9000,
        coverage: 0.92,
        extruded: false,
        opacity: 0.5,
        colorRange: RISK_RANGE.map((c) => [c[0], c[1], c[2]] as [number, number, number]),
        gpuAggregation: false,
        pickable: false,
      }),
    );
  if (i.showColumns)
    layers.push(
      new ColumnLayer<ActivityPoint>({
        id: 'risk-columns',
        data: i.activity,
        diskResolution: 8,
        radius: 2200,
        extruded: true,
        elevationScale: 1,
        getPosition: (d) => [d.site.lon, d.site.lat],
        getElevation: (d) => 3000 + (d.risk / Math.max(1, maxRisk)) * 90_000,
        getFillColor: (d) => riskColour(d.risk, maxRisk),
        material: { ambient: 0.55, diffuse: 0.6, shininess: 24 },
        pickable: false,
        updateTriggers: { getElevation: maxRisk, getFillColor: maxRisk },
      }),
    );
  if (i.showSites)
    layers.push(
      // a soft halo marks every abnormal site at any zoom (the dots alone get lost among 1,600)
      new SpriteDotsLayer<MapSite>({
        id: 'halos',
        data: i.haloed,
        getPosition: (d) => [d.lon, d.lat],
        getRadius: (d) => HALO[i.statusOf(d)] ?? 0,
        getFillColor: (d) => dotFill(d.category, i.statusOf(d), i.muted, false).slice(0, 3).concat(70) as [number, number, number, number],
        radiusUnits: 'pixels',
        stroked: false,
        pickable: false,
        // a sprite has its centre's depth all over: writing it would hide the county names behind a pitched view's dots
        parameters: { depthWriteEnabled: false },
        updateTriggers: { getRadius: i.version, getFillColor: [i.version, i.muted] },
      }),
    );
  if (i.showSites)
    layers.push(
      // point sprites, not instanced quads: software WebGL draws an instanced draw one instance at a time
      new SpriteDotsLayer<MapSite>({
        id: 'sites',
        data: i.sites,
        getPosition: (d) => [d.lon, d.lat],
        getFillColor: (d) => dotFill(d.category, i.statusOf(d), i.muted, i.bySector),
        getLineColor: (d) => dotLine(i.statusOf(d)),
        getRadius: (d) => dotRadius(i.statusOf(d)),
        radiusUnits: 'pixels',
        lineWidthUnits: 'pixels',
        getLineWidth: 1.2,
        stroked: true,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 110],
        parameters: { depthWriteEnabled: false },
        updateTriggers: { getFillColor: [i.version, i.muted, i.bySector], getLineColor: i.version, getRadius: i.version },
      }),
    );
  if (i.countyLabels.length)
    layers.push(
      // county names above the dots (the basemap's own labels lie under deck's canvas and get covered)
      new TextLayer<CountyLabel>({
        id: 'county-names',
        data: i.countyLabels,
        getPosition: (d) => d.position,
        // Chinese names spaced out like the basemap's (letter-spacing 0.25 em)
        getText: (d) => (i.lang === 'en' ? d.en : [...d.zh].join('\u2009')),
        getSize: i.lang === 'en' ? 19 : 23,
        getColor: (d) => (i.county == null || d.adcode === i.county ? [233, 244, 255, 245] : [200, 220, 245, 120]),
        fontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
        fontWeight: 700,
        characterSet: 'auto',
        fontSettings: { sdf: true, fontSize: 64, buffer: 6, radius: 8 },
        outlineWidth: 0.3,
        outlineColor: [4, 12, 28, 235],
        getTextAnchor: 'middle',
        getAlignmentBaseline: 'center',
        sizeUnits: 'pixels',
        pickable: false,
        updateTriggers: { getText: i.lang, getColor: i.county },
      }),
    );
  if (i.selected)
    layers.push(
      new ScatterplotLayer<MapSite>({
        id: 'selected',
        data: [i.selected],
        getPosition: (d) => [d.lon, d.lat],
        getRadius: 16,
        radiusUnits: 'pixels',
        filled: false,
        stroked: true,
        getLineColor: [56, 198, 255, 255],
        getLineWidth: 3,
        lineWidthUnits: 'pixels',
      }),
    );
  return layers;
}
