/** /public/[locale]/report — residents report a hazard (static page; the form talks to /api/public/*). */
import type { Metadata } from 'next';
import { isLocale, type Locale } from '@/server/public/locales.ts';
import { MESSAGES, publicCounty, translator } from '@/server/public/i18n.ts';
import { COUNTY_CODES } from '@/lib/domain/counties.ts';
import { ReportForm } from './ReportForm.tsx';
import s from '../../_ui/public.module.css';

type P = { params: Promise<{ locale: string }> };
const loc = async (p: P['params']) => {
  const { locale } = await p;
  return (isLocale(locale) ? locale : 'zh') as Locale;
};

export async function generateMetadata({ params }: P): Promise<Metadata> {
  return { title: translator(await loc(params), 'report')('title') };
}

export default async function ReportPage({ params }: P) {
  const locale = await loc(params);
  const t = translator(locale, 'report');
  const counties = Object.keys(COUNTY_CODES).map((a) => ({ value: a, label: publicCounty(locale, a) }));
  return (
    <>
      <h1>{t('title')}</h1>
      <p className={s.lead}>{t('lead')}</p>
      <p className={s.emergency}>{t('emergencyNote')}</p>
      <ReportForm locale={locale} text={MESSAGES[locale].report} counties={counties} />
      <p className={s.note}>{t('privacy')}</p>
    </>
  );
}
