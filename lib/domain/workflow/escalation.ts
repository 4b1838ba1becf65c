/**
 * Who is responsible at each escalation level (pure). Level 0: the site's managers and technicians; 1: the
 * county office of the site's county; 2: the regulators of the site's sector; 3: the fire department.
 */
import { DEPARTMENT_INFO, DEPARTMENTS, type DepartmentId, type Role } from '../vocabulary/index.ts';

export const MAX_LEVEL = 3;
export const LEVEL_INFO = [
  { zh: '场所责任人', en: 'Site staff' },
  { zh: '县（区）安委办', en: 'County office' },
  { zh: '行业主管部门', en: 'Sector regulator' },
  { zh: '消防救援支队', en: 'Fire department' },
] as const;

export type Audience =
  | { kind: 'site_staff'; siteId: string }
  | { kind: 'county'; adcode: number }
  | { kind: 'departments'; role: Role; departmentIds: DepartmentId[] }
  | { kind: 'role'; role: Role };

export function sectorDepartments(category: string): DepartmentId[] {
  return DEPARTMENTS.filter((d) => {
    const c = DEPARTMENT_INFO[d].categories;
    return c !== 'all' && (c as string[]).includes(category);
  });
}

export function audienceForLevel(level: number, site: { id: string; category: string; countyAdcode: number }): Audience {
  switch (level) {
    case 0:
      return { kind: 'site_staff', siteId: site.id };
    case 1:
      return { kind: 'county', adcode: site.countyAdcode };
    case 2:
      return { kind: 'departments', role: 'regulator', departmentIds: sectorDepartments(site.category) };
    default:
      return { kind: 'role', role: 'fire' };
  }
}

/** Early warnings stop at the sector regulator; alarms and critical alarms reach the fire department. */
export const MAX_LEVEL_BY_SEVERITY: Record<string, number> = { warning: 2, alarm: 3, critical: 3 };

/** The level an unacknowledged alarm should have reached `elapsedMs` after it opened. */
export function dueLevel(elapsedMs: number, afterMs: number): number {
  if (afterMs <= 0) return 0;
  return Math.min(MAX_LEVEL, Math.floor(elapsedMs / afterMs));
}
