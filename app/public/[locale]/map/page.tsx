/** /public/[locale]/map — county coverage (maplibre only on this page), names and rates as HTML beside it. */
import type { Metadata } from 'next';
import { services } from '@/server/services.ts';
import { isLocale, type Locale } from '@/server/public/locales.ts';
import { publicCounty, translator } from '@/server/public/i18n.ts';
import { publicCoverage, publicStats, type PublicStats } from '@/server/public/aggregates.ts';
import { CountySvg } from './CountySvg.tsx';
import { COUNTY_CODES } from '@/lib/domain/counties.ts';
import CountyMapLoader from './CountyMapLoader.tsx';
import { RAMP, NO_DATA, rampColor } from './ramp.ts';
import s from '../../_ui/public.module.css';
import m from './map.module.css';

export const dynamic = 'force-dynamic';

type P = { params: Promise<{ locale: string }> };
const loc = async (p: P['params']) => {
  const { locale } = await p;
  return (isLocale(locale) ? locale : 'zh') as Locale;
};

export async function generateMetadata({ params }: P): Promise<Metadata> {
  return { title: translator(await loc(params), 'map')('title') };
}

export default async function MapPage({ params }: P) {
  const locale = await loc(params);
  const t = translator(locale, 'map');
  let st: PublicStats | null = null;
  let geo: Awaited<ReturnType<typeof publicCoverage>> | null = null;
  try {
    st = await publicStats(services().sql);
    geo = await publicCoverage(services().sql);
  } catch (e) {
    console.error('[public] map stats', e);
  }
  const names = Object.fromEntries(Object.keys(COUNTY_CODES).map((a) => [a, publicCounty(locale, a)]));
  const rates: Record<string, string> = {};
  for (const c of st?.counties ?? []) if (c.rate !== null) rates[String(c.adcode)] = c.rate.toFixed(1);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className={s.lead}>{t('lead')}</p>
      <div className={m.layout}>
        <div>
          <CountyMapLoader
            names={names} rates={rates} loading={t('loading')} attribution="DataV.GeoAtlas"
            label={t('title')}
            show={t('show')}
            preview={geo && <CountySvg className={m.svg} features={geo.features as never} names={names} />}
          />
          <p className={s.note}>{t('noMap')}</p>
        </div>
        <section aria-labelledby="list-h">
          <h2 id="list-h" style={{ marginTop: 0 }}>{t('list')}</h2>
          <ul className={m.legend} aria-label={t('legend')}>
            {RAMP.map((r, i) => (
              <li key={r.min}>
                <span className={m.swatch} style={{ background: r.color }} />
                {RAMP[i + 1] ? `${r.min}–${RAMP[i + 1].min}%` : `≥ ${r.min}%`}
              </li>
            ))}
            <li>
              <span className={m.swatch} style={{ background: NO_DATA }} />—
            </li>
          </ul>
          <ul className={m.list}>
            {(st?.counties ?? []).map((c) => (
              <li key={c.adcode}>
                <span>
                  <span className={m.swatch} style={{ background: rampColor(c.rate) }} />
                  {names[String(c.adcode)]}
                </span>
                <span className={m.rate}>
                  {c.rate === null ? '—' : t('rate', { rate: c.rate.toFixed(1) })}
                  {c.total !== null && <small> · {t('units', { covered: c.covered ?? 0, total: c.total })}</small>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
