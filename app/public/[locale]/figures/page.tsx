/** /public/[locale]/figures — the plan's national figures and Changdu's live k-anonymous aggregates. */
import type { Metadata } from 'next';
import { services } from '@/server/services.ts';
import { HTML_LANG, isLocale, type Locale } from '@/server/public/locales.ts';
import { beijingTime, publicCategory, publicCounty, translator } from '@/server/public/i18n.ts';
import { publicStats, type PublicStats } from '@/server/public/aggregates.ts';
import { CoverageTable } from '../../_ui/CoverageTable.tsx';
import s from '../../_ui/public.module.css';
import f from '../../_ui/figures.module.css';

export const dynamic = 'force-dynamic';

type P = { params: Promise<{ locale: string }> };
const loc = async (p: P['params']) => {
  const { locale } = await p;
  return (isLocale(locale) ? locale : 'zh') as Locale;
};

export async function generateMetadata({ params }: P): Promise<Metadata> {
  return { title: translator(await loc(params), 'figures')('title') };
}

export default async function Figures({ params }: P) {
  const locale = await loc(params);
  const t = translator(locale, 'figures');
  // the k-anonymity merge's bucket is not a category: it is named by the page
  const cat = (c: string) => (c === 'other' ? t('other') : publicCategory(locale, c));
  const num = new Intl.NumberFormat(HTML_LANG[locale]);
  let st: PublicStats | null = null;
  try {
    st = await publicStats(services().sql);
  } catch (e) {
    console.error('[public] stats', e);
  }
  const national = [
    [t('fires'), t('firesValue')],
    [t('deaths'), t('deathsValue')],
    [t('injured'), t('injuredValue')],
    [t('loss'), t('lossValue')],
  ];
  return (
    <>
      <h1>{t('title')}</h1>
      <p className={s.lead}>{t('lead')}</p>
      <h2>{t('nationalTitle')}</h2>
      <ul className={`${f.kpis} ${f.national}`}>
        {national.map(([label, value]) => (
          <li key={label} className={f.kpi}>
            <b>{value}</b>
            <span>{label}</span>
          </li>
        ))}
      </ul>
      <p>{t('share')}</p>

      <h2>{t('liveTitle')}</h2>
      {!st && <p>{t('unavailable')}</p>}
      {st && (
        <>
          <ul className={f.kpis}>
            <li className={f.kpi}>
              <b>{num.format(st.covered)}</b>
              <span>{t('units')} · {t('unitsOf', { total: num.format(st.total) })}</span>
            </li>
            <li className={f.kpi}>
              <b>{st.rate === null ? '—' : `${st.rate.toFixed(1)}%`}</b>
              <span>{t('coverage')}</span>
            </li>
            <li className={f.kpi}>
              <b>{num.format(st.hazardsFound)}</b>
              <span>{t('found')}</span>
            </li>
            <li className={f.kpi}>
              <b>{num.format(st.hazardsFixed)}</b>
              <span>{t('fixed')}</span>
            </li>
          </ul>
          <h2>{t('byCounty')}</h2>
          <CoverageTable
            locale={locale}
            label={t('byCounty')}
            head={[t('county'), t('covered'), t('total'), t('coverage')]}
            rows={st.counties.map((c) => ({ key: String(c.adcode), label: publicCounty(locale, c.adcode), covered: c.covered, total: c.total, rate: c.rate }))}
          />
          <h2>{t('bySector')}</h2>
          <CoverageTable
            locale={locale}
            label={t('bySector')}
            head={[t('sector'), t('covered'), t('total'), t('coverage')]}
            rows={st.sectors.map((c) => ({ key: c.category, label: cat(c.category), covered: c.covered, total: c.total, rate: c.total ? Math.round((c.covered / c.total) * 1000) / 10 : null }))}
          />
          <p className={s.note}>{t('suppressedNote')}</p>
          <p className={s.note}>{t('updated', { time: beijingTime(new Date(st.generatedAt)) })}</p>
        </>
      )}
    </>
  );
}
