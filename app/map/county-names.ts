/** County names for tooltips, without a round trip (the 11 divisions do not change). */
import type { Lang } from '../../lib/i18n/portal.ts';

const NAMES: Record<number, [string, string]> = {
  540302: ['卡若区', 'Karub'],
  540321: ['江达县', 'Jomda'],
  540322: ['贡觉县', 'Gonjo'],
  540323: ['类乌齐县', 'Riwoqê'],
  540324: ['丁青县', 'Dêngqên'],
  540325: ['察雅县', 'Chagyab'],
  540326: ['八宿县', 'Baxoi'],
  540327: ['左贡县', 'Zogang'],
  540328: ['芒康县', 'Markam'],
  540329: ['洛隆县', 'Lhorong'],
  540330: ['边坝县', 'Banbar'],
};

export function countyName(adcode: number, lang: Lang): string {
  const n = NAMES[adcode];
  return n ? n[lang === 'en' ? 1 : 0] : String(adcode);
}
