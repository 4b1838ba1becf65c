'use client';
/** Header navigation and language switch: knows the current path, remembers a language choice in a cookie. */
import { usePathname } from 'next/navigation';
import { AUTONYM, HTML_LANG, LOCALES, LOCALE_COOKIE, PUBLIC_SECTIONS, switchLocalePath, type Locale } from '@/server/public/locales.ts';
import s from './public.module.css';

export interface ChromeLabels {
  language: string;
  menu: string;
  nav: Record<'home' | 'knowledge' | 'cases' | 'figures' | 'map' | 'report', string>;
}

function remember(l: Locale) {
  document.cookie = `${LOCALE_COOKIE}=${l}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

export function LangSwitch({ locale, label }: { locale: Locale; label: string }) {
  const path = usePathname() ?? `/public/${locale}`;
  return (
    <nav aria-label={label}>
      <ul className={s.langs}>
        {LOCALES.map((l) => (
          <li key={l}>
            <a href={switchLocalePath(path, l)} lang={HTML_LANG[l]} hrefLang={HTML_LANG[l]} aria-current={l === locale ? 'true' : undefined} onClick={() => remember(l)}>
              {AUTONYM[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function SectionNav({ locale, labels }: { locale: Locale; labels: ChromeLabels }) {
  const path = (usePathname() ?? '').replace(/\/$/, '');
  return (
    <nav className={s.nav} aria-label={labels.menu}>
      <ul>
        {PUBLIC_SECTIONS.map((sec) => {
          const href = `/public/${locale}${sec ? `/${sec}` : ''}`;
          const key = (sec || 'home') as keyof ChromeLabels['nav'];
          return (
            <li key={key}>
              <a href={href} aria-current={path === href ? 'page' : undefined} className={sec === 'report' ? s.navReport : undefined}>
                {labels.nav[key]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
