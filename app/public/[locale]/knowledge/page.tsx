/** /public/[locale]/knowledge — safety habits per audience and the warning signs of a bad connection (static). */
import type { Metadata } from 'next';
import { isLocale, type Locale } from '@/server/public/locales.ts';
import { translator } from '@/server/public/i18n.ts';
import { SettingIcon, type Setting } from '../../_ui/SettingIcon.tsx';
import s from '../../_ui/public.module.css';
import k from '../../_ui/knowledge.module.css';

type P = { params: Promise<{ locale: string }> };
const loc = async (p: P['params']) => {
  const { locale } = await p;
  return (isLocale(locale) ? locale : 'zh') as Locale;
};

export async function generateMetadata({ params }: P): Promise<Metadata> {
  return { title: translator(await loc(params), 'knowledge')('title') };
}

const TIPS: Record<Setting, number> = { home: 4, monastery: 4, school: 3, shop: 3 };
const SIGNS = [
  ['scorched', 'scorched-socket'],
  ['warm', 'warm-plug'],
  ['flicker', 'flicker-light'],
  ['smell', 'burning-smell'],
] as const;

export default async function Knowledge({ params }: P) {
  const locale = await loc(params);
  const t = translator(locale, 'knowledge');
  // keys are checked by the message-file unit test; the translator is typed for literal keys only
  const tx = t as unknown as (key: string) => string;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className={s.lead}>{t('lead')}</p>
      <ul className={s.cards}>
        {(Object.keys(TIPS) as Setting[]).map((set) => (
          <li key={set} className={s.card}>
            <SettingIcon kind={set} />
            <h2>{tx(`${set}Title`)}</h2>
            <ul>
              {Array.from({ length: TIPS[set] }, (_, i) => (
                <li key={i}>{tx(`${set}${i + 1}`)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>

      <h2 id="signs">{t('signsTitle')}</h2>
      <p>{t('signsLead')}</p>
      <ul className={k.signs}>
        {SIGNS.map(([key, img]) => (
          <li key={key} className={k.sign}>
            <img src={`/public-assets/img/${img}.svg`} width={160} height={120} alt="" loading="lazy" decoding="async" />
            <div>
              <h3>{tx(`${key}Title`)}</h3>
              <p>{tx(`${key}Text`)}</p>
            </div>
          </li>
        ))}
      </ul>

      <h2>{t('doTitle')}</h2>
      <ol className={k.todo}>
        {[1, 2, 3, 4].map((i) => (
          <li key={i}>{tx(`do${i}`)}</li>
        ))}
      </ol>
      <p className={s.cta}>
        <a className={`${s.btn} ${s.btnWarn}`} href={`/public/${locale}/report`}>{translator(locale, 'home')('ctaReport')}</a>
      </p>
    </>
  );
}
