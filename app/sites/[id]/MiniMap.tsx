/** The 2D inset: the site's footprints north-up, buildings with alarms in red, with a north mark and a scale. */
import { boundsOf } from '../../../lib/twin/geo.ts';
import type { TwinAlarm, TwinData } from '../../../lib/twin/types.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import s from './twin.module.css';

export function MiniMap({ data, alarms, lang }: { data: TwinData; alarms: Map<number, TwinAlarm>; lang: Lang }) {
  const b = boundsOf(data.buildings.flatMap((x) => x.footprint));
  const pad = 8;
  const size = Math.max(b.maxX - b.minX, b.maxY - b.minY) + pad * 2;
  const cx = (b.minX + b.maxX) / 2;
  const cy = (b.minY + b.maxY) / 2;
  const circuitBuilding = new Map(data.circuits.map((c) => [c.id, c.buildingId]));
  const hot = new Set([...alarms.values()].map((a) => (a.circuitId != null ? circuitBuilding.get(a.circuitId) : undefined)));
  const scale = size > 300 ? 100 : 50;
  return (
    <figure className={s.minimap} aria-label={lang === 'en' ? 'Site plan' : '场所平面图'}>
      <svg viewBox={`${cx - size / 2} ${-cy - size / 2} ${size} ${size}`} role="img">
        {data.buildings.map((bd) => (
          <polygon
            key={bd.id}
            points={bd.footprint.map(([x, y]) => `${x},${-y}`).join(' ')}
            fill={hot.has(bd.id) ? '#ff4d4f' : '#c9bfa8'}
            stroke="#0b1a2e"
            strokeWidth={size / 200}
          >
            <title>{lang === 'en' ? bd.nameEn : bd.nameZh}</title>
          </polygon>
        ))}
        <line x1={cx - size / 2 + pad} x2={cx - size / 2 + pad + scale} y1={-cy + size / 2 - pad / 2} y2={-cy + size / 2 - pad / 2} stroke="#e6f0ff" strokeWidth={size / 150} />
      </svg>
      <figcaption>
        <span className={s.miniNorth}>▲ {lang === 'en' ? 'N' : '北'}</span>
        <span>{scale} m</span>
      </figcaption>
    </figure>
  );
}
