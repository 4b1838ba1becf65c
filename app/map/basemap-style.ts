/**
 * The offline dark-navy basemap: static GeoJSON from public/basemap, no tiles, no glyphs URL (labels are
 * drawn from local fonts; Noto Sans CJK SC ships with the OS). Only Han and Latin text goes in symbols.
 */
import type { StyleSpecification } from 'maplibre-gl';

export const CHANGDU_BOUNDS: [[number, number], [number, number]] = [
  [93.6, 28.44],
  [99.12, 32.59],
];
export const LABEL_FONT = ['Noto Sans CJK SC Regular'];
export const LABEL_FONT_BOLD = ['Noto Sans CJK SC Bold'];

type Geo = GeoJSON.FeatureCollection;

/** everything but the prefecture, so the area of responsibility reads as the lit part of the map */
export function outsideMask(prefecture: Geo): Geo {
  const rings: number[][][] = [
    [
      [60, 10],
      [130, 10],
      [130, 50],
      [60, 50],
      [60, 10],
    ],
  ];
  for (const f of prefecture.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') rings.push(g.coordinates[0]);
    if (g.type === 'MultiPolygon') for (const p of g.coordinates) rings.push(p[0]);
  }
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } }] };
}

export function basemapStyle(origin: string, data: { prefecture: Geo; counties: Geo; labels: Geo }, lang: 'zh' | 'en'): StyleSpecification {
  const url = (f: string) => `${origin}/basemap/${f}`;
  const nameField = lang === 'en' ? 'name_en' : 'name';
  return {
    version: 8,
    sources: {
      mask: { type: 'geojson', data: outsideMask(data.prefecture) },
      prefecture: { type: 'geojson', data: data.prefecture },
      counties: { type: 'geojson', data: data.counties },
      countyLabels: { type: 'geojson', data: data.labels },
      riversMinor: { type: 'geojson', data: url('rivers-gshhg.geojson') },
      rivers: { type: 'geojson', data: url('rivers-ne10m.geojson') },
      roads: { type: 'geojson', data: url('roads-schematic.geojson') },
      places: { type: 'geojson', data: url('places.geojson') },
    },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#071224' } },
      { id: 'county-fill', type: 'fill', source: 'counties', paint: { 'fill-color': '#0c2141', 'fill-opacity': 0.9 } },
      {
        id: 'rivers-minor',
        type: 'line',
        source: 'riversMinor',
        paint: {
          'line-color': '#1b4c7a',
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, ['match', ['get', 'gmt_level'], 1, 1.2, 2, 0.9, 0.5], 10, 2],
          'line-opacity': 0.8,
        },
      },
      {
        id: 'rivers',
        type: 'line',
        source: 'rivers',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#2a74b8', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.4, 10, 3.5], 'line-opacity': 0.9 },
      },
      {
        id: 'county-line',
        type: 'line',
        source: 'counties',
        paint: { 'line-color': '#3d6fa6', 'line-width': 1, 'line-dasharray': [3, 2], 'line-opacity': 0.85 },
      },
      { id: 'mask', type: 'fill', source: 'mask', paint: { 'fill-color': '#040a15', 'fill-opacity': 0.55 } },
      {
        id: 'glow-wide',
        type: 'line',
        source: 'prefecture',
        paint: { 'line-color': '#38c6ff', 'line-width': 16, 'line-blur': 12, 'line-opacity': 0.18 },
      },
      {
        id: 'glow-mid',
        type: 'line',
        source: 'prefecture',
        paint: { 'line-color': '#38c6ff', 'line-width': 6, 'line-blur': 4, 'line-opacity': 0.35 },
      },
      { id: 'outline', type: 'line', source: 'prefecture', paint: { 'line-color': '#7fdcff', 'line-width': 1.6 } },
      {
        id: 'roads',
        type: 'line',
        source: 'roads',
        layout: { 'line-cap': 'round' },
        paint: { 'line-color': '#b08a4a', 'line-width': 1.3, 'line-dasharray': [4, 3], 'line-opacity': 0.7 },
      },
      {
        id: 'river-labels',
        type: 'symbol',
        source: 'rivers',
        filter: ['has', 'name_zh_added'],
        minzoom: 6.5,
        layout: {
          'symbol-placement': 'line',
          'text-field': lang === 'en' ? ['get', 'name_en'] : ['get', 'name_zh_added'],
          'text-font': LABEL_FONT,
          'text-size': 12,
          'text-letter-spacing': 0.3,
        },
        paint: { 'text-color': '#5fa6e6', 'text-halo-color': '#071224', 'text-halo-width': 1.2 },
      },
      {
        id: 'towns',
        type: 'circle',
        source: 'places',
        paint: {
          'circle-radius': ['match', ['get', 'kind'], 'county_seat', 3.2, 2.4],
          'circle-color': '#dbe9ff',
          'circle-stroke-color': '#071224',
          'circle-stroke-width': 1.2,
        },
      },
      {
        id: 'town-labels',
        type: 'symbol',
        source: 'places',
        minzoom: 7,
        layout: {
          'text-field': ['get', nameField],
          'text-font': LABEL_FONT,
          'text-size': 12,
          'text-offset': [0, 1.1],
          'text-anchor': 'top',
          'text-optional': true,
        },
        paint: { 'text-color': '#a9c2e3', 'text-halo-color': '#071224', 'text-halo-width': 1.4 },
      },
      {
        id: 'county-labels',
        type: 'symbol',
        source: 'countyLabels',
        layout: {
          'text-field': ['get', nameField],
          'text-font': LABEL_FONT_BOLD,
          'text-size': ['interpolate', ['linear'], ['zoom'], 5, 14, 6.5, 17, 9, 22],
          'text-letter-spacing': lang === 'en' ? 0.02 : 0.25,
          'text-allow-overlap': true,
        },
        paint: {
          'text-color': '#d6e6ff',
          'text-opacity': 0.88,
          'text-halo-color': '#071224',
          'text-halo-width': 1.6,
          'text-halo-blur': 0.5,
        },
      },
    ],
  };
}
