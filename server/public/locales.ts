/** Locales of the public pages. Universal (server and browser). */
export const LOCALES = ['zh', 'bo', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh';
/** remembers the visitor's choice (set by the language switch, read by /public) */
export const LOCALE_COOKIE = 'esms_public_locale';
export const HTML_LANG: Record<Locale, string> = { zh: 'zh-CN', bo: 'bo', en: 'en' };
/** each language named in itself */
export const AUTONYM: Record<Locale, string> = { zh: '中文', bo: 'བོད་ཡིག', en: 'English' };
export const PUBLIC_SECTIONS = ['', 'knowledge', 'cases', 'figures', 'map', 'report'] as const;

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

/** The remembered choice first, then the browser's Accept-Language, then Chinese. */
export function pickLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  const prefs = (acceptLanguage ?? '')
    .split(',')
    .map((p) => {
      const [tag, q] = p.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((p) => p.tag && Number.isFinite(p.q))
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    const base = p.tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/** Same page in another language: /public/zh/cases → /public/en/cases. */
export function switchLocalePath(pathname: string, to: Locale): string {
  const m = /^\/public\/(zh|bo|en)(\/.*)?$/.exec(pathname);
  return `/public/${to}${m?.[2] ?? ''}`;
}
