'use client';
import { memo } from 'react';
/** Left column, top: the headline figures, big enough to read from the back of the room. */
import type { BigscreenSummary } from '../../../server/bigscreen/summary.ts';
import { fmtCount, fmtPct, type Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import { ClockIcon } from '../lib/Icons.tsx';
import { RollingNumber } from './RollingNumber.tsx';
import { ROLLOUT_INFO, SEVERITY_INFO, SITE_STATUS_INFO } from '../../../lib/domain/vocabulary/index.ts';
import { pick } from '../../../lib/i18n/portal.ts';
import st from '../stage.module.css';
import s from './panels.module.css';

import { ratio } from '../../../lib/domain/kpi/ratio.ts';

const VERDICT_WORD = { complete: 'planComplete', ahead: 'planAhead', onTrack: 'onTrack', behind: 'behind' } as const;

export const KpiPanel = memo(function KpiPanel({
  data,
  lang,
  t,
  countyLabel,
}: {
  data: BigscreenSummary | null;
  lang: Lang;
  t: (k: Word) => string;
  countyLabel: string;
}) {
  const k = data?.kpis;
  const h = data?.hazards;
  const c = data?.coverage.total;
  const n = (x: number) => fmtCount(x, lang);
  const pct = (x: number) => fmtPct(x);
  // sites without devices yet (未接入): outside the online rate's base, named beside it
  const unfitted =
    k && k.sitesUnequipped > 0 ? (
      <span className={s.kpiAside} data-testid="kpi-sites-unconnected" data-value={k.sitesUnequipped}>
        {lang === 'en' ? (
          <>
            <b>{n(k.sitesUnequipped)}</b> not fitted
          </>
        ) : (
          <>
            未接入 <b>{n(k.sitesUnequipped)}</b>
          </>
        )}
      </span>
    ) : null;
  return (
    <section className={`${st.frame} ${s.kpiPanel}`} aria-label={t('sitesOnline')} data-testid="kpi-panel" data-filled={data ? '1' : '0'}>
      <div className={st.panelHead}>
        <h2 className={st.panelTitle}>{t('overview')}</h2>
        <span className={st.panelNote}>{countyLabel}</span>
      </div>
      <div className={s.kpiGrid}>
        <div className={s.kpi}>
          <div className={`${s.kpiLabel} ${s.kpiLabelRow}`}>
            {t('sitesOnline')}
            {unfitted}
          </div>
          <div className={s.kpiValue}>
            <RollingNumber value={k?.sitesOnline ?? null} format={n} testId="kpi-sites-online" />
            <small data-testid="kpi-sites-connected" data-value={k?.sitesConnected ?? ''}>
              /{k ? n(k.sitesConnected) : '—'}
            </small>
            <span hidden data-testid="kpi-sites-total" data-value={k?.sites ?? ''} />
          </div>
          <div className={s.kpiSub}>
            {t('siteOnlineRate')}{' '}
            <b data-testid="kpi-site-online-rate" data-value={k?.sitesOnlineRate ?? ''}>
              {fmtPct(k ? k.sitesOnlineRate : null)}
            </b>
          </div>
        </div>
        <div className={s.kpi}>
          <div className={s.kpiLabel}>{t('devicesOnline')}</div>
          <div className={s.kpiValue}>
            <RollingNumber value={k?.devicesOnline ?? null} format={n} />
            <small>/{k ? n(k.devices) : '—'}</small>
          </div>
          <div className={s.kpiSub}>
            {t('onlineRate')} <b data-testid="kpi-device-online-rate">{fmtPct(k ? ratio(k.devicesOnline, k.devices) : null)}</b>
          </div>
        </div>
        <div className={`${s.kpi} ${s.kpiWide} ${k?.activeAlarms ? s.kpiHot : ''}`}>
          <div>
            <div className={s.kpiLabel}>{t('activeAlarms')}</div>
            <div className={s.kpiValue}>
              <RollingNumber value={k?.activeAlarms ?? null} format={n} testId="kpi-active-alarms" />
              <small>
                {' '}
                {t('today')} +{k ? n(k.alarmsToday) : '—'}
              </small>
              {k && k.activeRecovered > 0 && (
                <small className={s.kpiAside} data-testid="kpi-active-recovered" data-value={k.activeRecovered}>
                  {' '}
                  {pick(lang, SITE_STATUS_INFO.recovered)} {n(k.activeRecovered)}
                </small>
              )}
            </div>
          </div>
          <div className={s.sevCol}>
            <span className={s.sevCritical}>
              {SEVERITY_INFO.critical.icon} {pick(lang, SEVERITY_INFO.critical)} <b data-testid="kpi-active-critical">{k ? n(k.alarmsBySeverity.critical) : '—'}</b>
            </span>
            <span className={s.sevAlarm}>
              {SEVERITY_INFO.alarm.icon} {pick(lang, SEVERITY_INFO.alarm)} <b>{k ? n(k.alarmsBySeverity.alarm) : '—'}</b>
            </span>
            <span className={s.sevWarning}>
              {SEVERITY_INFO.warning.icon} {pick(lang, SEVERITY_INFO.warning)} <b>{k ? n(k.alarmsBySeverity.warning) : '—'}</b>
            </span>
            <span className={s.sevFault} title={t('faultsNote')}>
              {SITE_STATUS_INFO.fault.icon} {pick(lang, SITE_STATUS_INFO.fault)} <b>{k ? n(k.activeFaults) : '—'}</b>
            </span>
          </div>
        </div>
        <div className={`${s.kpi} ${h?.overdue ? s.kpiWarn : ''}`}>
          <div className={s.kpiLabel}>{t('hazardsOpen')}</div>
          <div className={s.kpiValue}>
            <RollingNumber value={h?.open ?? null} format={n} testId="kpi-hazards-open" />
          </div>
          <div className={s.kpiSub}>
            <span className={h?.overdue ? s.overdue : ''}>
              <ClockIcon /> {t('overdue')} <b data-testid="kpi-hazards-overdue" data-value={h?.overdue ?? ''}>{h ? n(h.overdue) : '—'}</b>
            </span>
          </div>
        </div>
        <div className={s.kpi}>
          <div className={s.kpiLabel}>{t('rectRate')}</div>
          <div className={s.kpiValue}>
            <RollingNumber value={h ? h.rectificationRate : null} format={pct} testId="kpi-rect-rate" />
          </div>
          <div className={s.kpiSub}>
            {t('closedMonth')} <b>{h ? n(h.closedThisMonth) : '—'}</b>
          </div>
        </div>
        <div className={`${s.kpi} ${s.kpiWide}`}>
          <div>
            <div className={s.kpiLabel}>{t('coverage')}</div>
            <div className={s.kpiValue}>
              <RollingNumber value={c?.share ?? null} format={pct} testId="kpi-coverage" />
            </div>
          </div>
          <div className={s.planCol}>
            <div className={s.kpiSub}>
              {pick(lang, ROLLOUT_INFO.in_service)} <b>{c ? n(c.covered) : '—'}</b> / {t('target')}{' '}
              <b>{c ? n(c.target) : '—'}</b>
            </div>
            <div className={s.progress}>
              <i style={{ width: `${Math.min(100, (c?.share ?? 0) * 100)}%` }} />
              {c?.expected != null && <em style={{ left: `${Math.min(100, c.expected * 100)}%` }} />}
            </div>
            <div className={s.kpiSub}>
              {c?.verdict === 'complete' && c.expected == null ? (
                <span className={s.ahead} data-testid="kpi-plan-verdict" data-value="complete">
                  {t('planComplete')}
                </span>
              ) : c?.expected != null ? (
                <>
                  <span style={{ color: '#ffd36a' }}>┃</span> {t('planned')} <b>{fmtPct(c.expected)}</b>
                  {c.verdict && (
                    <span className={c.verdict === 'behind' ? s.behind : s.ahead} data-testid="kpi-plan-verdict" data-value={c.verdict}>
                      {' '}
                      {t(VERDICT_WORD[c.verdict])}
                    </span>
                  )}
                </>
              ) : (
                '—'
              )}
            </div>
          </div>
        </div>
      </div>
    </section>
  );
});
