/** Active and past alarms of a circuit with their reasons (in the chosen language, the other one beneath). */
import type { TwinAlarm } from '../../../lib/twin/types.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import { tw } from './words.ts';
import { alarmTypeLabel, severityLabel } from '../../../lib/domain/vocabulary/index.ts';
import s from './twin.module.css';

const fmt = (ms: number) => {
  const d = new Date(ms + 8 * 3600_000); // Beijing time
  return d.toISOString().slice(0, 16).replace('T', ' ');
};

function Item({ a, lang }: { a: TwinAlarm; lang: Lang }) {
  const [main, other] = lang === 'en' ? [a.reasonEn, a.reasonZh] : [a.reasonZh, a.reasonEn];
  return (
    <li className={s.alarm} data-sev={a.severity} data-testid="twin-alarm">
      <div className={s.alarmHead}>
        <i className={s.sevBadge} data-sev={a.severity}>{severityLabel(a.severity, lang)}</i>
        <b>{alarmTypeLabel(a.type, lang)}</b>
        <span className={s.muted}>
          {fmt(a.openedAt)} {a.clearedAt != null ? `→ ${tw(lang, 'cleared')} ${fmt(a.clearedAt)}` : ''}
        </span>
      </div>
      {main && <p className={s.reason} data-testid="twin-alarm-reason">{main}</p>}
      {other && <p className={s.reasonOther} lang={lang === 'en' ? 'zh-CN' : 'en'}>{other}</p>}
      {a.value != null && a.threshold != null && (
        <p className={s.muted}>
          {a.value.toFixed(1)} / {a.threshold.toFixed(1)}
        </p>
      )}
    </li>
  );
}

export function AlarmList({ lang, active, past }: { lang: Lang; active: TwinAlarm[]; past: TwinAlarm[] }) {
  return (
    <>
      <h3>{tw(lang, 'activeAlarms')}</h3>
      {active.length === 0 ? <p className={s.muted}>{tw(lang, 'none')}</p> : <ul className={s.list}>{active.map((a) => <Item key={a.id} a={a} lang={lang} />)}</ul>}
      {past.length > 0 && (
        <details className={s.past}>
          <summary>{tw(lang, 'pastAlarms')} ({past.length})</summary>
          <ul className={s.list}>{past.slice(0, 20).map((a) => <Item key={a.id} a={a} lang={lang} />)}</ul>
        </details>
      )}
    </>
  );
}
