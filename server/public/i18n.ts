/** Message loading and translators for the public pages (next-intl's core translator, no plugin needed). */
import { createTranslator } from 'next-intl';
import zh from '../../messages/public/zh.json' with { type: 'json' };
import bo from '../../messages/public/bo.json' with { type: 'json' };
import en from '../../messages/public/en.json' with { type: 'json' };
import { HTML_LANG, type Locale } from './locales.ts';
import { categoryLabel } from '../../lib/domain/vocabulary/index.ts';
import { COUNTIES } from '../../lib/domain/counties.ts';

export type PublicMessages = typeof zh;
export const MESSAGES: Record<Locale, PublicMessages> = { zh, bo: bo as unknown as PublicMessages, en: en as PublicMessages };

/**
 * A site category on the public pages: the vocabulary's word in Chinese and English; in Tibetan the public
 * catalogue's rendering of it (bo.json "categories", reviewed with the other Tibetan strings).
 */
export function publicCategory(locale: Locale, c: string): string {
  if (locale === 'bo') return (bo.categories as Record<string, string>)[c] ?? categoryLabel(c);
  return categoryLabel(c, locale);
}

/** A county on the public pages: its name from lib/domain/counties.ts in Chinese and English, in Tibetan the public
 * catalogue's rendering (bo.json "counties", reviewed with the other Tibetan strings). */
export function publicCounty(locale: Locale, adcode: number | string): string {
  const c = COUNTIES[Number(adcode)];
  if (!c) return String(adcode);
  if (locale === 'bo') return (bo.counties as Record<string, string>)[String(adcode)] ?? c.zh;
  return locale === 'en' ? c.enFull : c.zh;
}

export function translator<N extends keyof PublicMessages>(locale: Locale, namespace: N) {
  return createTranslator({ locale: HTML_LANG[locale], messages: MESSAGES[locale], namespace });
}

/** Beijing-time formatting shared by the pages: 2026-11-28 14:05 */
export function beijingTime(d: Date): string {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const g = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return `${g('year')}-${g('month')}-${g('day')} ${g('hour')}:${g('minute')}`;
}
export const beijingDate = (d: Date) => beijingTime(d).slice(0, 10);
