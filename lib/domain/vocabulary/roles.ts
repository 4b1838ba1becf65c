/** The platform's roles (db/seed/changdu/plan.md), Chinese first. */
export const ROLES = ['leader', 'committee', 'fire', 'regulator', 'county', 'site_manager', 'technician', 'admin'] as const;
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
