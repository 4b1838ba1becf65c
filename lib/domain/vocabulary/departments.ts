/**
 * Supervising departments (db/seed/changdu/plan.md). Which categories a department oversees is not written here
 * twice: it follows from each category's department, except for the city-wide offices that see every category.
 */
import { SITE_CATEGORIES, type SiteCategory } from '../../protocol/v1.ts';
import { CATEGORIES } from './site-categories.ts';

export const DEPARTMENTS = ['committee', 'fire', 'culture', 'religion', 'education', 'civil', 'health', 'housing', 'safety'] as const;
export type DepartmentId = (typeof DEPARTMENTS)[number];

export interface DepartmentInfo {
  zh: string;
  en: string;
  /** the categories it supervises; 'all' for the city-wide offices */
  categories: SiteCategory[] | 'all';
}

const NAMES: Record<DepartmentId, { zh: string; en: string; cityWide?: true }> = {
  committee: { zh: '市安全生产委员会办公室', en: 'Municipal Work Safety Committee Office', cityWide: true },
  fire: { zh: '市消防救援支队', en: 'Municipal Fire and Rescue Detachment', cityWide: true },
  culture: { zh: '市文化局（文物局）', en: 'Culture and Cultural Relics Bureau' },
  religion: { zh: '市民族宗教事务局', en: 'Ethnic and Religious Affairs Bureau' },
  education: { zh: '市教育局', en: 'Education Bureau' },
  civil: { zh: '市民政局', en: 'Civil Affairs Bureau' },
  health: { zh: '市卫生健康委员会', en: 'Health Commission' },
  housing: { zh: '市住房和城乡建设局', en: 'Housing and Urban-Rural Development Bureau' },
  safety: { zh: '市应急管理局（安监）', en: 'Emergency Management (Work Safety) Bureau' },
};

export const DEPARTMENT_INFO: Record<DepartmentId, DepartmentInfo> = Object.fromEntries(
  DEPARTMENTS.map((d) => {
    const { zh, en, cityWide } = NAMES[d];
    return [d, { zh, en, categories: cityWide ? 'all' : SITE_CATEGORIES.filter((c) => CATEGORIES[c].department === d) }];
  }),
) as Record<DepartmentId, DepartmentInfo>;

export const isDepartment = (d: string): d is DepartmentId => Object.hasOwn(DEPARTMENT_INFO, d);

/** the department's name in the language; an unknown id is shown as it is */
export const departmentLabel = (d: string, lang: 'zh' | 'en' = 'zh'): string => (isDepartment(d) ? DEPARTMENT_INFO[d][lang] : d);
