/**
 * Changdu's 11 county-level divisions, the one source for their registry codes and names (browser-safe: the
 * divisions do not change, so labels need no query).
 */
export interface CountyInfo {
  /** short registry code used in site and device ids */
  code: string;
  zh: string;
  en: string;
}

export const COUNTIES: Record<number, CountyInfo> = {
  540302: { code: 'KR', zh: '卡若区', en: 'Karub' },
  540321: { code: 'JD', zh: '江达县', en: 'Jomda' },
  540322: { code: 'GJ', zh: '贡觉县', en: 'Gonjo' },
  540323: { code: 'LWQ', zh: '类乌齐县', en: 'Riwoqê' },
  540324: { code: 'DQ', zh: '丁青县', en: 'Dêngqên' },
  540325: { code: 'CY', zh: '察雅县', en: 'Chagyab' },
  540326: { code: 'BS', zh: '八宿县', en: 'Baxoi' },
  540327: { code: 'ZG', zh: '左贡县', en: 'Zogang' },
  540328: { code: 'MK', zh: '芒康县', en: 'Markam' },
  540329: { code: 'LL', zh: '洛隆县', en: 'Lhorong' },
  540330: { code: 'BB', zh: '边坝县', en: 'Banbar' },
};

/** adcode → registry code */
export const COUNTY_CODES: Record<number, string> = Object.fromEntries(Object.entries(COUNTIES).map(([k, v]) => [k, v.code]));
/** adcode → Chinese name */
export const COUNTY_NAMES_ZH: Record<number, string> = Object.fromEntries(Object.entries(COUNTIES).map(([k, v]) => [k, v.zh]));
export const KARUO = 540302;

/** The county's name in the language, or the adcode itself when unknown. */
export function countyName(adcode: number, lang = 'zh'): string {
  const n = COUNTIES[adcode];
  return n ? (lang === 'en' ? n.en : n.zh) : String(adcode);
}
