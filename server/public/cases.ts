/**
 * Typical cases: anonymised stories, per language, that an editor reviews before they are published.
 * draft → reviewed → published; any edit sends a case back to draft. Only published cases are public.
 */
import { z } from 'zod';
import type { Sql } from '../../platform/db.ts';
import { audit } from '../auth/audit.ts';
import { AppError } from '../http/errors.ts';
import type { Locale } from './locales.ts';
import type { Reviewer } from './reports.ts';

export const SETTINGS = ['home', 'monastery', 'school', 'shop'] as const;
export type CaseSetting = (typeof SETTINGS)[number];

export interface PublicCase {
  slug: string;
  setting: CaseSetting;
  title: string;
  body: string;
  /** false when the text is the Chinese original because this language has none yet */
  translated: boolean;
  publishedAt: string;
}

/** Published cases in one language (falling back to Chinese per case). Only public fields. */
export async function publishedCases(sql: Sql, locale: Locale): Promise<PublicCase[]> {
  const rows = await sql<{ slug: string; setting: CaseSetting; title_zh: string; body_zh: string; title_x: string; body_x: string; published_at: Date }[]>`
    SELECT slug, setting, title_zh, body_zh,
           ${locale === 'bo' ? sql`title_bo` : locale === 'en' ? sql`title_en` : sql`title_zh`} AS title_x,
           ${locale === 'bo' ? sql`body_bo` : locale === 'en' ? sql`body_en` : sql`body_zh`} AS body_x,
           published_at
    FROM public_cases WHERE state = 'published' ORDER BY published_at DESC, id DESC LIMIT 50`;
  return rows.map((r) => {
    const translated = Boolean(r.title_x.trim() && r.body_x.trim());
    return {
      slug: r.slug, setting: r.setting, translated,
      title: translated ? r.title_x : r.title_zh,
      body: translated ? r.body_x : r.body_zh,
      publishedAt: r.published_at.toISOString(),
    };
  });
}

export const caseSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{3,64}$/),
  setting: z.enum(SETTINGS),
  title_zh: z.string().trim().min(2).max(120),
  title_bo: z.string().trim().max(300),
  title_en: z.string().trim().max(200),
  body_zh: z.string().trim().min(10).max(4000),
  body_bo: z.string().trim().max(8000),
  body_en: z.string().trim().max(6000),
});
export type CaseInput = z.infer<typeof caseSchema>;

export interface AdminCase extends CaseInput {
  id: number;
  state: 'draft' | 'reviewed' | 'published';
  updated_at: Date;
  reviewed_at: Date | null;
  reviewed_by_name: string | null;
  published_at: Date | null;
}

export async function adminCases(sql: Sql): Promise<AdminCase[]> {
  return sql<AdminCase[]>`
    SELECT c.id, c.slug, c.setting, c.state, c.title_zh, c.title_bo, c.title_en, c.body_zh, c.body_bo, c.body_en,
           c.updated_at, c.reviewed_at, u.display_name AS reviewed_by_name, c.published_at
    FROM public_cases c LEFT JOIN users u ON u.id = c.reviewed_by ORDER BY c.updated_at DESC, c.id DESC`;
}

export async function saveCase(sql: Sql, id: number | null, c: CaseInput, who: Reviewer, ip: string | null) {
  try {
    const [row] = id === null
      ? await sql<{ id: number }[]>`
          INSERT INTO public_cases (slug, setting, title_zh, title_bo, title_en, body_zh, body_bo, body_en, created_by, updated_by)
          VALUES (${c.slug}, ${c.setting}, ${c.title_zh}, ${c.title_bo}, ${c.title_en}, ${c.body_zh}, ${c.body_bo}, ${c.body_en}, ${who.userId}, ${who.userId})
          RETURNING id`
      : await sql<{ id: number }[]>`
          UPDATE public_cases SET slug = ${c.slug}, setting = ${c.setting}, title_zh = ${c.title_zh}, title_bo = ${c.title_bo},
            title_en = ${c.title_en}, body_zh = ${c.body_zh}, body_bo = ${c.body_bo}, body_en = ${c.body_en},
            state = 'draft', reviewed_by = NULL, reviewed_at = NULL, published_by = NULL, published_at = NULL,
            updated_by = ${who.userId}, updated_at = now()
          WHERE id = ${id} RETURNING id`;
    if (!row) throw new AppError('NOT_FOUND');
    await audit(sql, { userId: who.userId, username: who.username, action: 'public.case.save', target: `public_case:${row.id}`, ip });
    return row.id;
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('CONFLICT', { message: '标识已存在', messageEn: 'Slug already used' });
    throw e;
  }
}

export type CaseAction = 'review' | 'publish' | 'unpublish';

export async function transitionCase(sql: Sql, id: number, action: CaseAction, who: Reviewer, ip: string | null) {
  const rows =
    action === 'review'
      ? await sql`UPDATE public_cases SET state = 'reviewed', reviewed_by = ${who.userId}, reviewed_at = now() WHERE id = ${id} AND state = 'draft' RETURNING id`
      : action === 'publish'
        ? await sql`UPDATE public_cases SET state = 'published', published_by = ${who.userId}, published_at = now() WHERE id = ${id} AND state = 'reviewed' RETURNING id`
        : await sql`UPDATE public_cases SET state = 'reviewed', published_by = NULL, published_at = NULL WHERE id = ${id} AND state = 'published' RETURNING id`;
  if (rows.length === 0) throw new AppError('CONFLICT', { message: '案例状态不允许此操作', messageEn: 'Not allowed in the case’s current state' });
  await audit(sql, { userId: who.userId, username: who.username, action: `public.case.${action}`, target: `public_case:${id}`, ip });
}
