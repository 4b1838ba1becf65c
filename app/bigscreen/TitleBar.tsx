'use client';
/** The title bar: scope, the platform's name, Beijing time, data freshness, and the wall's switches. */
import { memo } from 'react';
import { ClockIcon } from './lib/Icons.tsx';
import { useNow } from './useNow.ts';
import type { DataFreshness } from './lib/freshness.ts';
import { beijingClock, beijingWeekday, fmtAge, type Lang } from './lib/format.ts';
import type { Word } from './lib/words.ts';
import s from './title.module.css';

interface Props {
  lang: Lang;
  t: (k: Word) => string;
  scopeLabel: string;
  freshness: DataFreshness;
  touring: boolean;
}

export const TitleBar = memo(function TitleBar(p: Props) {
  const { t, lang } = p;
  const now = useNow(1000);
  const clock = now ? beijingClock(now) : '—'.padEnd(19, ' ');
  const f = p.freshness;
  const fLabel = f.state === 'live' ? t('live') : f.state === 'stale' ? t('stale') : f.state === 'offline' ? t('offline') : t('connecting');
  return (
    <header className={s.bar}>
      <div className={s.side}>
        <span className={s.scope} title={t('scope')}>
          ◎ {p.scopeLabel}
        </span>
        <span className={s.date}>{`${clock.slice(0, 10)}  ${now ? beijingWeekday(now, lang) : ''}`}</span>
      </div>
      <div className={s.centre}>
        <h1 className={s.title} data-lang={lang}>
          {t('title')}
        </h1>
        <div className={s.subtitle}>
          {lang === 'en' ? '昌都市智慧式用电安全管理平台 · 指挥中心' : `${t('subtitle')} · CHANGDU ELECTRICAL-SAFETY COMMAND CENTRE`}
        </div>
      </div>
      <div className={`${s.side} ${s.right}`}>
        <div className={s.fresh} data-testid="freshness" data-state={f.state} role="status">
          <span className={s.dot} data-state={f.state} aria-hidden>
            {f.state === 'live' ? '' : <ClockIcon size={12} colour="#04101f" />}
          </span>
          <span className={s.freshLabel}>{fLabel}</span>
          {f.ageMs != null && (
            <span className={s.age}>
              {lang === 'en' ? `${t('updatedAgo')} ${fmtAge(f.ageMs, lang)} ${t('ago')}` : `${fmtAge(f.ageMs, lang)}前更新`}
            </span>
          )}
        </div>
        <div className={s.clock} data-testid="clock" aria-label={`${clock} 北京时间`}>
          {clock.slice(11)}
          <small>{t('beijing')}</small>
        </div>
        {p.touring && (
          <span className={s.tour} data-testid="tour-badge">
            ⟳ {t('tourOn')}
          </span>
        )}
      </div>
    </header>
  );
});
