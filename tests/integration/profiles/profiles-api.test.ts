/**
 * Detection profiles through the real API handlers (route(): session cookie, CSRF origin, permission, validation)
 * on a seeded PostGIS: who may change a temple's thresholds, GB-range rejection per field in Chinese and English,
 * the insulation cross-check, audit rows with before/after, the optimistic conflict, clearing, and the export in
 * the replay CLI's --overrides shape.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { createSession } from '../../../server/auth/session.ts';
import { Engine, overridesSchema } from '../../../lib/detection/index.ts';
import { siteCircuits } from '../../../server/profiles/circuits.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';

process.env.DATABASE_URL ??= inject('dbUrl');
type Handler = (req: Request, ctx?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
let api: { GET: Handler; PUT: Handler };
let exportApi: { GET: Handler };

let sql: Sql;
let site: string;
let circuit: { id: number; device: string; ch: number; maxC: number };
const cookies: Record<string, string> = {};
const USERS = ['admin', 'fire', 'minzong', 'qbl', 'tech', 'karuo', 'leader', 'edu', 'jiangda'] as const;
const BASE = 'http://portal.test';

const ctx = () => ({ params: Promise.resolve({ id: site }) });
async function get(user: string, q = '') {
  const r = await api.GET(new Request(`${BASE}/api/sites/${site}/profile${q}`, { headers: { cookie: cookies[user], host: 'portal.test' } }), ctx());
  return { status: r.status, body: await r.json() };
}
async function put(user: string, body: unknown) {
  const r = await api.PUT(
    new Request(`${BASE}/api/sites/${site}/profile`, {
      method: 'PUT',
      headers: { cookie: cookies[user], origin: BASE, host: 'portal.test', 'content-type': 'application/json', 'x-esms-client-ip': '10.9.8.7' },
      body: JSON.stringify(body),
    }),
    ctx(),
  );
  return { status: r.status, body: await r.json() };
}
const auditCount = async () => (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'profile.%' AND detail->>'siteId' = ${site}`)[0].n;

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  api = (await import('../../../app/api/sites/[id]/profile/route.ts')) as unknown as typeof api;
  exportApi = (await import('../../../app/api/sites/[id]/profile/overrides/route.ts')) as unknown as typeof exportApi;
  [{ site_id: site }] = await sql<{ site_id: string }[]>`SELECT us.site_id FROM user_sites us JOIN users u ON u.id = us.user_id WHERE u.username = 'qbl'`;
  const [c] = await sql<{ id: number; device_id: string; ch: number; max_conductor_c: number }[]>`
    SELECT id, device_id, ch, max_conductor_c FROM circuits WHERE site_id = ${site} ORDER BY max_conductor_c, id LIMIT 1`;
  circuit = { id: c.id, device: c.device_id, ch: c.ch, maxC: c.max_conductor_c };
  await sql`DELETE FROM profile_overrides WHERE site_id = ${site}`;
  for (const u of USERS) {
    const [{ id }] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${u}`;
    cookies[u] = `esms_session=${(await createSession(sql, id, 1, {})).token}`;
  }
});
afterAll(async () => {
  await sql`DELETE FROM profile_overrides WHERE site_id = ${site}`;
  await sql`UPDATE circuits SET residual_set_ma = 300 WHERE site_id = ${site}`;
  await sql.end();
  const { services } = await import('../../../server/services.ts');
  await services().sql.end();
});

describe('who may read and change a temple’s profile', () => {
  it('reading: everyone whose scope holds the site; canEdit only for admin, fire and the religion regulator', async () => {
    const seen: Record<string, string> = {};
    for (const u of USERS) {
      const r = await get(u);
      seen[u] = r.status === 200 ? (r.body.canEdit ? 'edit' : 'read') : String(r.status);
    }
    // outside the scope the site looks missing (server/queries/visible-site.ts)
    expect(seen).toEqual({ admin: 'edit', fire: 'edit', minzong: 'edit', qbl: 'read', tech: 'read', karuo: 'read', leader: 'read', edu: '404', jiangda: '404' });
  });

  it('changing: the same rule on PUT; refusals store nothing', async () => {
    const before = await auditCount();
    const out: Record<string, number> = {};
    let ma = 310;
    for (const u of USERS) {
      out[u] = (await put(u, { circuitId: null, override: { residualSetMa: (ma += 10) }, reason: `权限矩阵测试 ${u}` })).status;
    }
    // roles without profile.edit: 403 (whatever the site); the schools regulator may edit, but not this temple it cannot see: 404
    expect(out).toEqual({ admin: 200, fire: 200, minzong: 200, qbl: 403, tech: 403, karuo: 403, leader: 403, edu: 404, jiangda: 403 });
    expect(await auditCount()).toBe(before + 3);
    const [row] = await sql<{ override: { residualSetMa: number }; updated_by_name: string }[]>`
      SELECT override, updated_by_name FROM profile_overrides WHERE site_id = ${site} AND circuit_id IS NULL`;
    expect(row).toMatchObject({ override: { residualSetMa: 340 }, updated_by_name: 'minzong' });
  });

  it('a refusal says why in Chinese and English', async () => {
    const r = await put('qbl', { circuitId: null, override: { residualSetMa: 400 }, reason: '想放宽' });
    expect(r.body.error.code).toBe('FORBIDDEN');
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(r.body.error.messageEn).toMatch(/[a-z]/);
  });
});

describe('GB ranges and cross-checks', () => {
  it('an out-of-range value is refused, naming the field and its range in both languages; nothing stored', async () => {
    const before = await auditCount();
    const r = await put('admin', { circuitId: circuit.id, override: { residualSetMa: 1500 }, reason: '越界测试' });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('VALIDATION');
    const [d] = r.body.error.details;
    expect(d.path).toBe('residualSetMa');
    expect(d.message).toContain('剩余电流报警设定值');
    expect(d.message).toContain('20–1000 mA');
    expect(d.message).toContain('1500');
    expect(d.messageEn).toContain('Residual current set point');
    expect(d.messageEn).toContain('GB range 20–1000 mA');
    expect(r.body.error.message).toBe(d.message);
    expect(await auditCount()).toBe(before);
    expect((await sql`SELECT 1 FROM profile_overrides WHERE circuit_id = ${circuit.id}`).length).toBe(0);
  });

  it('every bad field is listed: arc limit laxer than GB 14287.4, margin too small, persistence, unknown key, text', async () => {
    const r = await put('admin', {
      circuitId: circuit.id,
      override: { arcPerS: 20, tempWarnMarginK: 1, heatWarnK: 'abc', persistence: { overload: { m: 0 } }, foo: 1 },
      reason: '多项越界',
    });
    expect(r.status).toBe(422);
    const by = Object.fromEntries(r.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(Object.keys(by).sort()).toEqual(['arcPerS', 'foo', 'heatWarnK', 'persistence.overload.m', 'tempWarnMarginK']);
    expect(by.arcPerS).toContain('10–14');
    expect(by.heatWarnK).toContain('须为数字');
    expect(by['persistence.overload.m']).toContain('过载');
    expect(by.foo).toContain('未知参数');
  });

  it('a temperature set point above a circuit’s insulation limit is refused, naming the circuit', async () => {
    const r = await put('admin', { circuitId: null, override: { tempSetC: circuit.maxC + 5 }, reason: '高于绝缘' });
    expect(r.status).toBe(422);
    const [d] = r.body.error.details;
    expect(d.path).toBe('tempSetC');
    expect(d.message).toContain(`绝缘允许温度 ${circuit.maxC} °C`);
    expect(d.message).toContain('回路「');
    expect(d.messageEn).toContain('insulation limit');
  });

  it('alarm must exceed warning, M ≤ N after merging with the defaults, and a reason is required', async () => {
    const r1 = await put('admin', { circuitId: circuit.id, override: { imbalanceWarn: 0.5, imbalanceAlarm: 0.4 }, reason: '组合' });
    expect(r1.body.error.details[0].path).toBe('imbalanceAlarm');
    const r2 = await put('admin', { circuitId: circuit.id, override: { persistence: { overload: { m: 9 } } }, reason: '组合' });
    expect(r2.status).toBe(422);
    expect(r2.body.error.details[0].message).toContain('M 不得大于窗口 N');
    const r3 = await put('admin', { circuitId: circuit.id, override: { residualSetMa: 200 }, reason: ' ' });
    expect(r3.body.error.details[0]).toMatchObject({ path: 'reason' });
  });
});

describe('audit, sources, conflict, clear, export', () => {
  it('a circuit override is audited with before/after and shows as the circuit source; the twin’s set point follows', async () => {
    const r = await put('fire', { circuitId: circuit.id, override: { residualSetMa: 200, tempSetC: circuit.maxC - 10 }, reason: '木结构殿堂收紧' });
    expect(r.status).toBe(200);
    expect(r.body.changed).toBe(true);
    const [a] = await sql<{ username: string; target: string; ip: string; detail: Record<string, unknown> }[]>`
      SELECT username, target, ip, detail FROM audit_log WHERE action = 'profile.set' AND detail->>'siteId' = ${site} ORDER BY id DESC LIMIT 1`;
    expect(a).toMatchObject({ username: 'fire', target: `circuit:${circuit.id}`, ip: '10.9.8.7' });
    expect(a.detail).toMatchObject({ layer: 'circuit', circuitId: circuit.id, circuitKey: `${circuit.device}/${circuit.ch}`, before: null, after: { residualSetMa: 200, tempSetC: circuit.maxC - 10 }, reason: '木结构殿堂收紧' });
    const v = (await get('qbl', `?circuit=${circuit.id}`)).body;
    expect(v.layer).toBe('circuit');
    expect(v.effective.values.residualSetMa).toBe(200);
    expect(v.effective.sources.fields).toMatchObject({ residualSetMa: 'circuit', tempSetC: 'circuit', heatWarnK: 'default' });
    expect(v.history[0]).toMatchObject({ layer: 'circuit', username: 'fire', reason: '木结构殿堂收紧' });
    expect(v.history[0].changes).toContainEqual({ path: 'residualSetMa', before: null, after: 200 });
    const [c] = await sql<{ residual_set_ma: number }[]>`SELECT residual_set_ma FROM circuits WHERE id = ${circuit.id}`;
    expect(c.residual_set_ma).toBe(200);
    // the site layer (340 from the matrix test) is what the circuit would inherit
    expect((await get('qbl')).body.effective.sources.fields.residualSetMa).toBe('site');
  });

  it('a stale form is a conflict, not a silent overwrite', async () => {
    const v = (await get('admin', `?circuit=${circuit.id}`)).body;
    const stale = v.own.rev - 1;
    const r = await put('admin', { circuitId: circuit.id, override: { residualSetMa: 250 }, reason: '并发', expectedRev: stale });
    expect(r.status).toBe(409);
    const ok = await put('admin', { circuitId: circuit.id, override: { residualSetMa: 250 }, reason: '并发', expectedRev: v.own.rev });
    expect(ok.status).toBe(200);
    expect(ok.body.rev).toBeGreaterThan(v.own.rev);
  });

  it('the export is the replay CLI’s --overrides file, and the core accepts it with the site’s registry', async () => {
    const r = await exportApi.GET(new Request(`${BASE}/api/sites/${site}/profile/overrides`, { headers: { cookie: cookies.qbl, host: 'portal.test' } }), ctx());
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(`overrides-${site}.json`);
    const file = overridesSchema.parse(await r.json());
    expect(file.sites?.[site]).toEqual({ residualSetMa: 340 });
    expect(file.circuits?.[`${circuit.device}/${circuit.ch}`]).toMatchObject({ residualSetMa: 250 });
    const registry = (await siteCircuits(sql, site)).map((c) => c.entry);
    expect(() => new Engine(registry, file)).not.toThrow();
    const out = await exportApi.GET(new Request(`${BASE}/api/sites/${site}/profile/overrides`, { headers: { cookie: cookies.edu, host: 'portal.test' } }), ctx());
    expect(out.status).toBe(404); // out of the schools regulator's scope: looks missing
  });

  it('clearing a layer deletes it, audits what it was, and the set point falls back', async () => {
    const r = await put('minzong', { circuitId: circuit.id, override: null, reason: '恢复默认' });
    expect(r.status).toBe(200);
    expect((await sql`SELECT 1 FROM profile_overrides WHERE circuit_id = ${circuit.id}`).length).toBe(0);
    const [a] = await sql<{ action: string; detail: { before: unknown; after: unknown } }[]>`
      SELECT action, detail FROM audit_log WHERE detail->>'siteId' = ${site} AND action LIKE 'profile.%' ORDER BY id DESC LIMIT 1`;
    expect(a.action).toBe('profile.clear');
    expect(a.detail.before).toMatchObject({ residualSetMa: 250 });
    expect(a.detail.after).toBeNull();
    const [c] = await sql<{ residual_set_ma: number }[]>`SELECT residual_set_ma FROM circuits WHERE id = ${circuit.id}`;
    expect(c.residual_set_ma).toBe(340); // the site layer again
  });
});
