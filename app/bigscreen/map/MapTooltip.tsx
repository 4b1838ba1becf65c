'use client';
/** Hover card on the map: a site (name, sector, county, live status) or a county (its figures). */
import { CATEGORIES, SITE_STATUS_INFO, type SiteStatus } from '../../../lib/domain/vocabulary/index.ts';
import type { MapSite } from '../../../server/queries/sites-for-map.ts';
import { countyName } from '../../map/county-names.ts';
import { fmtCount, fmtPct, type Lang } from '../lib/format.ts';
import type { CountyShape } from './geo.ts';
import { pick } from '../../../lib/i18n/portal.ts';
import { words } from '../lib/words.ts';
import s from './map.module.css';

export type Hover = { kind: 'site'; site: MapSite; x: number; y: number } | { kind: 'county'; adcode: number; x: number; y: number };

export function MapTooltip(props: {
  hover: Hover;
  lang: Lang;
  status?: SiteStatus;
  counties: CountyShape[];
  values: Record<number, { coverage: number | null; hazards: number; sites: number; alarms: number }>;
}) {
  const { hover: h, lang } = props;
  const en = lang === 'en';
  const t = words(lang);
  const style = { left: h.x + 18, top: h.y + 18 };
  if (h.kind === 'site') {
    const st = SITE_STATUS_INFO[props.status ?? h.site.status];
    return (
      <div className={s.tooltip} style={style} role="tooltip" data-testid="map-tooltip" data-site={h.site.id}>
        <div className={s.ttTitle}>{en ? h.site.nameEn : h.site.name}</div>
        <div className={s.ttRow}>
          {pick(lang, CATEGORIES[h.site.category])} · {countyName(h.site.county, lang)}
        </div>
        <div className={s.ttRow} style={{ color: st.colour }}>
          {SITE_STATUS_INFO[props.status ?? h.site.status].icon} {pick(lang, st)}
        </div>
      </div>
    );
  }
  const v = props.values[h.adcode];
  return (
    <div className={s.tooltip} style={style} role="tooltip" data-testid="map-tooltip" data-county={h.adcode}>
      <div className={s.ttTitle}>{countyName(h.adcode, lang)}</div>
      {v && (
        <>
          <div className={s.ttRow}>
            {t('monitoredSites')} <b>{fmtCount(v.sites, lang)}</b> · {t('activeAlarms')}{' '}
            <b>{fmtCount(v.alarms, lang)}</b>
          </div>
          <div className={s.ttRow}>
            {t('choroCoverage')} <b>{fmtPct(v.coverage)}</b> · {t('hazardsOpen')}{' '}
            <b>{fmtCount(v.hazards, lang)}</b>
          </div>
        </>
      )}
      <div className={s.ttHint}>{t('clickToFilter')}</div>
    </div>
  );
}
