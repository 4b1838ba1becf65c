/** Users of an escalation audience, with their channel preferences (SQL side of pure/escalation.ts). */
import type { Sql } from '../../platform/db.ts';
import type { Audience } from '../../lib/domain/workflow/escalation.ts';
import type { Recipient } from '../../lib/domain/workflow/plan.ts';

export interface RecipientRow extends Recipient {
  username: string;
  displayName: string;
  phone: string | null;
}

function audienceSql(sql: Sql, a: Audience) {
  switch (a.kind) {
    case 'site_staff':
      return sql`((u.role = 'site_manager' AND EXISTS (SELECT 1 FROM user_sites us WHERE us.user_id = u.id AND us.site_id = ${a.siteId}))
               OR (u.role = 'technician' AND EXISTS (SELECT 1 FROM user_devices ud JOIN devices d ON d.id = ud.device_id
                                                    WHERE ud.user_id = u.id AND d.site_id = ${a.siteId})))`;
    case 'county':
      return sql`(u.role = 'county' AND u.county_adcode = ${a.adcode})`;
    case 'departments':
      return sql`(u.role = ${a.role} AND u.department_id = ANY(${a.departmentIds as string[]}::text[]))`;
    case 'role':
      return sql`(u.role = ${a.role})`;
  }
}

const SELECT_RECIPIENT = (sql: Sql) => sql`
  SELECT u.id AS "userId", u.username, u.display_name AS "displayName", u.email, u.phone,
         coalesce(p.channels, ARRAY['portal','webhook','email','push']) AS channels,
         coalesce(p.min_severity, 'warning') AS "minSeverity",
         to_char(p.quiet_start, 'HH24:MI') AS "quietStart", to_char(p.quiet_end, 'HH24:MI') AS "quietEnd",
         EXISTS (SELECT 1 FROM push_subscriptions ps WHERE ps.user_id = u.id) AS "hasPush"
  FROM users u LEFT JOIN notification_prefs p ON p.user_id = u.id`;

export async function recipientsFor(sql: Sql, audiences: Audience[]): Promise<RecipientRow[]> {
  const out = new Map<number, RecipientRow>();
  for (const a of audiences) {
    const rows = await sql<RecipientRow[]>`${SELECT_RECIPIENT(sql)} WHERE NOT u.disabled AND ${audienceSql(sql, a)} ORDER BY u.id`;
    for (const r of rows) out.set(r.userId, r);
  }
  return [...out.values()];
}

export async function recipientsByIds(sql: Sql, ids: number[]): Promise<RecipientRow[]> {
  if (!ids.length) return [];
  return sql<RecipientRow[]>`${SELECT_RECIPIENT(sql)} WHERE NOT u.disabled AND u.id = ANY(${ids}::int[]) ORDER BY u.id`;
}
