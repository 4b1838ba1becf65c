/**
 * Residents' hazard reports: validation, storage and the staff review that turns one into a work order
 * (a `hazards` row with source 'public' at the site the reviewer chooses) or rejects it with a reason.
 */
import { z } from 'zod';
import type { Sql } from '../../platform/db.ts';
import { audit } from '../auth/audit.ts';
import { AppError } from '../http/errors.ts';
import { COUNTY_CODES } from '../../lib/domain/counties.ts';
import type { ImageMime } from './image.ts';

export const REPORT_KINDS = ['scorched', 'warm', 'flicker', 'smell', 'wiring', 'overload', 'other'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);

/** Text fields of the multipart form. `website` is the honeypot: people never see it, bots fill it. */
export const reportFormSchema = z.object({
  lang: z.enum(['zh', 'bo', 'en']),
  kind: z.enum(REPORT_KINDS),
  county: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || v in COUNTY_CODES, 'unknown county'),
  place: trimmed(2, 200),
  description: trimmed(10, 2000),
  contact: z.string().trim().max(100).optional().transform((v) => v || null),
  website: z.string().max(0).optional(),
  token: z.string().min(10).max(200),
});
export type ReportForm = z.infer<typeof reportFormSchema>;

export async function insertReport(sql: Sql, f: ReportForm, ipHash: string, photo: { mime: ImageMime; data: Buffer } | null) {
  const [r] = await sql<{ id: number }[]>`
    INSERT INTO public_reports (lang, kind, county_adcode, place, description, contact, ip_hash, photo, photo_mime)
    VALUES (${f.lang}, ${f.kind}, ${f.county}, ${f.place}, ${f.description}, ${f.contact}, ${ipHash}, ${photo?.data ?? null}, ${photo?.mime ?? null})
    RETURNING id`;
  return r.id;
}

export interface ReportRow {
  id: number;
  created_at: Date;
  lang: string;
  kind: ReportKind;
  county_adcode: number | null;
  place: string;
  description: string;
  contact: string | null;
  has_photo: boolean;
  state: 'pending' | 'approved' | 'rejected';
  reviewed_at: Date | null;
  reviewer: string | null;
  reject_reason: string | null;
  site_id: string | null;
  hazard_id: number | null;
}

export async function listReports(sql: Sql, state: ReportRow['state'], limit = 50, offset = 0): Promise<ReportRow[]> {
  return sql<ReportRow[]>`
    SELECT r.id, r.created_at, r.lang, r.kind, r.county_adcode, r.place, r.description, r.contact, r.photo IS NOT NULL AS has_photo,
           r.state, r.reviewed_at, u.display_name AS reviewer, r.reject_reason, r.site_id, r.hazard_id
    FROM public_reports r LEFT JOIN users u ON u.id = r.reviewed_by
    WHERE r.state = ${state}
    ORDER BY r.created_at ${state === 'pending' ? sql`ASC` : sql`DESC`}, r.id
    LIMIT ${limit} OFFSET ${offset}`;
}

export async function reportPhoto(sql: Sql, id: number) {
  const [r] = await sql<{ photo: Buffer | null; photo_mime: string | null }[]>`SELECT photo, photo_mime FROM public_reports WHERE id = ${id}`;
  return r?.photo && r.photo_mime ? { data: r.photo, mime: r.photo_mime } : null;
}

export const approveSchema = z.object({
  siteId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  severity: z.enum(['warning', 'alarm', 'critical']).default('warning'),
  title: z.string().trim().min(2).max(120),
});
export const rejectSchema = z.object({ reason: z.string().trim().min(2).max(500) });

export interface Reviewer {
  userId: number;
  username: string;
}

const KIND_ZH: Record<ReportKind, string> = {
  scorched: '插座发黑、焦痕', warm: '插头、电线发烫', flicker: '灯光闪烁', smell: '焦糊味', wiring: '乱拉电线、电线破损', overload: '插线板串接、电器过多', other: '其他',
};

export async function approveReport(sql: Sql, id: number, a: z.infer<typeof approveSchema>, who: Reviewer, ip: string | null) {
  return sql.begin(async (tx) => {
    const [r] = await tx<{ state: string; kind: ReportKind; place: string; description: string }[]>`
      SELECT state, kind, place, description FROM public_reports WHERE id = ${id} FOR UPDATE`;
    if (!r) throw new AppError('NOT_FOUND');
    if (r.state !== 'pending') throw new AppError('CONFLICT', { message: '该举报已处理', messageEn: 'This report was already reviewed' });
    const [site] = await tx<{ id: string }[]>`SELECT id FROM sites WHERE id = ${a.siteId}`;
    if (!site) throw new AppError('VALIDATION', { message: '单位不存在', messageEn: 'No such site', details: [{ path: 'siteId', message: 'unknown site' }] });
    const description = `【群众举报 #${id}】${KIND_ZH[r.kind]}\n地点：${r.place}\n${r.description}`;
    const [h] = await tx<{ id: number }[]>`
      INSERT INTO hazards (site_id, source, title, description, severity, state, created_by)
      VALUES (${a.siteId}, 'public', ${a.title}, ${description}, ${a.severity}, 'reported', ${who.userId})
      RETURNING id`;
    await tx`UPDATE public_reports SET state = 'approved', reviewed_by = ${who.userId}, reviewed_at = now(), site_id = ${a.siteId}, hazard_id = ${h.id}
             WHERE id = ${id}`;
    await audit(tx as unknown as Sql, {
      userId: who.userId, username: who.username, action: 'public.report.approve', target: `public_report:${id}`, ip,
      detail: { hazardId: h.id, siteId: a.siteId, severity: a.severity },
    });
    return { hazardId: h.id };
  });
}

export async function rejectReport(sql: Sql, id: number, reason: string, who: Reviewer, ip: string | null) {
  return sql.begin(async (tx) => {
    const [r] = await tx<{ state: string }[]>`SELECT state FROM public_reports WHERE id = ${id} FOR UPDATE`;
    if (!r) throw new AppError('NOT_FOUND');
    if (r.state !== 'pending') throw new AppError('CONFLICT', { message: '该举报已处理', messageEn: 'This report was already reviewed' });
    await tx`UPDATE public_reports SET state = 'rejected', reviewed_by = ${who.userId}, reviewed_at = now(), reject_reason = ${reason},
             photo = NULL, photo_mime = NULL WHERE id = ${id}`;
    await audit(tx as unknown as Sql, {
      userId: who.userId, username: who.username, action: 'public.report.reject', target: `public_report:${id}`, ip, detail: { reason },
    });
    return { ok: true };
  });
}
