/** /public/[locale] — what smart power is and how it protects a building (static). */
import { isLocale, type Locale } from '@/server/public/locales.ts';
import { translator } from '@/server/public/i18n.ts';
import { Explainer } from '../_ui/Explainer.tsx';
import s from '../_ui/public.module.css';

export default async function PublicHome({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: l } = await params;
  const locale = (isLocale(l) ? l : 'zh') as Locale;
  const t = translator(locale, 'home');
  const steps = ([1, 2, 3, 4] as const).map((i) => ({ title: t(`s${i}Title`), text: t(`s${i}Text`) }));
  return (
    <>
      <h1>{t('title')}</h1>
      <p className={s.lead}>{t('lead')}</p>
      <Explainer text={{ title: t('explainerTitle'), steps }} />
      <h2>{t('whyTitle')}</h2>
      <p>{t('why')}</p>
      <div className={s.cta}>
        <a className={s.btn} href={`/public/${locale}/knowledge`}>{t('ctaKnowledge')}</a>
        <a className={`${s.btn} ${s.btnAlt}`} href={`/public/${locale}/figures`}>{t('ctaFigures')}</a>
        <a className={`${s.btn} ${s.btnWarn}`} href={`/public/${locale}/report`}>{t('ctaReport')}</a>
      </div>
    </>
  );
}
