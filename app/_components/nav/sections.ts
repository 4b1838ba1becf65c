/**
 * The portal's sections, one list for every shell (map header, working screens, government screens), each shown
 * only to roles that may use it (server/auth/permissions.ts; pages and APIs enforce it again).
 */
import type { Role } from '../../../lib/domain/vocabulary/index.ts';
import { can, type Action } from '../../../lib/domain/permissions.ts';

export interface Section {
  href: string;
  zh: string;
  en: string;
  action: Action;
}

export const SECTIONS: Section[] = [
  { href: '/map', zh: '监测地图', en: 'Map', action: 'map.view' },
  { href: '/bigscreen', zh: '指挥大屏', en: 'Command', action: 'map.view' },
  { href: '/alarms', zh: '报警中心', en: 'Alarms', action: 'alarm.view' },
  { href: '/hazards', zh: '隐患整改', en: 'Hazards', action: 'hazard.view' },
  { href: '/records', zh: '日常记录', en: 'Records', action: 'alarm.view' },
  { href: '/rollout', zh: '推广进度', en: 'Rollout', action: 'report.view' },
  { href: '/supervision', zh: '监管看板', en: 'Supervision', action: 'report.view' },
  { href: '/reports', zh: '统计报表', en: 'Reports', action: 'report.view' },
];

export const ADMIN_SECTIONS: Section[] = [
  { href: '/admin/quarantine', zh: '隔离消息', en: 'Quarantine', action: 'quarantine.view' },
  { href: '/admin/simulator', zh: '故障注入', en: 'Simulator', action: 'simulator.inject' },
  { href: '/admin/public-reports', zh: '公众举报', en: 'Public reports', action: 'public.review' },
  { href: '/settings/notifications/status', zh: '通道状态', en: 'Channels', action: 'notify.admin' },
];

export function sectionsFor(role: Role): { main: Section[]; admin: Section[] } {
  return { main: SECTIONS.filter((s) => can(role, s.action)), admin: ADMIN_SECTIONS.filter((s) => can(role, s.action)) };
}
