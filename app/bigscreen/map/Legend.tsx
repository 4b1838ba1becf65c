'use client';
/** Map legend: the status colours with icons and live counts; the sector chips toggle sites by category. */
import { CATEGORIES, categoryLabel, SITE_STATUS_INFO, type SiteStatus, STATUSES_WORST_FIRST } from '../../../lib/domain/vocabulary/index.ts';
import type { SiteCategory } from '../../../lib/protocol/v1.ts';
import type { Choro } from './BigMap.tsx';
import { COVERAGE_STOPS, HAZARD_STOPS } from './colors.ts';
import type { Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import { pick } from '../../../lib/i18n/portal.ts';
import s from './overlay.module.css';

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
  const toggle = (c: string) => {
    const n = new Set(p.hidden);
    if (n.has(c)) n.delete(c);
    else n.add(c);
    p.setHidden(n);
  };
  return (
    <div className={`${s.box} ${s.legend}`} data-testid="legend">
      <div className={s.legendRow}>
        {STATUSES_WORST_FIRST.map((k) => (
          <span key={k} className={s.legendItem} data-testid={`legend-${k}`}>
            <i style={{ color: SITE_STATUS_INFO[k].colour }}>{SITE_STATUS_INFO[k].icon}</i>
            {pick(p.lang, SITE_STATUS_INFO[k])}
            <b>{(p.counts[k] ?? 0).toLocaleString('en-US')}</b>
          </span>
        ))}
      </div>
      {p.choro !== 'none' && (
        <div className={s.legendRow} data-testid="choro-legend">
          <span className={s.legendItem}>{p.choro === 'coverage' ? p.t('choroCoverage') : p.t('choroHazards')}</span>
          <span className={s.ramp}>
            <small>{p.choro === 'coverage' ? '0%' : p.t('none')}</small>
            {(p.choro === 'coverage' ? COVERAGE_STOPS : HAZARD_STOPS).map((c) => (
              <i key={c} style={{ background: c }} />
            ))}
            <small>{p.choro === 'coverage' ? '100%' : p.maxHazards.toLocaleString('en-US')}</small>
          </span>
        </div>
      )}
      <div className={s.legendRow} role="group" aria-label={p.t('sectors')}>
        {p.categories.map((c) => (
          <button
            key={c}
            type="button"
            className={s.chip}
            aria-pressed={!p.hidden.has(c)}
            onClick={() => toggle(c)}
            title={pick(p.lang, CATEGORIES[c])}
          >
            <i style={{ background: CATEGORIES[c].hue }} />
            {categoryLabel(c, p.lang, 'short')}
          </button>
        ))}
      </div>
    </div>
  );
}
