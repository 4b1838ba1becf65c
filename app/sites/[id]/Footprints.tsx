/** The site's footprints north-up as SVG (site-local metres), buildings with alarms in red: the inset map and the loading view. */
import { boundsOf } from '../../../lib/twin/geo.ts';
import type { TwinBuilding } from '../../../lib/twin/types.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import { tw } from './words.ts';
import { STATUS_COLOURS } from '../../../lib/domain/vocabulary/index.ts';

export function Footprints({ buildings, hot, lang, pad = 8, labels = false }: { buildings: TwinBuilding[]; hot: ReadonlySet<number>; lang: Lang; pad?: number; labels?: boolean }) {
  const b = boundsOf(buildings.flatMap((x) => x.footprint));
  const size = Math.max(b.maxX - b.minX, b.maxY - b.minY) + pad * 2;
  const cx = (b.minX + b.maxX) / 2;
  const cy = (b.minY + b.maxY) / 2;
  const scale = size > 300 ? 100 : 50;
  return (
    <svg viewBox={`${cx - size / 2} ${-cy - size / 2} ${size} ${size}`} role="img" aria-label={tw(lang, 'planNorthUp')}>
      {buildings.map((bd) => (
        <polygon key={bd.id} points={bd.footprint.map(([x, y]) => `${x},${-y}`).join(' ')} fill={hot.has(bd.id) ? STATUS_COLOURS.alarm : '#c9bfa8'} stroke="#0b1a2e" strokeWidth={size / 200}>
          <title>{lang === 'en' ? bd.nameEn : bd.nameZh}</title>
        </polygon>
      ))}
      {labels &&
        buildings.map((bd) => {
          const c = boundsOf(bd.footprint);
          return (
            <text key={bd.id} x={(c.minX + c.maxX) / 2} y={-(c.minY + c.maxY) / 2} fontSize={size / 48} textAnchor="middle" dominantBaseline="middle" fill="#0b1a2e">
              {lang === 'en' ? bd.nameEn : bd.nameZh}
            </text>
          );
        })}
      <line x1={cx - size / 2 + pad} x2={cx - size / 2 + pad + scale} y1={-cy + size / 2 - pad / 2} y2={-cy + size / 2 - pad / 2} stroke="#e6f0ff" strokeWidth={size / 150} />
    </svg>
  );
}

export const scaleBarM = (buildings: TwinBuilding[], pad = 8) => {
  const b = boundsOf(buildings.flatMap((x) => x.footprint));
  return Math.max(b.maxX - b.minX, b.maxY - b.minY) + pad * 2 > 300 ? 100 : 50;
};
