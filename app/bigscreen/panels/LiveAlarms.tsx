'use client';
/** Right column, top: the active alarms, most severe first (never scrolls: the newest few fit). */
import { memo } from 'react';
import { useNow } from '../useNow.ts';
import { alarmTypeLabel, SITE_STATUS_INFO, STATUS_COLOURS } from '../../../lib/domain/vocabulary/index.ts';
import { countyName } from '../../map/county-names.ts';
import { activeFirst, feedLevel, type FeedItem } from '../lib/feed.ts';
import { beijingTime, fmtAge, type Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import { pick } from '../../../lib/i18n/portal.ts';
import st from '../stage.module.css';
import s from './panels.module.css';

export const LiveAlarms = memo(function LiveAlarms(props: {
  items: FeedItem[];
  active: number | null;
  lang: Lang;
  t: (k: Word) => string;
  onPick: (siteId: string) => void;
  style?: React.CSSProperties;
}) {
  const { lang, t } = props;
  const en = lang === 'en';
  const rows = activeFirst(props.items, 3);
  const now = useNow(10_000);
  return (
    <section className={st.frame} style={props.style} aria-label={t('liveAlarms')} data-testid="live-alarms">
      <div className={st.panelHead}>
        <h2 className={st.panelTitle}>{t('liveAlarms')}</h2>
        <span className={st.panelNote}>
          {t('activeAlarms')} <b style={{ color: props.active ? '#ff6b6d' : STATUS_COLOURS.normal, fontSize: 20 }}>{props.active ?? '—'}</b>
        </span>
      </div>
      <ul className={s.alarmList}>
        {rows.length === 0 && <li className={s.allClear}>✓ {t('noAlarms')}</li>}
        {rows.map((a) => {
          // a latched alarm whose condition is gone reads 已恢复待复位, not its old severity
          const look = SITE_STATUS_INFO[feedLevel(a)];
          const c = look.colour;
          return (
            <li key={a.id} className={s.alarmRow} style={{ borderLeftColor: c }} data-testid="live-alarm" data-site={a.siteId}>
              <button type="button" onClick={() => props.onPick(a.siteId)}>
                <span className={s.alarmSev} style={{ color: c, borderColor: c }}>
                  {look.icon} {pick(lang, look)}
                </span>
                <span className={s.alarmMain}>
                  <b>{en && a.siteNameEn ? a.siteNameEn : a.siteName}</b>
                  <span>
                    {countyName(a.county, lang)} · {alarmTypeLabel(a.type, lang)}
                    {a.circuitName ? ` · ${a.circuitName}` : ''}
                  </span>
                </span>
                <span className={s.alarmTime}>
                  {beijingTime(a.openedAt).slice(0, 5)}
                  <small>{fmtAge(Math.max(0, (now || a.openedAt) - a.openedAt), lang)}</small>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
