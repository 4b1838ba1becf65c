/** Changdu's 11 county-level divisions: adcode → short registry code used in site and device ids. */
export const COUNTY_CODES: Record<number, string> = {
  540302: 'KR', // 卡若区 Karub
  540321: 'JD', // 江达县 Jomda
  540322: 'GJ', // 贡觉县 Gonjo
  540323: 'LWQ', // 类乌齐县 Riwoqê
  540324: 'DQ', // 丁青县 Dêngqên
  540325: 'CY', // 察雅县 Chagyab
  540326: 'BS', // 八宿县 Baxoi
  540327: 'ZG', // 左贡县 Zogang
  540328: 'MK', // 芒康县 Markam
  540329: 'LL', // 洛隆县 Lhorong
  540330: 'BB', // 边坝县 Banbar
};
export const KARUO = 540302;
