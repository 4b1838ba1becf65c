/**
 * A resident's report travels: form → abuse checks → review queue → approve → `hazards` row (source 'public')
 * at the reviewer's site, audited; or reject with a reason. Real PostGIS, the real route handlers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import { json, publicRequest, sessionCookieFor, useServices } from './helpers.ts';
import { issueFormToken, publicSecret } from '../../../server/public/secret.ts';
import { POST as reportPOST } from '../../../app/api/public/reports/route.ts';
import { GET as tokenGET } from '../../../app/api/public/token/route.ts';
import { GET as queueGET } from '../../../app/api/admin/public-reports/route.ts';
import { POST as approvePOST } from '../../../app/api/admin/public-reports/[id]/approve/route.ts';
import { POST as rejectPOST } from '../../../app/api/admin/public-reports/[id]/reject/route.ts';
import { GET as photoGET } from '../../../app/api/admin/public-reports/[id]/photo/route.ts';

let sql: Sql;
let secret: string;
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10]),
  Buffer.from('Exif\0\0GPS31.14\0\0', 'latin1').subarray(0, 14),
  Buffer.from([0xff, 0xda, 0x00, 0x04, 1, 2, 0xff, 0xd9]),
]);

function form(fields: Record<string, string>, photo?: Buffer) {
  const fd = new FormData();
  const base = { lang: 'zh', kind: 'warm', county: '540302', place: '市场二楼东侧', description: '插线板发烫，还有焦糊味，已经好几天了。', token: issueFormToken(secret, Date.now() - 5000) };
  for (const [k, v] of Object.entries({ ...base, ...fields })) fd.set(k, v);
  if (photo) fd.set('photo', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'x.png');
  return fd;
}
const post = (fd: FormData, ip = '198.51.100.1') => reportPOST(publicRequest('/api/public/reports', { method: 'POST', body: fd, ip }));
const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  useServices(sql);
  secret = await publicSecret(sql);
  await sql`DELETE FROM public_rate`;
});
afterAll(async () => {
  await sql`DELETE FROM public_reports`;
  await sql`DELETE FROM public_rate`;
  await sql.end();
});

describe('public hazard reports', () => {
  it('issues a form token', async () => {
    const r = await json(await tokenGET(publicRequest('/api/public/token')));
    expect(r.status).toBe(200);
    expect(String(r.body.token)).toMatch(/^\d+\./);
  });

  it('refuses honeypot, too-fast, forged token, bad photo, bad text and cross-site posts', async () => {
    expect((await post(form({ website: 'http://spam' }), '198.51.100.2')).status).toBe(422);
    const fast = await json(await post(form({ token: issueFormToken(secret) }), '198.51.100.3'));
    expect(fast.status).toBe(422);
    expect(JSON.stringify(fast.body)).toContain('too_fast');
    expect((await post(form({ token: issueFormToken('forged-secret-xxxxxxxx', Date.now() - 5000) }), '198.51.100.4')).status).toBe(422);
    expect((await post(form({}, Buffer.from('<svg onload=alert(1)>')), '198.51.100.5')).status).toBe(422);
    expect((await post(form({ description: '短' }), '198.51.100.6')).status).toBe(422);
    expect((await post(form({ place: 'x'.repeat(201) }), '198.51.100.6')).status).toBe(422);
    const cross = new Request('http://portal.test/api/public/reports', { method: 'POST', body: form({}), headers: { host: 'portal.test', origin: 'http://evil.test' } });
    expect((await reportPOST(cross)).status).toBe(403);
    expect((await sql`SELECT 1 FROM public_reports`).length).toBe(0);
  });

  it('stores a valid report with its photo stripped of EXIF, and rate-limits per address', async () => {
    const ok = await json(await post(form({}, JPEG)));
    expect(ok).toEqual({ status: 200, body: { ok: true } });
    const [row] = await sql<{ photo: Buffer; photo_mime: string; ip_hash: string; state: string }[]>`SELECT photo, photo_mime, ip_hash, state FROM public_reports`;
    expect(row.photo_mime).toBe('image/jpeg');
    expect(row.photo.toString('latin1')).not.toContain('Exif');
    expect(row.ip_hash).not.toContain('198.51.100.1');
    expect(row.state).toBe('pending');
    for (let i = 0; i < 4; i++) expect((await post(form({}))).status).toBe(200);
    const limited = await post(form({}));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(form({}), '198.51.100.99')).status).toBe(200); // another address is not affected
  });

  it('lets a reviewer approve one into a work order and reject another, audited; others are refused', async () => {
    const reviewer = await sessionCookieFor(sql, 'anweiban');
    const leader = await sessionCookieFor(sql, 'leader');
    const asUser = (cookie: string, path: string, body?: unknown) =>
      publicRequest(path, body === undefined ? { headers: { cookie } } : { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    expect((await queueGET(publicRequest('/api/admin/public-reports'))).status).toBe(401);
    expect((await queueGET(asUser(leader, '/api/admin/public-reports'))).status).toBe(403);
    const q = await json(await queueGET(asUser(reviewer, '/api/admin/public-reports?state=pending')));
    const reports = q.body.reports as { id: number; has_photo: boolean }[];
    expect(reports.length).toBe(6);
    const [first, second] = reports;

    const photo = await photoGET(asUser(reviewer, `/api/admin/public-reports/${first.id}/photo`), ctx({ id: String(first.id) }));
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(photo.headers.get('cache-control')).toContain('no-store');

    const [site] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540302 ORDER BY id LIMIT 1`;
    const bad = await approvePOST(asUser(reviewer, '/x', { siteId: 'NO-SUCH-999', title: '群众举报' }), ctx({ id: String(first.id) }));
    expect(bad.status).toBe(422);
    const ok = await json(await approvePOST(asUser(reviewer, '/x', { siteId: site.id, severity: 'alarm', title: '群众举报：插头发烫' }), ctx({ id: String(first.id) })));
    expect(ok.status).toBe(200);
    const hazardId = ok.body.hazardId as number;
    const [h] = await sql<{ site_id: string; source: string; state: string; severity: string; description: string; created_by: number }[]>`
      SELECT site_id, source, state, severity, description, created_by FROM hazards WHERE id = ${hazardId}`;
    expect(h).toMatchObject({ site_id: site.id, source: 'public', state: 'reported', severity: 'alarm' });
    expect(h.description).toContain('市场二楼东侧');
    const again = await approvePOST(asUser(reviewer, '/x', { siteId: site.id, title: '再次' }), ctx({ id: String(first.id) }));
    expect(again.status).toBe(409);

    expect((await rejectPOST(asUser(reviewer, '/x', { reason: '' }), ctx({ id: String(second.id) }))).status).toBe(422);
    expect((await rejectPOST(asUser(reviewer, '/x', { reason: '重复举报' }), ctx({ id: String(second.id) }))).status).toBe(200);
    const [rej] = await sql<{ state: string; reject_reason: string; photo: Buffer | null }[]>`SELECT state, reject_reason, photo FROM public_reports WHERE id = ${second.id}`;
    expect(rej).toEqual({ state: 'rejected', reject_reason: '重复举报', photo: null });

    const audits = await sql<{ action: string; target: string }[]>`SELECT action, target FROM audit_log WHERE action LIKE 'public.report.%' ORDER BY id`;
    expect(audits).toEqual([
      { action: 'public.report.approve', target: `public_report:${first.id}` },
      { action: 'public.report.reject', target: `public_report:${second.id}` },
    ]);
  });
});
