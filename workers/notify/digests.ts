/**
 * 抄告 digests: for each supervising user (regulator, county office, committee, fire) a summary of the period in
 * their scope — new, open, overdue and closed hazards, alarms and the false-alarm rate — stored in `digests` and
 * announced through the outbox in the same transaction.
 */
import type { Sql } from '../../platform/db.ts';
import { loadPrincipalForUser } from '../../platform/principal.ts';
import { siteScopeSql, type Scope } from '../../platform/scope.ts';
import type { DigestContent } from '../../lib/domain/workflow/digest.ts';
import { OPEN_STATES } from '../../lib/domain/workflow/hazard-machine.ts';

export const DIGEST_ROLES = ['regulator', 'county', 'committee', 'fire'] as const;

export async function computeDigest(sql: Sql, scope: Scope, start: Date, end: Date): Promise<DigestContent> {
  const where = siteScopeSql(sql, scope);
  const [h] = await sql<{ new: number; open: number; overdue: number; closed: number }[]>`
    SELECT count(*) FILTER (WHERE h.created_at >= ${start} AND h.created_at < ${end})::int AS new,
           count(*) FILTER (WHERE h.state = ANY(${OPEN_STATES as string[]}::text[]) AND h.created_at < ${end})::int AS open,
           count(*) FILTER (WHERE h.state = ANY(${OPEN_STATES as string[]}::text[]) AND h.deadline < ${end})::int AS overdue,
           count(*) FILTER (WHERE h.closed_at >= ${start} AND h.closed_at < ${end})::int AS closed
    FROM hazards h JOIN sites s ON s.id = h.site_id WHERE ${where}`;
  const [a] = await sql<{ n: number; f: number }[]>`
    SELECT count(*)::int AS n, count(*) FILTER (WHERE a.false_alarm)::int AS f
    FROM alarms a JOIN sites s ON s.id = a.site_id
    WHERE a.opened_at >= ${start} AND a.opened_at < ${end} AND ${where}`;
  const top = await sql<{ id: string; name: string; alarms: number; openHazards: number }[]>`
    SELECT s.id, s.name_zh AS name, count(a.id)::int AS alarms,
           (SELECT count(*)::int FROM hazards h WHERE h.site_id = s.id AND h.state = ANY(${OPEN_STATES as string[]}::text[])) AS "openHazards"
    FROM alarms a JOIN sites s ON s.id = a.site_id
    WHERE a.opened_at >= ${start} AND a.opened_at < ${end} AND ${where}
    GROUP BY s.id ORDER BY alarms DESC, s.id LIMIT 10`;
  return {
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
    newHazards: h.new,
    open: h.open,
    overdue: h.overdue,
    closed: h.closed,
    alarms: a.n,
    falseAlarms: a.f,
    falseRate: a.n ? a.f / a.n : 0,
    topSites: top,
  };
}

/** Generates the period's digest for every supervising user who has none yet; returns how many were made. */
export async function generateDigests(sql: Sql, start: Date, end: Date): Promise<number> {
  const users = await sql<{ id: number }[]>`
    SELECT u.id FROM users u WHERE NOT u.disabled AND u.role = ANY(${DIGEST_ROLES as unknown as string[]}::text[])
      AND NOT EXISTS (SELECT 1 FROM digests d WHERE d.user_id = u.id AND d.period_start = ${start} AND d.period_end = ${end})
    ORDER BY u.id`;
  let n = 0;
  for (const { id } of users) {
    const p = await loadPrincipalForUser(sql, id);
    if (!p) continue;
    const content = await computeDigest(sql, p.scope, start, end);
    const made = await sql.begin(async (tx) => {
      const [d] = await tx<{ id: number }[]>`
        INSERT INTO digests (user_id, period_start, period_end, content) VALUES (${id}, ${start}, ${end}, ${tx.json(content as never)})
        ON CONFLICT DO NOTHING RETURNING id`;
      if (!d) return false;
      const payload = { id: d.id, ...content };
      await tx`INSERT INTO notify_events (kind, change, severity, target_user_id, dedupe_key, payload)
               VALUES ('digest', 'daily', 'warning', ${id}, ${'digest:' + d.id}, ${tx.json(payload as never)})`;
      return true;
    });
    if (made) n++;
  }
  if (n) await sql`SELECT pg_notify('esms_notify', 'digest')`;
  return n;
}
