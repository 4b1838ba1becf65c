'use client';
import { memo, useEffect, useRef, useState } from 'react';
/** The bottom ticker: the newest alarms scrolling right to left (the only thing on the screen that scrolls). */
import { STATUS_INFO } from '../../../lib/domain/catalog.ts';
import { ALARM_TYPE_INFO } from '../../map/alarm-labels.ts';
import { STATUS_ICON } from '../../map/colors.ts';
import { countyName } from '../../map/county-names.ts';
import { feedLevel, type FeedItem } from '../lib/feed.ts';
import { beijingMinute, type Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import st from '../stage.module.css';
import s from './panels.module.css';

export const Ticker = memo(function Ticker({
  items,
  lang,
  t,
  playback,
}: {
  items: FeedItem[];
  lang: Lang;
  t: (k: Word) => string;
  playback: boolean;
}) {
  const en = lang === 'en';
  const line = (a: FeedItem, k: string) => {
    const lv = feedLevel(a);
    const c = STATUS_INFO[lv].color;
    return (
      <span key={k} className={s.tickItem} data-testid="ticker-item" data-site={a.siteId} data-alarm={a.id}>
        <b style={{ color: c }}>
          {STATUS_ICON[lv]} {en ? STATUS_INFO[lv].en : STATUS_INFO[lv].zh}
        </b>
        <span className={s.tickTime}>{beijingMinute(a.openedAt).slice(5)}</span>
        <span>{countyName(a.county, lang)}</span>
        <span className={s.tickSite}>{en && a.siteNameEn ? a.siteNameEn : a.siteName}</span>
        <span>{ALARM_TYPE_INFO[a.type]?.[en ? 'en' : 'zh'] ?? a.type}</span>
        {a.clearedAt != null && <span className={s.tickCleared}>✓ {t('cleared')}</span>}
      </span>
    );
  };
  const key = items.map((x) => x.id).join(',');
  const { trackRef, viewRef, offset, animate, overflow } = useStepper(key, items.length);
  return (
    <section className={`${st.frame} ${s.ticker}`} aria-label={t('ticker')} data-testid="ticker">
      <div className={s.tickLabel} data-mode={playback ? 'playback' : 'live'}>
        {playback ? t('playback') : t('ticker')}
      </div>
      <div className={s.tickViewport} aria-live="polite" ref={viewRef}>
        {items.length === 0 ? (
          <span className={s.tickEmpty}>✓ {t('noAlarms')}</span>
        ) : (
          <div
            key={key}
            ref={trackRef}
            className={s.tickTrack}
            style={{ transform: `translateX(${-offset}px)`, transition: animate ? 'transform 0.8s ease-in-out' : 'none' }}
          >
            <div className={s.tickRun}>{items.map((a) => line(a, `a${a.id}`))}</div>
            {overflow && (
              <div className={s.tickRun} aria-hidden>
                {items.map((a) => line(a, `b${a.id}`))}
              </div>
            )}
          </div>
        )}
      </div>
    </section>
  );
});

/**
 * The ticker steps one alarm to the left every few seconds (a short slide, then stillness) instead of
 * scrolling continuously: as readable, and the wall's compositor rests between steps.
 */
const STEP_MS = 4000;
function useStepper(key: string, n: number) {
  const trackRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<HTMLDivElement>(null);
  const [idx, setIdx] = useState(0);
  const [animate, setAnimate] = useState(true);
  // the copy that makes the wrap-around seamless exists only when the alarms do not all fit
  const [overflow, setOverflow] = useState(false);
  useEffect(() => {
    const first = trackRef.current?.firstElementChild as HTMLElement | null | undefined;
    setOverflow(!!first && !!viewRef.current && first.scrollWidth > viewRef.current.clientWidth);
  }, [key]);
  useEffect(() => {
    setIdx(0);
    setAnimate(false);
    if (n === 0) return;
    const h = setInterval(() => {
      const track = trackRef.current;
      const view = viewRef.current;
      // everything fits: nothing to move
      const first = track?.firstElementChild as HTMLElement | null | undefined;
      if (!track || !view || !first || first.scrollWidth <= view.clientWidth) return;
      setAnimate(true);
      setIdx((i) => i + 1);
    }, STEP_MS);
    return () => clearInterval(h);
  }, [key, n]);
  // past the last item: jump back to the same picture at the start of the first copy, without a slide
  useEffect(() => {
    if (idx < n || n === 0) return;
    const t = setTimeout(() => {
      setAnimate(false);
      setIdx(0);
    }, 900);
    return () => clearTimeout(t);
  }, [idx, n]);
  const item = trackRef.current?.querySelectorAll<HTMLElement>('[data-testid=ticker-item]')[idx];
  const offset = item ? item.offsetLeft : 0;
  return { trackRef, viewRef, offset, animate, overflow };
}
