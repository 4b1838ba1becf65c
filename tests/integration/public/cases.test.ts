/** Only published cases are public; publishing needs a review first; an edit sends a case back to draft. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import { publicRequest, useServices } from './helpers.ts';
import { publishedCases, saveCase, transitionCase } from '../../../server/public/cases.ts';
import { clearPublicCache } from '../../../server/public/cache.ts';
import { GET as casesGET } from '../../../app/api/public/cases/route.ts';

let sql: Sql;
let who: { userId: number; username: string };

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  useServices(sql);
  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'anweiban'`;
  who = { userId: u.id, username: 'anweiban' };
});
afterAll(async () => {
  await sql`DELETE FROM public_cases WHERE slug = 'test-case'`;
  await sql.end();
});

describe('typical cases', () => {
  it('ships example cases: published ones are public, the draft is not', async () => {
    const zh = await publishedCases(sql, 'zh');
    expect(zh.map((c) => c.slug).sort()).toEqual(['butter-lamp-hall', 'dorm-heater', 'shop-socket']);
    const bo = await publishedCases(sql, 'bo');
    expect(bo.every((c) => /[\u0F00-\u0FFF]/.test(c.title) && c.translated)).toBe(true);
    const text = await (await casesGET(publicRequest('/api/public/cases?locale=en'))).text();
    expect(text).not.toContain('home-extension');
  });

  it('goes draft → reviewed → published, audited, and back to draft when edited', async () => {
    const input = { slug: 'test-case', setting: 'shop' as const, title_zh: '测试案例标题', title_bo: '', title_en: 'Test case', body_zh: '这是一个测试案例的正文内容。', body_bo: '', body_en: 'Body of a test case.' };
    const id = await saveCase(sql, null, input, who, null);
    await expect(transitionCase(sql, id, 'publish', who, null)).rejects.toThrow();
    await transitionCase(sql, id, 'review', who, null);
    await transitionCase(sql, id, 'publish', who, null);
    const [row] = await sql<{ state: string; reviewed_by: number; published_at: Date }[]>`SELECT state, reviewed_by, published_at FROM public_cases WHERE id = ${id}`;
    expect(row.state).toBe('published');
    expect(row.reviewed_by).toBe(who.userId);
    const bo = (await publishedCases(sql, 'bo')).find((c) => c.slug === 'test-case')!;
    expect(bo).toMatchObject({ translated: false, title: '测试案例标题' }); // falls back to Chinese, flagged
    await saveCase(sql, id, { ...input, body_zh: '修改后的测试案例正文内容。' }, who, null);
    clearPublicCache();
    expect((await publishedCases(sql, 'zh')).some((c) => c.slug === 'test-case')).toBe(false);
    const audits = await sql<{ action: string }[]>`SELECT action FROM audit_log WHERE target = ${`public_case:${id}`} ORDER BY id`;
    expect(audits.map((a) => a.action)).toEqual(['public.case.save', 'public.case.review', 'public.case.publish', 'public.case.save']);
  });
});
