'use client';
/** Map legend: the status colours with icons and live counts; the sector chips toggle sites by category. */
import { CATEGORIES, STATUS_INFO, type SiteStatus } from '../../../lib/domain/catalog.ts';
import type { SiteCategory } from '../../../lib/protocol/v1.ts';
import { STATUS_ICON } from '../../map/colors.ts';
import { SECTOR_SHORT } from '../lib/sectors.ts';
import type { Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import s from './overlay.module.css';

const ORDER: SiteStatus[] = ['critical', 'alarm', 'warning', 'fault', 'normal', 'offline'];

export function Legend(p: {
  counts: Record<SiteStatus, number>;
  hidden: ReadonlySet<string>;
  setHidden: (h: ReadonlySet<string>) => void;
  categories: SiteCategory[];
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
            {en ? STATUS_INFO[k].en : STATUS_INFO[k].zh}
            <b>{(p.counts[k] ?? 0).toLocaleString('en-US')}</b>
          </span>
        ))}
      </div>
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
