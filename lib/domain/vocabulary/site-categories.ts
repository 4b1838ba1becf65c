/**
 * The plan's site categories (db/seed/changdu/plan.md): long names for tables and reports, short ones for charts
 * and chips (2–3 Han characters stay legible at 18 px), the supervising department, a fixed icon, and the
 * secondary hue used only while the site's status is normal (docs/UI.md).
 */
import type { SiteCategory } from '../../protocol/v1.ts';
import type { DepartmentId } from './departments.ts';

export interface CategoryInfo {
  id: SiteCategory;
  zh: string;
  en: string;
  zhShort: string;
  enShort: string;
  department: DepartmentId;
  icon: string;
  /** secondary hue, used only when the site's status is normal */
  hue: string;
}

export const CATEGORIES: Record<SiteCategory, CategoryInfo> = {
  relic: { id: 'relic', zh: '文物保护单位', en: 'Cultural relic units', zhShort: '文物', enShort: 'Relics', department: 'culture', icon: '♜', hue: '#c9a227' },
  temple: { id: 'temple', zh: '重点寺庙', en: 'Key temples', zhShort: '寺庙', enShort: 'Temples', department: 'religion', icon: '☸', hue: '#e0803a' },
  school: { id: 'school', zh: '寄宿制学校', en: 'Boarding schools', zhShort: '学校', enShort: 'Schools', department: 'education', icon: '✎', hue: '#4aa3ff' },
  welfare: { id: 'welfare', zh: '社会福利机构', en: 'Social welfare institutions', zhShort: '福利', enShort: 'Welfare', department: 'civil', icon: '♥', hue: '#b38cff' },
  hospital: { id: 'hospital', zh: '医疗机构', en: 'Medical institutions', zhShort: '医疗', enShort: 'Medical', department: 'health', icon: '✚', hue: '#5ad1e6' },
  // The plan leaves malls to their owners, supervised within others' remit: the fire department oversees them here.
  mall: { id: 'mall', zh: '大型综合商业体', en: 'Large commercial complexes', zhShort: '商业', enShort: 'Malls', department: 'fire', icon: '⌂', hue: '#7bd88f' },
  entertainment: { id: 'entertainment', zh: '文化娱乐场所', en: 'Entertainment venues', zhShort: '娱乐', enShort: 'Leisure', department: 'culture', icon: '♪', hue: '#ff8fc7' },
  gas: { id: 'gas', zh: '城镇燃气', en: 'Urban gas', zhShort: '燃气', enShort: 'Gas', department: 'housing', icon: '♦', hue: '#9bb0ff' },
  mine: { id: 'mine', zh: '非煤矿山', en: 'Non-coal mines', zhShort: '矿山', enShort: 'Mines', department: 'safety', icon: '⛏', hue: '#a8a29e' },
  hazchem: { id: 'hazchem', zh: '危险化学品', en: 'Hazardous chemicals', zhShort: '危化', enShort: 'Hazchem', department: 'safety', icon: '☣', hue: '#f97316' },
};

export const isCategory = (c: string): c is SiteCategory => Object.hasOwn(CATEGORIES, c);

/** the category's name in the language; an unknown string is shown as it is */
export function categoryLabel(c: string, lang: 'zh' | 'en' = 'zh', form: 'long' | 'short' = 'long'): string {
  if (!isCategory(c)) return c;
  const i = CATEGORIES[c];
  return form === 'short' ? (lang === 'en' ? i.enShort : i.zhShort) : lang === 'en' ? i.en : i.zh;
}
