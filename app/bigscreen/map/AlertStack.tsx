'use client';
/** New-alarm pop-ups on the map (top right), newest on top; each leaves after a few seconds. */
import { alarmTypeLabel, SEVERITY_INFO } from '../../../lib/domain/vocabulary/index.ts';
import { countyName } from '../../map/county-names.ts';
import type { FeedItem } from '../lib/feed.ts';
import { beijingTime, type Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import { pick } from '../../../lib/i18n/portal.ts';
import s from './popups.module.css';

export function AlertStack({
  items,
  lang,
  t,
  onPick,
}: {
  items: FeedItem[];
  lang: Lang;
  t: (k: Word) => string;
  onPick: (siteId: string) => void;
}) {
  const en = lang === 'en';
  return (
    <div className={s.alerts} aria-live="assertive" data-testid="alert-stack">
      {items.map((a) => {
        const c = SEVERITY_INFO[a.severity].colour;
        return (
          <button
            key={a.id}
            type="button"
            className={s.alert}
            style={{ borderColor: c, boxShadow: `0 0 24px ${c}66` }}
            onClick={() => onPick(a.siteId)}
            data-testid="alert-popup"
            data-site={a.siteId}
          >
            <span className={s.alertHead} style={{ background: c }}>
              {SEVERITY_INFO[a.severity].icon} {t('newAlarm')} · {pick(lang, SEVERITY_INFO[a.severity])}
              <em>{beijingTime(a.openedAt)}</em>
            </span>
            <span className={s.alertSite}>{en && a.siteNameEn ? a.siteNameEn : a.siteName}</span>
            <span className={s.alertMeta}>
              {countyName(a.county, lang)} · {alarmTypeLabel(a.type, lang)}
              {a.circuitName ? ` · ${a.circuitName}` : ''}
            </span>
          </button>
        );
      })}
    </div>
  );
}
