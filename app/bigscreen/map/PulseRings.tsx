'use client';
/**
 * Pulse rings where new alarms opened: HTML rings placed over the map and animated by the compositor (CSS
 * transform/opacity), so a pulse costs no WebGL redraw. One ring each, stepped at ~12 frames a second: every
 * animated frame is a composite, and on a software-rendered wall a smooth 60 fps ring costs as much as the
 * map's own updates. While the camera moves the rings wait (no re-render per frame) and reappear where the
 * camera stops.
 */
import { useEffect, useState } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { Pulse } from './layers.ts';
import s from './pulse.module.css';

export function PulseRings({ map, ready, pulses }: { map: React.RefObject<maplibregl.Map | null>; ready: boolean; pulses: Pulse[] }) {
  const [moving, setMoving] = useState(false);
  useEffect(() => {
    const m = map.current;
    if (!ready || !m) return;
    const start = () => setMoving(true);
    const end = () => setMoving(false);
    m.on('movestart', start);
    m.on('moveend', end);
    return () => {
      m.off('movestart', start);
      m.off('moveend', end);
    };
  }, [map, ready]);
  const m = map.current;
  if (!ready || !m || moving) return null;
  return (
    <div className={s.layer} aria-hidden>
      {pulses.map((p) => {
        const pt = m.project([p.lon, p.lat]);
        const colour = `rgb(${p.colour.join(',')})`;
        return (
          <span key={p.id} className={s.ringBox} style={{ left: pt.x, top: pt.y }} data-testid="pulse">
            <i className={s.ring} style={{ borderColor: colour }} />
          </span>
        );
      })}
    </div>
  );
}
