'use client';
import { useMemo, useState } from 'react';
import { CATEGORIES, SITE_STATUSES, SITE_STATUS_INFO, type SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import { pick, type Lang, type PortalKey } from '../../lib/i18n/portal.ts';
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import type { MapSite } from '../../server/queries/sites-for-map.ts';
import s from './panels.module.css';

interface Props {
  lang: Lang;
  t: (k: PortalKey) => string;
  sites: MapSite[] | null;
  statusOf: (x: MapSite) => SiteStatus;
  version: number;
  hidden: ReadonlySet<string>;
  setHidden: (h: ReadonlySet<string>) => void;
  visibleCount: number;
  loadError: boolean;
  onRetry: () => void;
  defaultOpen: boolean;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function Legend(p: Props) {
  const { lang, t, sites, hidden, setHidden } = p;
  const [open, setOpen] = useState<boolean | null>(null);
  const isOpen = open ?? p.defaultOpen;

  const byCat = useMemo(() => {
    const m = new Map<string, number>();
    for (const x of sites ?? []) m.set(x.category, (m.get(x.category) ?? 0) + 1);
    return m;
  }, [sites]);
  const byStatus = useMemo(() => {
    const m = new Map<SiteStatus, number>();
    for (const x of sites ?? []) if (!hidden.has(x.category)) m.set(p.statusOf(x), (m.get(p.statusOf(x)) ?? 0) + 1);
    return m;
  }, [sites, hidden, p.version]);

  // sectors outside the user's scope are not listed at all
  const cats = (Object.keys(CATEGORIES) as SiteCategory[]).filter((c) => byCat.has(c));
  const toggle = (c: string) => {
    const h = new Set(hidden);
    if (h.has(c)) h.delete(c);
    else h.add(c);
    setHidden(h);
  };

  return (
    <aside className={s.legend} data-open={isOpen ? '1' : '0'} aria-label={t('legend')} data-testid="map-legend">
      <div className={s.countRow}>
        <div>
          <div className={s.countLabel}>{t('sites')}</div>
          {sites ? (
            <div className={s.count} data-testid="site-count" data-count={sites.length}>
              {fmt(sites.length)}
              <small>{t('sitesUnit')}</small>
            </div>
          ) : p.loadError ? (
            <button type="button" className={s.linkBtn} onClick={p.onRetry}>
              {t('loadFailed')} · {t('retry')}
            </button>
          ) : (
            <div className={s.countLabel}>{t('loading')}</div>
          )}
          {sites && hidden.size > 0 && (
            <div className={s.countLabel} data-testid="visible-count">
              {t('sitesShown')} {fmt(p.visibleCount)}
            </div>
          )}
        </div>
        <button
          type="button"
          className={s.legendToggle}
          onClick={() => setOpen(!isOpen)}
          aria-expanded={isOpen}
          aria-controls="legend-body"
        >
          {t('legend')} {isOpen ? '▾' : '▸'}
        </button>
      </div>
      {isOpen && (
        <div id="legend-body" className={s.legendBody}>
          <div className={s.sectionHead}>
            <span>{t('categories')}</span>
            <span>
              <button type="button" className={s.linkBtn} onClick={() => setHidden(new Set())}>
                {t('all')}
              </button>
              {' · '}
              <button type="button" className={s.linkBtn} onClick={() => setHidden(new Set(cats))}>
                {t('none')}
              </button>
            </span>
          </div>
          <ul className={s.catList}>
            {cats.map((c) => (
              <li key={c}>
                <label className={s.catItem}>
                  <input type="checkbox" checked={!hidden.has(c)} onChange={() => toggle(c)} data-testid={`cat-${c}`} />
                  <span className={s.swatch} style={{ background: CATEGORIES[c].hue }} aria-hidden />
                  <span className={s.catName}>{pick(lang, CATEGORIES[c])}</span>
                  <span className={s.catCount}>{fmt(byCat.get(c) ?? 0)}</span>
                </label>
              </li>
            ))}
          </ul>
          <div className={s.sectionHead}>
            <span>{t('statuses')}</span>
          </div>
          <ul className={s.statusList}>
            {SITE_STATUSES.map((st) => (
              <li key={st} className={s.statusItem}>
                <span className={s.statusIcon} style={{ color: SITE_STATUS_INFO[st].colour }} aria-hidden>
                  {SITE_STATUS_INFO[st].icon}
                </span>
                <span>{pick(lang, SITE_STATUS_INFO[st])}</span>
                <span className={s.catCount} data-testid={`status-${st}`}>
                  {fmt(byStatus.get(st) ?? 0)}
                </span>
              </li>
            ))}
          </ul>
          <p className={s.note}>{t('normalHue')}</p>
        </div>
      )}
    </aside>
  );
}
