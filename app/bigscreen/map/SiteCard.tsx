'use client';
/** The site card on the map: sector, department, live status, open alarms, and the way into its 3D twin. */
import { useEffect, useState } from 'react';
import { useNow } from '../useNow.ts';
import { alarmTypeLabel, CATEGORIES, SEVERITY_INFO, SITE_STATUS_INFO, type SiteStatus } from '../../../lib/domain/vocabulary/index.ts';
import type { MapSite } from '../../../server/queries/sites-for-map.ts';
import type { SiteCard as Card } from '../../../server/queries/site-card.ts';
import { beijingMinute, fmtAge, type Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import s from './overlay.module.css';
import { twinHref } from '../lib/urls.ts';
import { api, ApiError } from '../../_lib/api/client.ts';
import { pick } from '../../../lib/i18n/portal.ts';

type State = { kind: 'loading' } | { kind: 'ok'; card: Card } | { kind: 'error'; message: string };

export function SiteCard(p: {
  site: MapSite;
  status: SiteStatus;
  version: number;
  lang: Lang;
  t: (k: Word) => string;
  onClose: () => void;
  /** down onto the footprints, then into the twin (useSiteFocus) */
  onOpenTwin: () => void;
}) {
  const now = useNow(10_000);
  const { site, lang, t } = p;
  const en = lang === 'en';
  const [st, setSt] = useState<State>({ kind: 'loading' });
  // refetched when the site's live status changes, so the open alarms follow it
  useEffect(() => {
    const ac = new AbortController();
    api('GET /api/sites/:id', { params: { id: site.id }, signal: ac.signal }).then(
      (card) => setSt({ kind: 'ok', card }),
      (e: unknown) => !ac.signal.aborted && setSt({ kind: 'error', message: e instanceof ApiError ? e.text(en) : t('loadFailed') }),
    );
    return () => ac.abort();
  }, [site.id, p.status, en]);

  const info = SITE_STATUS_INFO[p.status];
  const card = st.kind === 'ok' ? st.card : null;
  return (
    <section className={`${s.box} ${s.card}`} aria-label={site.name} data-testid="site-card" data-site={site.id}>
      <div className={s.cardHead}>
        <div style={{ minWidth: 0 }}>
          <h2 className={s.cardTitle}>{en ? site.nameEn : site.name}</h2>
          <div className={s.cardSub}>{en ? site.name : site.nameEn}</div>
        </div>
        <button type="button" className={s.close} onClick={p.onClose} aria-label={t('close')}>
          ×
        </button>
      </div>
      <div className={s.cardStatus} style={{ color: info.colour, borderColor: info.colour }} data-testid="card-status" data-status={p.status}>
        {SITE_STATUS_INFO[p.status].icon} {pick(lang, info)}
      </div>
      <dl className={s.facts}>
        <dt>{t('category')}</dt>
        <dd>{pick(lang, CATEGORIES[site.category])}</dd>
        <dt>{t('department')}</dt>
        <dd>{card ? (en ? card.departmentEn : card.departmentZh) : '…'}</dd>
        <dt>{t('county')}</dt>
        <dd>{card ? (en ? card.countyEn : card.countyZh) : '…'}</dd>
        <dt>{t('devices')}</dt>
        <dd>{card ? `${card.devicesOnline} / ${card.devicesTotal}` : '…'}</dd>
        <dt>{t('lastSeen')}</dt>
        <dd>{card?.lastSeenAt ? `${fmtAge(Math.max(0, now - Date.parse(card.lastSeenAt)), lang)}${en ? ' ago' : '前'}` : '—'}</dd>
      </dl>
      <div className={s.cardAlarmsTitle}>
        {t('openAlarms')} <b>{card ? card.activeAlarms.length : '…'}</b>
      </div>
      <ul className={s.cardAlarms}>
        {st.kind === 'error' && <li>{st.message}</li>}
        {card?.activeAlarms.slice(0, 3).map((a) => (
          <li key={a.id} style={{ borderLeftColor: SEVERITY_INFO[a.severity].colour }}>
            <b style={{ color: SEVERITY_INFO[a.severity].colour }}>
              {SEVERITY_INFO[a.severity].icon} {alarmTypeLabel(a.type, lang)}
            </b>
            <span>
              {a.circuitName ?? ''} · {beijingMinute(Date.parse(a.openedAt)).slice(5)}
            </span>
          </li>
        ))}
        {card && card.activeAlarms.length > 3 && <li className={s.more}>+{card.activeAlarms.length - 3}</li>}
      </ul>
      <a
        className={s.twin}
        href={twinHref(site.id)}
        data-testid="open-twin"
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return; // a new tab goes straight in
          e.preventDefault();
          p.onOpenTwin();
        }}
      >
        {t('openTwin')} →
      </a>
    </section>
  );
}
