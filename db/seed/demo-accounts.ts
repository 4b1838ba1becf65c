/**
 * Demo accounts, one per role of the plan's responsibility table. Listed in the README; used by e2e tests.
 * All share DEMO_PASSWORD. Site managers and technicians get their sites/devices assigned by the seed.
 */
import type { DepartmentId, Role } from '../../lib/domain/vocabulary/index.ts';

export const DEMO_PASSWORD = 'Changdu@2018';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: DepartmentId;
  countyAdcode?: number;
  /** site_manager: the real site(s) managed, by Chinese name in changdu-sites.csv */
  siteNames?: string[];
  /** technician: maintains every device of these counties' temple and relic sites in Karuo (see seed) */
  techCounty?: number;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'leader', displayName: '市领导（演示）', role: 'leader' },
  { username: 'anweiban', displayName: '市安委办（演示）', role: 'committee', departmentId: 'committee' },
  { username: 'fire', displayName: '市消防救援支队（演示）', role: 'fire', departmentId: 'fire' },
  { username: 'edu', displayName: '市教育局（演示）', role: 'regulator', departmentId: 'education' },
  { username: 'minzong', displayName: '市民族宗教事务局（演示）', role: 'regulator', departmentId: 'religion' },
  { username: 'wenwu', displayName: '市文化局（演示）', role: 'regulator', departmentId: 'culture' },
  { username: 'minzheng', displayName: '市民政局（演示）', role: 'regulator', departmentId: 'civil' },
  { username: 'weijian', displayName: '市卫健委（演示）', role: 'regulator', departmentId: 'health' },
  { username: 'zhujian', displayName: '市住建局（演示）', role: 'regulator', departmentId: 'housing' },
  { username: 'anjian', displayName: '市应急管理局（演示）', role: 'regulator', departmentId: 'safety' },
  { username: 'karuo', displayName: '卡若区安委办（演示）', role: 'county', countyAdcode: 540302 },
  { username: 'jiangda', displayName: '江达县安委办（演示）', role: 'county', countyAdcode: 540321 },
  { username: 'qbl', displayName: '强巴林寺安全管理员（演示）', role: 'site_manager', siteNames: ['强巴林寺'] },
  { username: 'tech', displayName: '技术服务人员（演示）', role: 'technician', techCounty: 540302 },
  { username: 'admin', displayName: '系统管理员（演示）', role: 'admin' },
];
