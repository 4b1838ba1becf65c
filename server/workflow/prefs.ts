/** A user's own notification settings, contact details, push subscriptions and portal inbox. */
import { z } from 'zod';
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import { audit } from '../auth/audit.ts';
import { CHANNELS } from '../../lib/domain/workflow/plan.ts';
import { publicHttpsHost } from '../../platform/net/public-endpoint.ts';

const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');
export const prefsSchema = z
  .object({
    channels: z.array(z.enum(CHANNELS)).max(4),
    minSeverity: z.enum(['warning', 'alarm', 'critical']),
    quietStart: hm.nullable(),
    quietEnd: hm.nullable(),
    email: z.union([z.email('邮箱格式不正确'), z.literal('')]).nullable(),
    phone: z.union([z.string().regex(/^\+?[0-9 -]{5,20}$/, '手机号格式不正确'), z.literal('')]).nullable(),
  })
  .refine((v) => (v.quietStart == null) === (v.quietEnd == null), { message: '免打扰开始和结束时间需同时填写', path: ['quietEnd'] });
export type Prefs = z.infer<typeof prefsSchema>;

export async function getPrefs(sql: Sql, p: Principal): Promise<Prefs> {
  const [r] = await sql<Prefs[]>`
    SELECT coalesce(np.channels, ARRAY['portal','webhook','email','push']) AS channels, coalesce(np.min_severity, 'warning') AS "minSeverity",
           to_char(np.quiet_start, 'HH24:MI') AS "quietStart", to_char(np.quiet_end, 'HH24:MI') AS "quietEnd", u.email, u.phone
    FROM users u LEFT JOIN notification_prefs np ON np.user_id = u.id WHERE u.id = ${p.userId}`;
  return r;
}

export async function setPrefs(sql: Sql, p: Principal, v: Prefs, ip: string | null) {
  const channels = [...new Set(['portal', ...v.channels])]; // the inbox cannot be switched off
  await sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    await tx`INSERT INTO notification_prefs (user_id, channels, min_severity, quiet_start, quiet_end, updated_at)
             VALUES (${p.userId}, ${channels}, ${v.minSeverity}, ${v.quietStart}, ${v.quietEnd}, now())
             ON CONFLICT (user_id) DO UPDATE SET channels = excluded.channels, min_severity = excluded.min_severity,
               quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end, updated_at = now()`;
    await tx`UPDATE users SET email = ${v.email || null}, phone = ${v.phone || null} WHERE id = ${p.userId}`;
    await audit(tx, { userId: p.userId, username: p.username, action: 'notify.prefs', target: `user:${p.userId}`, ip, detail: { ...v, channels } });
  });
}

export const pushSubscriptionSchema = z.object({
  // the notify worker POSTs to this URL: only a public https host, never loopback, the LAN or a bare IP
  endpoint: z.url().max(1000).refine(publicHttpsHost, '推送地址必须是公网 https 地址 / Push endpoint must be a public https URL'),
  keys: z.object({ p256dh: z.string().min(10).max(200), auth: z.string().min(8).max(100) }),
});

export async function savePushSubscription(sql: Sql, p: Principal, s: z.infer<typeof pushSubscriptionSchema>, ua: string | null) {
  await sql`INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, user_agent)
            VALUES (${p.userId}, ${s.endpoint}, ${s.keys.p256dh}, ${s.keys.auth}, ${ua?.slice(0, 300) ?? null})
            ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth`;
}
export async function deletePushSubscription(sql: Sql, p: Principal, endpoint: string) {
  await sql`DELETE FROM push_subscriptions WHERE user_id = ${p.userId} AND endpoint = ${endpoint}`;
}

export async function inbox(sql: Sql, p: Principal, limit = 30) {
  const items = await sql<{ id: number; kind: string; severity: string; title: string; body: string; url: string | null; createdAt: Date; readAt: Date | null }[]>`
    SELECT id, kind, severity, title, body, url, created_at AS "createdAt", read_at AS "readAt"
    FROM notifications WHERE user_id = ${p.userId} ORDER BY id DESC LIMIT ${limit}`;
  const [{ unread }] = await sql<{ unread: number }[]>`SELECT count(*)::int AS unread FROM notifications WHERE user_id = ${p.userId} AND read_at IS NULL`;
  return { items, unread };
}
export async function markRead(sql: Sql, p: Principal, ids: number[] | 'all') {
  if (ids === 'all') await sql`UPDATE notifications SET read_at = now() WHERE user_id = ${p.userId} AND read_at IS NULL`;
  else await sql`UPDATE notifications SET read_at = now() WHERE user_id = ${p.userId} AND id = ANY(${ids}::bigint[]) AND read_at IS NULL`;
}
