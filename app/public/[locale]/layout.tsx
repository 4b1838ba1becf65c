/**
 * Layout of the public awareness pages (/public/zh|bo|en/…): its own bright look inside the shared root
 * layout; the language is set on a wrapper element (lang/dir) and mirrored onto <html> by one inline line.
 */
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { preload } from 'react-dom';
import { HTML_LANG, LOCALES, isLocale, type Locale } from '@/server/public/locales.ts';
import { MESSAGES, translator } from '@/server/public/i18n.ts';
import { LangSwitch, SectionNav } from '../_ui/Chrome.tsx';
import { Logo } from '../_ui/Logo.tsx';
import s from '../_ui/public.module.css';

export const dynamicParams = false;
export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = translator(locale, 'common');
  return {
    title: { default: t('siteName'), template: `%s · ${t('siteName')}` },
    description: translator(locale, 'home')('lead'),
    alternates: { languages: Object.fromEntries(LOCALES.map((l) => [HTML_LANG[l], `/public/${l}`])) },
  };
}

export default async function PublicLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale: l } = await params;
  if (!isLocale(l)) notFound();
  const locale: Locale = l;
  if (locale === 'bo') preload('/public-assets/fonts/tibetan-ui.woff2', { as: 'font', type: 'font/woff2', crossOrigin: '' });
  const t = translator(locale, 'common');
  const nav = MESSAGES[locale].common.nav;
  // the CSP nonce (proxy.ts): reading it renders these pages per request, as nonces require
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <div lang={HTML_LANG[locale]} dir="ltr" className={`${s.root} ${locale === 'bo' ? s.bo : ''}`}>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `document.documentElement.lang=${JSON.stringify(HTML_LANG[locale])}` }} />
      <a className={s.skip} href="#main">{t('skip')}</a>
      <header className={s.header}>
        <div className={s.headerIn}>
          <a className={s.brand} href={`/public/${locale}`}>
            <Logo />
            <span>{t('siteName')}</span>
          </a>
          <LangSwitch locale={locale} label={t('language')} />
        </div>
      </header>
      <SectionNav locale={locale} labels={{ language: t('language'), menu: t('menu'), nav }} />
      <main id="main" className={s.main}>
        {children}
      </main>
      <footer className={s.footer}>
        <div className={s.footerIn}>
          <p className={s.emergency}>{t('emergency')}</p>
          <p>{t('footer')}</p>
          {locale !== 'zh' && <p>{t('langReview')}</p>}
          <p>{t('owner')}</p>
        </div>
      </footer>
    </div>
  );
}
