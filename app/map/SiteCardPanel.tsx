'use client';
import { useEffect, useState } from 'react';
import { ALARM_TYPE_INFO, CATEGORIES, ROLLOUT_INFO, SEVERITY_INFO, SITE_STATUS_INFO, type SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import { pick, type Lang, type PortalKey } from '../../lib/i18n/portal.ts';
import type { MapSite } from '../../server/queries/sites-for-map.ts';
import type { SiteCard } from '../../server/queries/site-card.ts';
import s from './panels.module.css';
import { api, ApiError } from '../_lib/api/client.ts';

type State = { kind: 'loading' } | { kind: 'ok'; card: SiteCard } | { kind: 'error'; message: string };

function when(iso: string | null) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
}

export function SiteCardPanel(props: {
  site: MapSite;
  liveStatus: SiteStatus;
  lang: Lang;
  t: (k: PortalKey) => string;
  onClose: () => void;
  onOpenTwin: (site: MapSite) => void;
  entering: boolean;
}) {
  const { site, liveStatus, lang, t, onClose } = props;
  const [st, setSt] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const ac = new AbortController();
    api('GET /api/sites/:id', { params: { id: site.id }, signal: ac.signal }).then(
      (card) => setSt({ kind: 'ok', card }),
      (e: unknown) => {
        if (!ac.signal.aborted) setSt({ kind: 'error', message: e instanceof ApiError && e.status > 0 ? e.text(lang === 'en') : t('loadFailed') });
      },
    );
    return () => ac.abort();
    // keyed by site id only: a language switch must not refetch (an error message keeps its language)
  }, [site.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const status = SITE_STATUS_INFO[liveStatus];
  const card = st.kind === 'ok' ? st.card : null;
  return (
    <section className={s.card} aria-label={site.name} data-testid="site-card">
      <div className={s.cardHead}>
        <div>
          <h2 className={s.cardTitle}>{lang === 'en' ? site.nameEn : site.name}</h2>
          <div className={s.cardSub}>{lang === 'en' ? site.name : site.nameEn}</div>
        </div>
        <button type="button" className={s.close} onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </div>
      <div className={s.badgeRow}>
        <span className={s.badge} style={{ color: status.colour, borderColor: status.colour }} data-testid="card-status">
          {SITE_STATUS_INFO[liveStatus].icon} {pick(lang, status)}
        </span>
        <span className={s.badge} style={{ color: CATEGORIES[site.category].hue, borderColor: CATEGORIES[site.category].hue }}>
          {pick(lang, CATEGORIES[site.category])}
        </span>
      </div>
      {/* first in the card (no scrolling on a phone): the second of the two clicks from the map into the site */}
      <a
        className={s.twinBtn}
        href={`/sites/${encodeURIComponent(site.id)}?from=map`}
        data-testid="open-twin"
        aria-busy={props.entering}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; // new tab: plain link
          e.preventDefault();
          if (!props.entering) props.onOpenTwin(site);
        }}
      >
        {props.entering ? t('enteringSite') : t('openSite3d')}
      </a>
      {st.kind === 'loading' && <p className={s.muted}>{t('loading')}</p>}
      {st.kind === 'error' && (
        <p className={s.cardError} role="alert" data-testid="card-error">
          {st.message}
        </p>
      )}
      {card && (
        <>
          <dl className={s.facts}>
            <dt>{t('county')}</dt>
            <dd>{lang === 'en' ? card.countyEn : card.countyZh}</dd>
            <dt>{t('department')}</dt>
            <dd>{lang === 'en' ? card.departmentEn : card.departmentZh}</dd>
            <dt>{t('address')}</dt>
            <dd>{card.address || '—'}</dd>
            <dt>{t('rollout')}</dt>
            <dd>{pick(lang, ROLLOUT_INFO[card.rollout])}</dd>
            <dt>{t('devicesOnline')}</dt>
            <dd data-testid="card-devices">
              {card.devicesOnline} / {card.devicesTotal}
            </dd>
            <dt>{t('circuits')}</dt>
            <dd>{card.circuits}</dd>
            <dt>{t('lastSeen')}</dt>
            <dd>{when(card.lastSeenAt)}</dd>
          </dl>
          <h3 className={s.sectionHead}>
            <span>
              {t('activeAlarms')} ({card.activeAlarms.length})
            </span>
          </h3>
          {card.activeAlarms.length === 0 ? (
            <p className={s.muted}>{t('noActiveAlarms')}</p>
          ) : (
            <ul className={s.alarmList}>
              {card.activeAlarms.map((a) => (
                <li key={a.id} className={s.alarm} style={{ borderLeftColor: SEVERITY_INFO[a.severity].colour }}>
                  <div className={s.alarmHead}>
                    <span style={{ color: SEVERITY_INFO[a.severity].colour }}>
                      {SEVERITY_INFO[a.severity].icon} {pick(lang, SEVERITY_INFO[a.severity])}
                    </span>
                    <span>{pick(lang, ALARM_TYPE_INFO[a.type])}</span>
                    <span className={s.muted}>{when(a.openedAt)}</span>
                  </div>
                  <div className={s.alarmBody}>
                    {a.circuitName ? `${a.circuitName} · ` : ''}
                    {lang === 'en' ? a.reasonEn : a.reasonZh}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
