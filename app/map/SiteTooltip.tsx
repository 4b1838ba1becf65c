'use client';
import { CATEGORIES, SITE_STATUS_INFO, type SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import { pick, type Lang, type PortalKey } from '../../lib/i18n/portal.ts';
import { countyName } from './county-names.ts';
import type { HoverInfo } from './SiteMap.tsx';
import s from './panels.module.css';

export function SiteTooltip({ info, status, lang, t }: { info: HoverInfo; status: SiteStatus; lang: Lang; t: (k: PortalKey) => string }) {
  const { site, x, y } = info;
  const st = SITE_STATUS_INFO[status];
  return (
    <div className={s.tooltip} style={{ left: x + 14, top: y + 14 }} role="tooltip" data-testid="site-tooltip">
      <div className={s.ttName}>{lang === 'en' ? site.nameEn : site.name}</div>
      <div className={s.ttRow}>
        <span>{t('category')}</span>
        <span>{pick(lang, CATEGORIES[site.category])}</span>
      </div>
      <div className={s.ttRow}>
        <span>{t('county')}</span>
        <span>{countyName(site.county, lang)}</span>
      </div>
      <div className={s.ttRow}>
        <span>{t('status')}</span>
        <span style={{ color: st.colour }}>
          {SITE_STATUS_INFO[status].icon} {pick(lang, st)}
        </span>
      </div>
    </div>
  );
}
