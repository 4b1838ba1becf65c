'use client';
/** The twin's top bar: back to the map, the site's name, heat mode, exterior/x-ray, floors, reset, language, live dot. */
import Link from 'next/link';
import type { HeatMode } from '../../../lib/twin/heat.ts';
import type { TwinSite } from '../../../lib/twin/types.ts';
import { tr, type Lang } from '../../../lib/i18n/portal.ts';
import { tw } from './words.ts';
import s from './twin.module.css';

interface Props {
  from: 'map' | 'bigscreen' | null;
  siteName: { zh: string; en: string } | null;
  lang: Lang;
  setLang: (l: Lang) => void;
  site: TwinSite | null;
  siteId: string;
  mode: HeatMode;
  setMode: (m: HeatMode) => void;
  xray: boolean;
  setXray: (v: boolean) => void;
  explode: boolean;
  setExplode: (v: boolean) => void;
  levels: number;
  isolate: number | null;
  setIsolate: (k: number | null) => void;
  onReset: () => void;
  connected: boolean;
}

function Seg<T extends string | number | boolean | null>({ label, value, options, onChange }: { label: string; value: T; options: [T, string][]; onChange: (v: T) => void }) {
  return (
    <div className={s.seg} role="group" aria-label={label}>
      <span className={s.segLabel}>{label}</span>
      {options.map(([v, text]) => (
        <button key={String(v)} className={s.segBtn} aria-pressed={v === value} onClick={() => onChange(v)}>
          {text}
        </button>
      ))}
    </div>
  );
}

export function Toolbar(p: Props) {
  const t = (k: Parameters<typeof tw>[1]) => tw(p.lang, k);
  // back where the user came from, over this site's footprints: the big screen or the map
  const big = p.from === 'bigscreen';
  const backHref = big ? `/bigscreen?site=${encodeURIComponent(p.siteId)}` : `/map?focus=${encodeURIComponent(p.siteId)}`;
  const [main, other] = p.lang === 'en' ? [tw('en', big ? 'backBig' : 'back'), tw('zh', big ? 'backBig' : 'back')] : [tw('zh', big ? 'backBig' : 'back'), tw('en', big ? 'backBig' : 'back')];
  const name = p.site ? { zh: p.site.nameZh, en: p.site.nameEn } : p.siteName;
  const floorOpts: [number | null, string][] = [[null, t('allFloors')], ...Array.from({ length: p.levels }, (_, k) => [k, `${k + 1}F`] as [number, string])];
  return (
    <header className={s.toolbar}>
      <Link href={backHref} className={s.backBtn} data-testid="twin-back">
        ← {main}
        <span className={s.backSub}>{other}</span>
      </Link>
      <div className={s.title}>
        <h1>{name ? (p.lang === 'en' ? name.en : name.zh) : p.siteId}</h1>
        {p.site && (
          <span className={s.subtitle}>
            {p.lang === 'en' ? `${p.site.nameZh} · ${p.site.countyEn}` : `${p.site.nameEn} · ${p.site.countyZh}`}
          </span>
        )}
      </div>
      <div className={s.controls}>
        <Seg label={t('heat')} value={p.mode} options={[['temperature', t('byTemp')], ['load', t('byLoad')]]} onChange={p.setMode} />
        <Seg label={t('view')} value={p.xray} options={[[true, t("xray")], [false, t("exterior")]]} onChange={p.setXray} />
        <Seg label={t('floors')} value={p.isolate} options={floorOpts} onChange={p.setIsolate} />
        <button className={s.btn} aria-pressed={p.explode} onClick={() => p.setExplode(!p.explode)}>
          {t('explode')}
        </button>
        <button className={s.btn} onClick={p.onReset}>
          {t('reset')}
        </button>
        <Link className={s.btn} href={`/sites/${encodeURIComponent(p.siteId)}/plan`} data-testid="twin-plan-link">
          {t('list')}
        </Link>
        <Link className={s.btn} href={`/sites/${encodeURIComponent(p.siteId)}/profile`} data-testid="twin-profile-link">
          {t('thresholds')}
        </Link>
        <button className={s.btn} onClick={() => p.setLang(p.lang === 'en' ? 'zh' : 'en')} aria-label={tr(p.lang, 'langToggleLabel')}>
          {t('lang')}
        </button>
        <span className={s.liveDot} data-on={p.connected ? '1' : '0'} title={p.connected ? t('live') : t('offline')}>
          {p.connected ? `● ${t('live')}` : `○ ${t('offline')}`}
        </span>
      </div>
    </header>
  );
}
