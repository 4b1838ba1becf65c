/**
 * One answer for one site across the product (server/queries/visible-site.ts), through the real route handlers:
 * a site outside the caller's scope answers 404 with exactly the body of a site that does not exist; a visible
 * site where the role lacks the permission answers 403; a visible site with the permission answers 200.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { loadPrincipalForUser } from '../../../platform/principal.ts';
import { createSession } from '../../../server/auth/session.ts';
import { AppError } from '../../../server/http/errors.ts';
import { requireVisibleSite } from '../../../server/queries/visible-site.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';

process.env.DATABASE_URL ??= inject('dbUrl');
type Handler = (req: Request, ctx?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = 'http://portal.test';

let sql: Sql;
let own: { site: string; circuit: number };
let other: string;
const cookies: Record<string, string> = {};

async function principal(username: string) {
  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  return (await loadPrincipalForUser(sql, u.id))!;
}
async function call(handler: Handler, user: string, path: string, params: Record<string, string>, init: RequestInit = {}) {
  const headers = { cookie: cookies[user], host: 'portal.test', origin: BASE, 'content-type': 'application/json', ...(init.headers as Record<string, string>) };
  const r = await handler(new Request(`${BASE}${path}`, { ...init, headers }), { params: Promise.resolve(params) });
  const text = await r.text();
  return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  const [c] = await sql<{ site_id: string; id: number }[]>`
    SELECT site_id, id FROM circuits WHERE site_id IN (SELECT id FROM sites WHERE county_adcode = 540302) ORDER BY site_id, id LIMIT 1`;
  own = { site: c.site_id, circuit: c.id };
  [{ id: other }] = await sql<{ id: string }[]>`SELECT s.id FROM sites s WHERE county_adcode = 540321 AND EXISTS (SELECT 1 FROM circuits k WHERE k.site_id = s.id) ORDER BY id LIMIT 1`;
  for (const u of ['karuo', 'leader']) {
    const [{ id }] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${u}`;
    cookies[u] = `esms_session=${(await createSession(sql, id, 1, {})).token}`;
  }
});
afterAll(async () => {
  await sql.end();
  const { services } = await import('../../../server/services.ts');
  await services().sql.end();
});

describe('requireVisibleSite', () => {
  const status = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof AppError ? e.status : String(e)));

  it('missing and out of scope: 404; visible without the permission: 403; visible with it: the site', async () => {
    const karuo = await principal('karuo');
    expect(await status(requireVisibleSite(sql, karuo, 'NO-SUCH-SITE'))).toBe(404);
    expect(await status(requireVisibleSite(sql, karuo, other))).toBe(404);
    // the scope is decided first: a permission the role lacks does not reveal that an unseen site exists
    expect(await status(requireVisibleSite(sql, karuo, other, { permission: 'profile.edit' }))).toBe(404);
    expect(await status(requireVisibleSite(sql, karuo, own.site, { permission: 'profile.edit' }))).toBe(403);
    expect(await requireVisibleSite(sql, karuo, own.site, { permission: 'alarm.ack' })).toMatchObject({ id: own.site, countyAdcode: 540302 });
  });
});

describe('every site-bound API route answers the same way', () => {
  const GET = (mod: string) => async () => ((await import(mod)) as { GET: Handler }).GET;
  const routes: { name: string; handler: () => Promise<Handler>; path: (site: string, circuit: number) => string; params: (site: string, circuit: number) => Record<string, string>; init?: RequestInit }[] = [
    { name: 'site card', handler: GET('../../../app/api/sites/[id]/route.ts'), path: (s) => `/api/sites/${s}`, params: (s) => ({ id: s }) },
    { name: 'twin', handler: GET('../../../app/api/sites/[id]/twin/route.ts'), path: (s) => `/api/sites/${s}/twin`, params: (s) => ({ id: s }) },
    { name: 'footprints', handler: GET('../../../app/api/sites/[id]/footprints/route.ts'), path: (s) => `/api/sites/${s}/footprints`, params: (s) => ({ id: s }) },
    { name: 'trend', handler: GET('../../../app/api/sites/[id]/circuits/[circuitId]/trend/route.ts'), path: (s, c) => `/api/sites/${s}/circuits/${c}/trend?range=hour`, params: (s, c) => ({ id: s, circuitId: String(c) }) },
    { name: 'circuit alarms', handler: GET('../../../app/api/sites/[id]/circuits/[circuitId]/alarms/route.ts'), path: (s, c) => `/api/sites/${s}/circuits/${c}/alarms`, params: (s, c) => ({ id: s, circuitId: String(c) }) },
    { name: 'profile', handler: GET('../../../app/api/sites/[id]/profile/route.ts'), path: (s) => `/api/sites/${s}/profile`, params: (s) => ({ id: s }) },
    { name: 'profile export', handler: GET('../../../app/api/sites/[id]/profile/overrides/route.ts'), path: (s) => `/api/sites/${s}/profile/overrides`, params: (s) => ({ id: s }) },
    { name: 'daily log', handler: GET('../../../app/api/records/route.ts'), path: (s) => `/api/records?date=2026-01-01&site=${s}`, params: () => ({}) },
  ];

  it.each(routes.map((r) => [r.name, r] as const))('%s: out of scope looks missing (404, same body); in scope 200', async (_name, r) => {
    const h = await r.handler();
    const outside = await call(h, 'karuo', r.path(other, 1), r.params(other, 1));
    const missing = await call(h, 'karuo', r.path('NO-SUCH-SITE', 1), r.params('NO-SUCH-SITE', 1));
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    expect(outside.body.error.code).toBe('NOT_FOUND');
    expect((await call(h, 'karuo', r.path(own.site, own.circuit), r.params(own.site, own.circuit))).status).toBe(200);
  });

  it('writes: out of scope looks missing; a role without the permission is refused (403)', async () => {
    const { PATCH } = (await import('../../../app/api/rollout/sites/[id]/route.ts')) as { PATCH: Handler };
    const edit = { method: 'PATCH', body: JSON.stringify({ state: 'planned', powerOk: true, networkOk: true }) };
    const outside = await call(PATCH, 'karuo', `/api/rollout/sites/${other}`, { id: other }, edit);
    const missing = await call(PATCH, 'karuo', '/api/rollout/sites/NO-SUCH-SITE', { id: 'NO-SUCH-SITE' }, edit);
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual(missing.body);
    // the city leader sees every site but reads only
    expect((await call(PATCH, 'leader', `/api/rollout/sites/${own.site}`, { id: own.site }, edit)).status).toBe(403);
    const { PUT } = (await import('../../../app/api/rollout/pilots/route.ts')) as { PUT: Handler };
    const pilot = (siteId: string) => ({ method: 'PUT', body: JSON.stringify({ siteId, municipal: false, regional: false }) });
    const p1 = await call(PUT, 'karuo', '/api/rollout/pilots', {}, pilot(other));
    const p2 = await call(PUT, 'karuo', '/api/rollout/pilots', {}, pilot('NO-SUCH-SITE'));
    expect(p1.status).toBe(404);
    expect(p1.body).toEqual(p2.body);
  });
});
