'use client';
/** Right column, top: the active alarms, most severe first (never scrolls: the newest few fit). */
import { memo } from 'react';
import { useNow } from '../useNow.ts';
import { STATUS_INFO } from '../../../lib/domain/catalog.ts';
import { ALARM_TYPE_INFO } from '../../map/alarm-labels.ts';
import { STATUS_ICON } from '../../map/colors.ts';
import { countyName } from '../../map/county-names.ts';
import { activeFirst, type FeedItem } from '../lib/feed.ts';
import { beijingTime, fmtAge, type Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
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
          {t('activeAlarms')} <b style={{ color: props.active ? '#ff6b6d' : '#2bd9a0', fontSize: 20 }}>{props.active ?? '—'}</b>
        </span>
      </div>
      <ul className={s.alarmList}>
        {rows.length === 0 && <li className={s.allClear}>✓ {t('noAlarms')}</li>}
        {rows.map((a) => {
          const c = STATUS_INFO[a.severity].color;
          return (
            <li key={a.id} className={s.alarmRow} style={{ borderLeftColor: c }} data-testid="live-alarm" data-site={a.siteId}>
              <button type="button" onClick={() => props.onPick(a.siteId)}>
                <span className={s.alarmSev} style={{ color: c, borderColor: c }}>
                  {STATUS_ICON[a.severity]} {en ? STATUS_INFO[a.severity].en : STATUS_INFO[a.severity].zh}
                </span>
                <span className={s.alarmMain}>
                  <b>{en && a.siteNameEn ? a.siteNameEn : a.siteName}</b>
                  <span>
                    {countyName(a.county, lang)} · {ALARM_TYPE_INFO[a.type]?.[en ? 'en' : 'zh'] ?? a.type}
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
