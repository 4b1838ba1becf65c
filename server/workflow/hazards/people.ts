/** Who can be made responsible for a site's hazard: its site managers and the technicians serving it. */
import type { Sql } from '../../../platform/db.ts';
import { invalid } from '../access.ts';

export interface Assignable {
  id: number;
  displayName: string;
  role: string;
}

export async function assignableUsers(sql: Sql, siteId: string): Promise<Assignable[]> {
  return sql<Assignable[]>`
    SELECT u.id, u.display_name AS "displayName", u.role FROM users u
    WHERE NOT u.disabled AND (
      (u.role = 'site_manager' AND EXISTS (SELECT 1 FROM user_sites us WHERE us.user_id = u.id AND us.site_id = ${siteId}))
      OR (u.role = 'technician' AND EXISTS (SELECT 1 FROM user_devices ud JOIN devices d ON d.id = ud.device_id WHERE ud.user_id = u.id AND d.site_id = ${siteId})))
    ORDER BY u.role DESC, u.id`;
}

export async function assertAssignable(sql: Sql, siteId: string, userId: number) {
  const ok = (await assignableUsers(sql, siteId)).some((u) => u.id === userId);
  if (!ok) throw invalid('责任人必须是该场所的安全管理人或技术服务人员', 'assigneeId');
}
