/**
 * Token lifecycle: the settings API (create → shown once, listed without the secret, revoke → 401 on /ogc, all
 * audited, no revoking someone else's) and `npm run -s token -- <username>` printing the token on its last line.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Sql } from '../../../platform/db.ts';
import { createSession } from '../../../server/auth/session.ts';
import { handleOgc } from '../../../server/ogc/handler.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';

process.env.DATABASE_URL ??= inject('dbUrl');
type Handler = (req: Request, ctx?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = 'http://portal.test';
let sql: Sql;
const cookies: Record<string, string> = {};

async function call(handler: Handler, user: string, path: string, init: RequestInit = {}, params: Record<string, string> = {}) {
  const headers = { cookie: cookies[user], host: 'portal.test', origin: BASE, 'content-type': 'application/json' };
  const r = await handler(new Request(`${BASE}${path}`, { ...init, headers }), { params: Promise.resolve(params) });
  return { status: r.status, body: await r.json() };
}
const ogc = (token: string) => handleOgc(sql, new Request(`${BASE}/ogc/collections/sites/items?limit=1`, { headers: { authorization: `Bearer ${token}` } }));

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  for (const u of ['karuo', 'jiangda']) {
    const [{ id }] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${u}`;
    cookies[u] = `esms_session=${(await createSession(sql, id, 1, {})).token}`;
  }
}, 120_000);
afterAll(async () => {
  await sql.end();
  const { services } = await import('../../../server/services.ts');
  await services().sql.end();
});

describe('settings API', () => {
  it('creates, lists, revokes, audits; a revoked token is a 401', async () => {
    const list = await import('../../../app/api/tokens/route.ts');
    const one = await import('../../../app/api/tokens/[id]/route.ts');
    const made = await call(list.POST, 'karuo', '/api/tokens', { method: 'POST', body: JSON.stringify({ name: 'QGIS 办公室', days: 30 }) });
    expect(made.status).toBe(200);
    expect(made.body.token).toMatch(/^esms_[A-Za-z0-9_-]{43}$/);
    expect((await ogc(made.body.token)).status).toBe(200);

    const [row] = await sql<{ token_hash: string }[]>`SELECT token_hash FROM api_tokens WHERE id = ${made.body.id}`;
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(made.body.token);

    const listed = await call(list.GET, 'karuo', '/api/tokens');
    const mine = listed.body.tokens.find((t: { id: number }) => t.id === made.body.id);
    expect(mine).toMatchObject({ name: 'QGIS 办公室', scope: 'read', revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(made.body.token);

    // someone else cannot revoke it, and learns nothing (404 like a missing id)
    const theirs = await call(one.DELETE, 'jiangda', `/api/tokens/${made.body.id}`, { method: 'DELETE' }, { id: String(made.body.id) });
    expect(theirs.status).toBe(404);
    expect((await ogc(made.body.token)).status).toBe(200);

    const gone = await call(one.DELETE, 'karuo', `/api/tokens/${made.body.id}`, { method: 'DELETE' }, { id: String(made.body.id) });
    expect(gone.status).toBe(200);
    const after = await ogc(made.body.token);
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('UNAUTHENTICATED');

    const audits = await sql<{ action: string }[]>`SELECT action FROM audit_log WHERE target = ${String(made.body.id)} AND action LIKE 'api_token.%' ORDER BY id`;
    expect(audits.map((a) => a.action)).toEqual(['api_token.create', 'api_token.revoke']);
  });

  it('validates the form: name required, expiry bounded', async () => {
    const list = await import('../../../app/api/tokens/route.ts');
    for (const body of [{ name: '', days: 30 }, { name: 'x', days: 0 }, { name: 'x', days: 10_000 }]) {
      const r = await call(list.POST, 'karuo', '/api/tokens', { method: 'POST', body: JSON.stringify(body) });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('VALIDATION');
    }
  });
});

describe('token CLI', () => {
  it('prints a working token alone on its last line', async () => {
    const r = await promisify(execFile)('node', ['--import', 'tsx', 'db/cli/token.ts', 'karuo', '--name', 'script', '--days', '2'], {
      env: { ...process.env, DATABASE_URL: inject('dbUrl') },
    });
    const last = r.stdout.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^esms_[A-Za-z0-9_-]{43}$/);
    expect((await ogc(last)).status).toBe(200);
  }, 60_000);

  it('refuses an unknown user', async () => {
    const e = await promisify(execFile)('node', ['--import', 'tsx', 'db/cli/token.ts', 'nobody-here'], { env: { ...process.env, DATABASE_URL: inject('dbUrl') } }).catch((x) => x);
    expect(e.code).toBe(1);
    expect(e.stdout).toBe('');
  }, 60_000);
});
