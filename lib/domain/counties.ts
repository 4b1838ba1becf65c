/**
 * Changdu's 11 county-level divisions, the one source for their registry codes and names (browser-safe: the
 * divisions do not change, so labels need no query).
 */
export interface CountyInfo {
  /** short registry code used in site and device ids */
  code: string;
  zh: string;
  en: string;
  /** with its level, as public pages and documents write it */
  enFull: string;
}

export const COUNTIES: Record<number, CountyInfo> = {
  540302: { code: 'KR', zh: '卡若区', en: 'Karub', enFull: 'Karub District' },
  540321: { code: 'JD', zh: '江达县', en: 'Jomda', enFull: 'Jomda County' },
  540322: { code: 'GJ', zh: '贡觉县', en: 'Gonjo', enFull: 'Gonjo County' },
  540323: { code: 'LWQ', zh: '类乌齐县', en: 'Riwoqê', enFull: 'Riwoqê County' },
  540324: { code: 'DQ', zh: '丁青县', en: 'Dêngqên', enFull: 'Dêngqên County' },
  540325: { code: 'CY', zh: '察雅县', en: 'Chagyab', enFull: 'Chagyab County' },
  540326: { code: 'BS', zh: '八宿县', en: 'Baxoi', enFull: 'Baxoi County' },
  540327: { code: 'ZG', zh: '左贡县', en: 'Zogang', enFull: 'Zogang County' },
  540328: { code: 'MK', zh: '芒康县', en: 'Markam', enFull: 'Markam County' },
  540329: { code: 'LL', zh: '洛隆县', en: 'Lhorong', enFull: 'Lhorong County' },
  540330: { code: 'BB', zh: '边坝县', en: 'Banbar', enFull: 'Banbar County' },
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
