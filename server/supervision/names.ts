/** County names (Chinese) by adcode, browser-safe, for labels that need no query. */
export const COUNTY_NAMES_ZH: Record<number, string> = {
  540302: '卡若区',
  540321: '江达县',
  540322: '贡觉县',
  540323: '类乌齐县',
  540324: '丁青县',
  540325: '察雅县',
  540326: '八宿县',
  540327: '左贡县',
  540328: '芒康县',
  540329: '洛隆县',
  540330: '边坝县',
};
