'use client';
/**
 * County coverage map: maplibre draws county polygons coloured by coverage (no symbol layers: Tibetan can't
 * be shaped there, so names live in the HTML list and the caption below the map). No site points exist here.
 */
import { useEffect, useRef, useState } from 'react';
import 'maplibre-gl/dist/maplibre-gl.css';
import { rampColor, RAMP_EXPRESSION } from './ramp.ts';
import m from './map.module.css';
import { api } from '../../../_lib/api/client.ts';

interface Props {
  names: Record<string, string>;
  rates: Record<string, string>;
  loading: string;
  attribution: string;
  label: string;
}

/** the features' extent, so the whole prefecture fits whatever the frame's shape */
function bbox(fc: GeoJSON.FeatureCollection): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1] as number); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  for (const f of fc.features) walk((f.geometry as { coordinates?: unknown }).coordinates);
  return b[0] <= b[2] ? b : [93.1, 28.5, 99.4, 32.9];
}

export default function CountyMap({ names, rates, loading, attribution, label }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);

  useEffect(() => {
    let map: import('maplibre-gl').Map | null = null;
    let cancelled = false;
    (async () => {
      const maplibregl = await import('maplibre-gl');
      maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
      const data = await api('GET /api/public/coverage', { cache: 'default' }).catch(() => null);
      if (!data || cancelled || !el.current) return;
      map = new maplibregl.Map({
        container: el.current,
        style: {
          version: 8,
          sources: { counties: { type: 'geojson', data, attribution } },
          layers: [
            { id: 'bg', type: 'background', paint: { 'background-color': '#eef5fb' } },
            { id: 'fill', type: 'fill', source: 'counties', paint: { 'fill-color': RAMP_EXPRESSION as never, 'fill-opacity': 0.92 } },
            { id: 'edge', type: 'line', source: 'counties', paint: { 'line-color': '#ffffff', 'line-width': 1.5 } },
          ],
        },
        bounds: bbox(data),
        fitBoundsOptions: { padding: 12 },
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        attributionControl: { compact: true },
      });
      map.touchZoomRotate.disableRotation();
      map.on('load', () => !cancelled && setReady(true));
      map.on('click', 'fill', (e) => setPicked(String(e.features?.[0]?.properties?.adcode ?? '')));
      map.on('mouseenter', 'fill', () => map && (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', 'fill', () => map && (map.getCanvas().style.cursor = ''));
    })().catch((e) => console.error('[public map]', e));
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [attribution]);

  return (
    <div className={m.frame}>
      <div ref={el} className={m.map} data-ready={ready ? '1' : '0'} role="region" aria-label={label} />
      {!ready && <p className={m.loading}>{loading}</p>}
      <p className={m.picked} aria-live="polite">
        {picked && names[picked] ? (
          <>
            <span className={m.swatch} style={{ background: rampColor(rates[picked] === undefined ? null : Number(rates[picked])) }} />
            {names[picked]} · {rates[picked] !== undefined ? `${rates[picked]}%` : '—'}
          </>
        ) : null}
      </p>
    </div>
  );
}
