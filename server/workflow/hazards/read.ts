/** Reading hazards: the list (keyset on created_at, id), one order with its history and files, a file's bytes. */
import { z } from 'zod';
import type { Sql } from '../../../platform/db.ts';
import { can } from '../../../lib/domain/permissions.ts';
import { siteScopeSql, type Principal } from '../../../platform/scope.ts';
import { notFound } from '../access.ts';
import { visibleSite } from '../../queries/visible-site.ts';
import { availableCommands, HAZARD_STATES, OPEN_STATES, type HazardCommand, type HazardState } from '../../../lib/domain/workflow/hazard-machine.ts';
import { assignableUsers, type Assignable } from './people.ts';
import { likeContains } from '../../../lib/text/like.ts';
import { keysetCursor } from '../../../lib/domain/params.ts';

const empty = (v: unknown) => (v === '' || v == null ? undefined : v);
export const hazardFilterSchema = z.object({
  state: z.preprocess(empty, z.enum([...HAZARD_STATES, 'open', 'overdue']).optional()),
  site: z.preprocess(empty, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional()),
  mine: z.preprocess(empty, z.enum(['1']).optional()),
  q: z.preprocess(empty, z.string().trim().max(40).optional()),
  cursor: z.preprocess(empty, keysetCursor.optional()),
});
export type HazardFilter = z.infer<typeof hazardFilterSchema>;

export interface HazardRow {
  id: number;
  siteId: string;
  siteName: string;
  alarmId: number | null;
  source: string;
  title: string;
  severity: 'warning' | 'alarm' | 'critical';
  state: HazardState;
  assigneeName: string | null;
  deadline: Date | null;
  createdAt: Date;
  us: string;
}

export async function listHazards(sql: Sql, p: Principal, f: HazardFilter, limit = 50) {
  const parts = [siteScopeSql(sql, p.scope)];
  if (f.state === 'open') parts.push(sql`h.state = ANY(${OPEN_STATES as string[]}::text[])`);
  else if (f.state === 'overdue') parts.push(sql`h.state = ANY(${OPEN_STATES as string[]}::text[]) AND h.deadline < now()`);
  else if (f.state) parts.push(sql`h.state = ${f.state}`);
  if (f.site) parts.push(sql`h.site_id = ${f.site}`);
  if (f.mine) parts.push(sql`h.assignee_id = ${p.userId}`);
  if (f.q) parts.push(sql`(s.name_zh ILIKE ${likeContains(f.q)} OR h.title ILIKE ${likeContains(f.q)})`);
  if (f.cursor) {
    const [us, id] = f.cursor.split('_');
    parts.push(sql`(h.created_at, h.id) < (timestamptz 'epoch' + ${us}::bigint * interval '1 microsecond', ${Number(id)})`);
  }
  const where = parts.reduce((a, x) => sql`${a} AND ${x}`);
  const rows = await sql<HazardRow[]>`
    SELECT h.id, h.site_id AS "siteId", s.name_zh AS "siteName", h.alarm_id AS "alarmId", h.source, h.title, h.severity, h.state,
           u.display_name AS "assigneeName", h.deadline, h.created_at AS "createdAt",
           (extract(epoch FROM h.created_at) * 1000000)::bigint::text AS us
    FROM hazards h JOIN sites s ON s.id = h.site_id LEFT JOIN users u ON u.id = h.assignee_id
    WHERE ${where} ORDER BY h.created_at DESC, h.id DESC LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? `${last.us}_${last.id}` : null };
}

export interface HazardDetail {
  hazard: HazardRow & {
    description: string;
    location: string;
    rectification: string;
    returnReason: string | null;
    assigneeId: number | null;
    rectifiedBy: number | null;
    rectifiedByName: string | null;
    verifiedByName: string | null;
    createdByName: string | null;
    submittedAt: Date | null;
    verifiedAt: Date | null;
    closedAt: Date | null;
  };
  events: { id: number; at: Date; username: string | null; ip: string | null; action: string; fromState: string | null; toState: string | null; detail: Record<string, unknown> }[];
  attachments: { id: number; stage: string; filename: string; mime: string; size: number; createdAt: Date; eventId: number | null }[];
  commands: HazardCommand[];
  assignable: Assignable[];
}

export async function getHazard(sql: Sql, p: Principal, id: number): Promise<HazardDetail> {
  const [h] = await sql<HazardDetail['hazard'][]>`
    SELECT h.id, h.site_id AS "siteId", s.name_zh AS "siteName", h.alarm_id AS "alarmId", h.source, h.title, h.severity, h.state,
           ua.display_name AS "assigneeName", h.deadline, h.created_at AS "createdAt", ''::text AS us,
           h.description, h.location, h.rectification, h.return_reason AS "returnReason", h.assignee_id AS "assigneeId",
           h.rectified_by AS "rectifiedBy", ur.display_name AS "rectifiedByName", uv.display_name AS "verifiedByName",
           uc.display_name AS "createdByName", h.submitted_at AS "submittedAt", h.verified_at AS "verifiedAt", h.closed_at AS "closedAt"
    FROM hazards h JOIN sites s ON s.id = h.site_id
    LEFT JOIN users ua ON ua.id = h.assignee_id LEFT JOIN users ur ON ur.id = h.rectified_by
    LEFT JOIN users uv ON uv.id = h.verified_by LEFT JOIN users uc ON uc.id = h.created_by
    WHERE h.id = ${id}`;
  // a hazard at a site out of scope looks missing
  if (!h || !(await visibleSite(sql, p, h.siteId))) throw notFound('隐患', 'Hazard');
  const events = await sql<HazardDetail['events']>`
    SELECT id, at, username, ip, action, from_state AS "fromState", to_state AS "toState", detail
    FROM hazard_events WHERE hazard_id = ${id} ORDER BY id`;
  const attachments = await sql<HazardDetail['attachments']>`
    SELECT id, stage, filename, mime, size, created_at AS "createdAt", event_id AS "eventId"
    FROM hazard_attachments WHERE hazard_id = ${id} ORDER BY id`;
  const commands = availableCommands({ state: h.state, assigneeId: h.assigneeId, rectifiedBy: h.rectifiedBy }, { userId: p.userId, role: p.role, can: (a) => can(p.role, a) });
  return { hazard: h, events, attachments, commands, assignable: commands.includes('assign') ? await assignableUsers(sql, h.siteId) : [] };
}

export async function getAttachment(sql: Sql, p: Principal, hazardId: number, attId: number) {
  const [a] = await sql<{ site_id: string; filename: string; mime: string; data: Buffer }[]>`
    SELECT h.site_id, a.filename, a.mime, a.data FROM hazard_attachments a JOIN hazards h ON h.id = a.hazard_id
    WHERE a.id = ${attId} AND a.hazard_id = ${hazardId}`;
  if (!a || !(await visibleSite(sql, p, a.site_id))) throw notFound('附件', 'Attachment');
  return a;
}
