'use client';
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
/** The bottom ticker: the newest alarms scrolling right to left (the only thing on the screen that scrolls). */
import { alarmTypeLabel, SITE_STATUS_INFO } from '../../../lib/domain/vocabulary/index.ts';
import { countyName } from '../../map/county-names.ts';
import { feedLevel, type FeedItem } from '../lib/feed.ts';
import { beijingMinute, type Lang } from '../lib/format.ts';
import { onSecond } from '../lib/secondTick.ts';
import type { Word } from '../lib/words.ts';
import { pick } from '../../../lib/i18n/portal.ts';
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
    const c = SITE_STATUS_INFO[lv].colour;
    return (
      <span key={k} className={s.tickItem} data-testid="ticker-item" data-site={a.siteId} data-alarm={a.id}>
        <b style={{ color: c }}>
          {SITE_STATUS_INFO[lv].icon} {pick(lang, SITE_STATUS_INFO[lv])}
        </b>
        <span className={s.tickTime}>{beijingMinute(a.openedAt).slice(5)}</span>
        <span>{countyName(a.county, lang)}</span>
        <span className={s.tickSite}>{en && a.siteNameEn ? a.siteNameEn : a.siteName}</span>
        <span>{alarmTypeLabel(a.type, lang)}</span>
        {a.clearedAt != null && <span className={s.tickCleared}>✓ {t('cleared')}</span>}
      </span>
    );
  };
  const key = items.map((x) => x.id).join(',');
  const { trackRef, viewRef, overflow } = useStepper(key, items.length);
  return (
    <section className={`${st.frame} ${s.ticker}`} aria-label={t('ticker')} data-testid="ticker">
      <div className={s.tickLabel} data-mode={playback ? 'playback' : 'live'}>
        {playback ? t('playback') : t('ticker')}
      </div>
      <div className={s.tickViewport} aria-live="polite" ref={viewRef}>
        {items.length === 0 ? (
          <span className={s.tickEmpty}>✓ {t('noAlarms')}</span>
        ) : (
          <div ref={trackRef} className={s.tickTrack}>
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
 * scrolling continuously: as readable, and the wall's compositor rests between steps. The track is moved by
 * writing its transform directly (no re-render per step), and the layout is read once per step, never in
 * render.
 */
const STEP_S = 5;
const SLIDE = 'transform 0.7s ease-in-out';
function useStepper(key: string, n: number) {
  const trackRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<HTMLDivElement>(null);
  // the copy that makes the wrap-around seamless exists only when the alarms do not all fit
  const [overflow, setOverflow] = useState(false);
  useLayoutEffect(() => {
    const first = trackRef.current?.firstElementChild as HTMLElement | null | undefined;
    setOverflow(!!first && !!viewRef.current && first.scrollWidth > viewRef.current.clientWidth);
  }, [key]);
  useEffect(() => {
    const track = trackRef.current;
    if (!track || n === 0 || !overflow) return;
    let idx = 0;
    const move = (i: number, animate: boolean) => {
      const item = track.querySelectorAll<HTMLElement>('[data-testid=ticker-item]')[i];
      track.style.transition = animate ? SLIDE : 'none';
      track.style.transform = `translateX(${-(item?.offsetLeft ?? 0)}px)`;
    };
    move(0, false);
    let wrapped = false;
    let ticks = 0;
    // on the shared second tick, so a step never adds a frame of its own
    const off = onSecond(() => {
      // past the last item: jump back to the same picture at the start of the first copy, without a slide
      if (wrapped) {
        wrapped = false;
        idx = 0;
        move(0, false);
      }
      if (++ticks % STEP_S) return;
      idx++;
      move(idx, true);
      wrapped = idx >= n;
    });
    return () => {
      off();
      track.style.transition = 'none';
      track.style.transform = '';
    };
  }, [key, n, overflow]);
  return { trackRef, viewRef, overflow };
}
