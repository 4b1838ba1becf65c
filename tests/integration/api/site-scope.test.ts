/** The portal's site queries against a seeded PostGIS: every scope sees exactly its sites. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { loadPrincipalForUser } from '../../../platform/principal.ts';
import type { Principal } from '../../../platform/scope.ts';
import { AppError } from '../../../server/http/errors.ts';
import { siteCard } from '../../../server/queries/site-card.ts';
import { sitesForMap } from '../../../server/queries/sites-for-map.ts';
import { describeScope } from '../../../server/queries/scope-description.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';

let sql: Sql;
const principals: Record<string, Principal> = {};
async function as(username: string): Promise<Principal> {
  if (principals[username]) return principals[username];
  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  const p = await loadPrincipalForUser(sql, u.id);
  if (!p) throw new Error(`no principal for ${username}`);
  return (principals[username] = p);
}
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
/** The status and wire body of the AppError a call must throw. */
async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return { status: e.status, body: e.toBody() };
}

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
});
afterAll(() => sql?.end());

describe('sitesForMap', () => {
  it('the city leader sees every site', async () => {
    const rows = await sitesForMap(sql, (await as('leader')).scope);
    const all = await sql<{ id: string }[]>`SELECT id FROM sites`;
    expect(rows.length).toBeGreaterThan(0);
    expect(ids(rows)).toEqual(ids(all));
  });

  it('a county officer sees exactly its county', async () => {
    const rows = await sitesForMap(sql, (await as('karuo')).scope);
    const expected = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540302`;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.county))).toEqual(new Set([540302]));
    expect(ids(rows)).toEqual(ids(expected));
  });

  it('another county officer sees none of Karuo', async () => {
    const rows = await sitesForMap(sql, (await as('jiangda')).scope);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.county === 540321)).toBe(true);
  });

  it.each([
    ['minzong', ['temple']],
    ['edu', ['school']],
    ['anjian', ['mine', 'hazchem']],
    ['wenwu', ['relic', 'entertainment']],
  ])('regulator %s sees only its sectors %j', async (username, cats) => {
    const rows = await sitesForMap(sql, (await as(username)).scope);
    const expected = await sql<{ id: string }[]>`SELECT id FROM sites WHERE category = ANY(${cats}::text[])`;
    expect(rows.every((r) => cats.includes(r.category))).toBe(true);
    expect(ids(rows)).toEqual(ids(expected));
  });

  it('a site manager sees exactly the assigned sites', async () => {
    const p = await as('qbl');
    const rows = await sitesForMap(sql, p.scope);
    expect(ids(rows)).toEqual([...(p.scope.kind === 'sites' ? p.scope.siteIds : [])].sort());
  });

  it('rows are compact and well-formed', async () => {
    const [r] = await sitesForMap(sql, (await as('karuo')).scope);
    expect(Object.keys(r).sort()).toEqual(['category', 'county', 'id', 'lat', 'lon', 'name', 'nameEn', 'status']);
    expect(r.lon).toBeGreaterThan(93);
    expect(r.lon).toBeLessThan(100);
    expect(r.lat).toBeGreaterThan(28);
    expect(r.lat).toBeLessThan(33);
  });
});

describe('siteCard', () => {
  it('in scope: the card, with counts that match the tables', async () => {
    const [s] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540302 ORDER BY id LIMIT 1`;
    const card = await siteCard(sql, await as('karuo'), s.id);
    const [c] = await sql<{ d: number; o: number; k: number; a: number }[]>`
      SELECT (SELECT count(*)::int FROM devices WHERE site_id = ${s.id}) AS d,
             (SELECT count(*)::int FROM devices WHERE site_id = ${s.id} AND online) AS o,
             (SELECT count(*)::int FROM circuits WHERE site_id = ${s.id}) AS k,
             (SELECT count(*)::int FROM alarms WHERE site_id = ${s.id} AND cleared_at IS NULL AND NOT false_alarm) AS a`;
    expect(card).toMatchObject({ id: s.id, county: 540302, countyZh: '卡若区', devicesTotal: c.d, devicesOnline: c.o, circuits: c.k });
    expect(card.activeAlarms.length).toBe(Math.min(c.a, 20));
  });

  it("another county's site is refused exactly like an unknown one (404, same body)", async () => {
    const [s] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540321 LIMIT 1`;
    const karuo = await as('karuo');
    const outside = await refusal(siteCard(sql, karuo, s.id));
    expect(outside).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(outside).toEqual(await refusal(siteCard(sql, karuo, 'NO-SUCH-SITE')));
    expect((await siteCard(sql, await as('leader'), s.id)).id).toBe(s.id);
  });

  it("a regulator cannot open another sector's site", async () => {
    const [s] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE category = 'school' LIMIT 1`;
    expect(await refusal(siteCard(sql, await as('minzong'), s.id))).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect((await siteCard(sql, await as('edu'), s.id)).id).toBe(s.id);
  });
});

describe('describeScope', () => {
  it('names the scope in Chinese and English', async () => {
    expect(await describeScope(sql, (await as('leader')).scope)).toMatchObject({ kind: 'all', zh: '全市' });
    expect(await describeScope(sql, (await as('karuo')).scope)).toMatchObject({ kind: 'county', zh: '卡若区' });
    expect((await describeScope(sql, (await as('minzong')).scope)).zh).toContain('重点寺庙');
  });
});
