/**
 * The deck.gl layers of the big-screen map, built from plain inputs. Statuses change in place (statusOf +
 * version in updateTriggers), so a live delta recolours points without re-uploading positions.
 */
import { ScatterplotLayer, ColumnLayer } from '@deck.gl/layers';
import { HexagonLayer } from '@deck.gl/aggregation-layers';
import type { Layer } from '@deck.gl/core';
import type { SiteStatus } from '../../../lib/domain/catalog.ts';
import type { MapSite } from '../../../server/queries/sites-for-map.ts';
import { dotFill, dotLine, dotRadius, riskColour, RISK_RANGE } from './colors.ts';

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

export interface LayerInputs {
  sites: MapSite[];
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
}

export const PULSE_MS = 2400;

const HALO: Partial<Record<SiteStatus, number>> = { critical: 22, alarm: 18, warning: 13 };
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
      new ScatterplotLayer<MapSite>({
        id: 'halos',
        data: i.sites,
        getPosition: (d) => [d.lon, d.lat],
        getRadius: (d) => HALO[i.statusOf(d)] ?? 0,
        getFillColor: (d) => dotFill(d.category, i.statusOf(d), i.muted, false).slice(0, 3).concat(70) as [number, number, number, number],
        radiusUnits: 'pixels',
        stroked: false,
        pickable: false,
        updateTriggers: { getRadius: i.version, getFillColor: [i.version, i.muted] },
      }),
    );
  if (i.showSites)
    layers.push(
      new ScatterplotLayer<MapSite>({
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
        updateTriggers: { getFillColor: [i.version, i.muted, i.bySector], getLineColor: i.version, getRadius: i.version },
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
