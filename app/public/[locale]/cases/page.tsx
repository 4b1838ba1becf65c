/** /public/[locale]/cases — published, anonymised stories (rendered per request from a 30 s cache). */
import type { Metadata } from 'next';
import { services } from '@/server/services.ts';
import { HTML_LANG, isLocale, type Locale } from '@/server/public/locales.ts';
import { beijingDate, translator } from '@/server/public/i18n.ts';
import { publishedCases, type PublicCase } from '@/server/public/cases.ts';
import { cached } from '@/server/public/cache.ts';
import { SettingIcon } from '../../_ui/SettingIcon.tsx';
import s from '../../_ui/public.module.css';

export const dynamic = 'force-dynamic';

type P = { params: Promise<{ locale: string }> };
const loc = async (p: P['params']) => {
  const { locale } = await p;
  return (isLocale(locale) ? locale : 'zh') as Locale;
};

export async function generateMetadata({ params }: P): Promise<Metadata> {
  return { title: translator(await loc(params), 'cases')('title') };
}

export default async function Cases({ params }: P) {
  const locale = await loc(params);
  const t = translator(locale, 'cases');
  let cases: PublicCase[] | null = null;
  try {
    cases = await cached(`cases:${locale}`, 30_000, () => publishedCases(services().sql, locale));
  } catch (e) {
    console.error('[public] cases', e);
  }
  return (
    <>
      <h1>{t('title')}</h1>
      <p className={s.lead}>{t('lead')}</p>
      {cases === null && <p>{translator(locale, 'figures')('unavailable')}</p>}
      {cases?.length === 0 && <p>{t('empty')}</p>}
      <ul className={s.cards} style={{ gridTemplateColumns: '1fr' }}>
        {cases?.map((c) => (
          <li key={c.slug} className={s.card}>
            <article lang={c.translated ? undefined : 'zh-CN'}>
              <SettingIcon kind={c.setting} />
              <p className={s.note} style={{ margin: 0 }}>
                {t(`setting.${c.setting}`)} · {t('published', { date: beijingDate(new Date(c.publishedAt)) })}
              </p>
              <h2>{c.title}</h2>
              {!c.translated && <p className={s.note} lang={HTML_LANG[locale]}>{t('fallback')}</p>}
              {c.body.split(/\n+/).map((para, i) => (
                <p key={i}>{para}</p>
              ))}
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
