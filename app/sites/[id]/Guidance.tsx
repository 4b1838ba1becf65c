'use client';
/** What to do about an alarm type: meaning, checks in order, safe actions, never-dos, when to call an electrician. */
import { useState } from 'react';
import { guidanceFor } from '../../../lib/twin/guidance.ts';
import type { AlarmType } from '../../../lib/protocol/v1.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import { tw } from './words.ts';
import s from './twin.module.css';

export function Guidance({ lang: pageLang, type, emphasised }: { lang: Lang; type: AlarmType; emphasised: boolean }) {
  const [flip, setFlip] = useState(false);
  const lang: Lang = flip ? (pageLang === 'en' ? 'zh' : 'en') : pageLang;
  const g = guidanceFor(type, lang);
  const t = (k: Parameters<typeof tw>[1]) => tw(lang, k);
  return (
    <section className={s.guidance} data-emph={emphasised ? '1' : '0'} data-testid="twin-guidance" lang={lang === 'en' ? 'en' : 'zh-CN'}>
      <header>
        <h3>🛠 {t('guidance')}：{g.title}</h3>
        <button className={s.linkBtn} onClick={() => setFlip(!flip)}>{t('otherLang')}</button>
      </header>
      <p>{g.meaning}</p>
      <h4>{t('checks')}</h4>
      <ol>{g.steps.map((x) => <li key={x}>{x}</li>)}</ol>
      <h4>✓ {t('safe')}</h4>
      <ul>{g.safe.map((x) => <li key={x}>{x}</li>)}</ul>
      <h4 className={s.never}>✗ {t('never')}</h4>
      <ul className={s.never}>{g.never.map((x) => <li key={x}>{x}</li>)}</ul>
      <h4>☎ {t('electrician')}</h4>
      <p>{g.electrician}</p>
    </section>
  );
}
