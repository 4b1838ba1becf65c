/**
 * The plan's vocabulary (db/seed/changdu/plan.md): site categories, supervising departments,
 * roles and statuses. Universal: used by server, workers and browser. Chinese first.
 */
import type { SiteCategory } from '../protocol/v1.ts';

export interface CategoryInfo {
  id: SiteCategory;
  zh: string;
  en: string;
  department: DepartmentId;
  /** secondary hue, used only when the site's status is normal */
  hue: string;
}

export const DEPARTMENTS = [
  'committee',
  'fire',
  'culture',
  'religion',
  'education',
  'civil',
  'health',
  'housing',
  'safety',
] as const;
export type DepartmentId = (typeof DEPARTMENTS)[number];

export const DEPARTMENT_INFO: Record<DepartmentId, { zh: string; en: string; categories: SiteCategory[] | 'all' }> = {
  committee: { zh: '市安全生产委员会办公室', en: 'Municipal Work Safety Committee Office', categories: 'all' },
  fire: { zh: '市消防救援支队', en: 'Municipal Fire and Rescue Detachment', categories: 'all' },
  culture: { zh: '市文化局（文物局）', en: 'Culture and Cultural Relics Bureau', categories: ['relic', 'entertainment'] },
  religion: { zh: '市民族宗教事务局', en: 'Ethnic and Religious Affairs Bureau', categories: ['temple'] },
  education: { zh: '市教育局', en: 'Education Bureau', categories: ['school'] },
  civil: { zh: '市民政局', en: 'Civil Affairs Bureau', categories: ['welfare'] },
  health: { zh: '市卫生健康委员会', en: 'Health Commission', categories: ['hospital'] },
  housing: { zh: '市住房和城乡建设局', en: 'Housing and Urban-Rural Development Bureau', categories: ['gas'] },
  safety: { zh: '市应急管理局（安监）', en: 'Emergency Management (Work Safety) Bureau', categories: ['mine', 'hazchem'] },
};

export const CATEGORIES: Record<SiteCategory, CategoryInfo> = {
  relic: { id: 'relic', zh: '文物保护单位', en: 'Cultural relic units', department: 'culture', hue: '#c9a227' },
  temple: { id: 'temple', zh: '重点寺庙', en: 'Key temples', department: 'religion', hue: '#e0803a' },
  school: { id: 'school', zh: '寄宿制学校', en: 'Boarding schools', department: 'education', hue: '#4aa3ff' },
  welfare: { id: 'welfare', zh: '社会福利机构', en: 'Social welfare institutions', department: 'civil', hue: '#b38cff' },
  hospital: { id: 'hospital', zh: '医疗机构', en: 'Medical institutions', department: 'health', hue: '#5ad1e6' },
  // The plan leaves malls to their owners, supervised within others' remit: the fire department oversees them here.
  mall: { id: 'mall', zh: '大型综合商业体', en: 'Large commercial complexes', department: 'fire', hue: '#7bd88f' },
  entertainment: { id: 'entertainment', zh: '文化娱乐场所', en: 'Entertainment venues', department: 'culture', hue: '#ff8fc7' },
  gas: { id: 'gas', zh: '城镇燃气', en: 'Urban gas', department: 'housing', hue: '#9bb0ff' },
  mine: { id: 'mine', zh: '非煤矿山', en: 'Non-coal mines', department: 'safety', hue: '#a8a29e' },
  hazchem: { id: 'hazchem', zh: '危险化学品', en: 'Hazardous chemicals', department: 'safety', hue: '#f97316' },
};

export const ROLES = [
  'leader',
  'committee',
  'fire',
  'regulator',
  'county',
  'site_manager',
  'technician',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_INFO: Record<Role, { zh: string; en: string }> = {
  leader: { zh: '市领导', en: 'City leader' },
  committee: { zh: '市安委办', en: 'Safety committee office' },
  fire: { zh: '消防部门', en: 'Fire department' },
  regulator: { zh: '行业主管部门', en: 'Department regulator' },
  county: { zh: '县（区）安委办', en: 'County office' },
  site_manager: { zh: '单位安全管理人', en: 'Site manager' },
  technician: { zh: '技术服务人员', en: 'Service technician' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};

export const SITE_STATUSES = ['normal', 'warning', 'alarm', 'critical', 'fault', 'offline'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];
export const STATUS_INFO: Record<SiteStatus, { zh: string; en: string; color: string }> = {
  normal: { zh: '正常', en: 'Normal', color: '#2bd9a0' },
  warning: { zh: '预警', en: 'Warning', color: '#ffb020' },
  alarm: { zh: '报警', en: 'Alarm', color: '#ff4d4f' },
  critical: { zh: '危急', en: 'Critical', color: '#ff1f6b' },
  fault: { zh: '故障', en: 'Fault', color: '#f5e14b' },
  offline: { zh: '离线', en: 'Offline', color: '#6b7785' },
};

export const ROLLOUT_STATES = ['planned', 'surveyed', 'installed', 'commissioned', 'in_service'] as const;
export type RolloutState = (typeof ROLLOUT_STATES)[number];
export const ROLLOUT_INFO: Record<RolloutState, { zh: string; en: string }> = {
  planned: { zh: '计划', en: 'Planned' },
  surveyed: { zh: '已勘察', en: 'Surveyed' },
  installed: { zh: '已安装', en: 'Installed' },
  commissioned: { zh: '已调试', en: 'Commissioned' },
  in_service: { zh: '在用', en: 'In service' },
};

export const STRUCTURES = ['wood', 'stone_wood', 'brick', 'concrete'] as const;
export type Structure = (typeof STRUCTURES)[number];
