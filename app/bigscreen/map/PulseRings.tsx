'use client';
/**
 * Pulse rings where new alarms opened: HTML rings placed over the map and animated by the compositor (CSS
 * transform/opacity), so a pulse costs no WebGL redraw. They follow the map when it moves.
 */
import { useEffect, useState } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { Pulse } from './layers.ts';
import s from './pulse.module.css';

export function PulseRings({ map, ready, pulses }: { map: React.RefObject<maplibregl.Map | null>; ready: boolean; pulses: Pulse[] }) {
  const [, setMoved] = useState(0);
  useEffect(() => {
    const m = map.current;
    if (!ready || !m || !pulses.length) return;
    const on = () => setMoved((x) => x + 1);
    m.on('move', on);
    return () => {
      m.off('move', on);
    };
  }, [map, ready, pulses.length]);
  const m = map.current;
  if (!ready || !m) return null;
  return (
    <div className={s.layer} aria-hidden>
      {pulses.map((p) => {
        const pt = m.project([p.lon, p.lat]);
        const colour = `rgb(${p.colour.join(',')})`;
        return (
          <span key={p.id} className={s.ringBox} style={{ left: pt.x, top: pt.y }} data-testid="pulse">
            <i className={s.ring} style={{ borderColor: colour }} />
            <i className={s.ring} style={{ borderColor: colour, animationDelay: '0.8s' }} />
          </span>
        );
      })}
    </div>
  );
}
