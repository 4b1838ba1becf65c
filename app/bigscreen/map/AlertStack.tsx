'use client';
/** New-alarm pop-ups on the map (top right), newest on top; each leaves after a few seconds. */
import { STATUS_INFO } from '../../../lib/domain/catalog.ts';
import { ALARM_TYPE_INFO } from '../../map/alarm-labels.ts';
import { STATUS_ICON } from '../../map/colors.ts';
import { countyName } from '../../map/county-names.ts';
import type { FeedItem } from '../lib/feed.ts';
import { beijingTime, type Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
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
        const c = STATUS_INFO[a.severity].color;
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
              {STATUS_ICON[a.severity]} {t('newAlarm')} · {en ? STATUS_INFO[a.severity].en : STATUS_INFO[a.severity].zh}
              <em>{beijingTime(a.openedAt)}</em>
            </span>
            <span className={s.alertSite}>{en && a.siteNameEn ? a.siteNameEn : a.siteName}</span>
            <span className={s.alertMeta}>
              {countyName(a.county, lang)} · {ALARM_TYPE_INFO[a.type]?.[en ? 'en' : 'zh'] ?? a.type}
              {a.circuitName ? ` · ${a.circuitName}` : ''}
            </span>
          </button>
        );
      })}
    </div>
  );
}
