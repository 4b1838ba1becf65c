'use client';
/** Map legend: the status colours with icons and live counts; the sector chips toggle sites by category. */
import { CATEGORIES, STATUS_INFO, type SiteStatus } from '../../../lib/domain/catalog.ts';
import type { SiteCategory } from '../../../lib/protocol/v1.ts';
import { STATUS_ICON } from '../../map/colors.ts';
import { SECTOR_SHORT } from '../lib/sectors.ts';
import type { Choro } from './BigMap.tsx';
import { COVERAGE_STOPS, HAZARD_STOPS } from './colors.ts';
import type { Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import s from './overlay.module.css';

const ORDER: SiteStatus[] = ['critical', 'alarm', 'warning', 'fault', 'normal', 'offline'];
// a site without devices yet has no live status either: it is drawn and counted with the offline ones, and says so

export function Legend(p: {
  counts: Record<SiteStatus, number>;
  hidden: ReadonlySet<string>;
  setHidden: (h: ReadonlySet<string>) => void;
  categories: SiteCategory[];
  /** the county theme on the map, with the most open hazards of any county (the ramp's top) */
  choro: Choro;
  maxHazards: number;
  lang: Lang;
  t: (k: Word) => string;
}) {
  const en = p.lang === 'en';
  const toggle = (c: string) => {
    const n = new Set(p.hidden);
    if (n.has(c)) n.delete(c);
    else n.add(c);
    p.setHidden(n);
  };
  return (
    <div className={`${s.box} ${s.legend}`} data-testid="legend">
      <div className={s.legendRow}>
        {ORDER.map((k) => (
          <span key={k} className={s.legendItem} data-testid={`legend-${k}`}>
            <i style={{ color: STATUS_INFO[k].color }}>{STATUS_ICON[k]}</i>
            {k === 'offline' ? (en ? 'Offline / not fitted' : '离线/未接入') : en ? STATUS_INFO[k].en : STATUS_INFO[k].zh}
            <b>{(p.counts[k] ?? 0).toLocaleString('en-US')}</b>
          </span>
        ))}
      </div>
      {p.choro !== 'none' && (
        <div className={s.legendRow} data-testid="choro-legend">
          <span className={s.legendItem}>{p.choro === 'coverage' ? p.t('choroCoverage') : p.t('choroHazards')}</span>
          <span className={s.ramp}>
            <small>{p.choro === 'coverage' ? '0%' : en ? 'none' : '无'}</small>
            {(p.choro === 'coverage' ? COVERAGE_STOPS : HAZARD_STOPS).map((c) => (
              <i key={c} style={{ background: c }} />
            ))}
            <small>{p.choro === 'coverage' ? '100%' : p.maxHazards.toLocaleString('en-US')}</small>
          </span>
        </div>
      )}
      <div className={s.legendRow} role="group" aria-label={en ? 'Sectors' : '行业'}>
        {p.categories.map((c) => (
          <button
            key={c}
            type="button"
            className={s.chip}
            aria-pressed={!p.hidden.has(c)}
            onClick={() => toggle(c)}
            title={en ? CATEGORIES[c].en : CATEGORIES[c].zh}
          >
            <i style={{ background: CATEGORIES[c].hue }} />
            {SECTOR_SHORT[c]?.[en ? 1 : 0] ?? c}
          </button>
        ))}
      </div>
    </div>
  );
}
