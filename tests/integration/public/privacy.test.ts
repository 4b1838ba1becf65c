/**
 * Public endpoints return aggregates only: no site id, site name, device id or site-precision coordinate in
 * any public API response, and every shown cell counts at least 3 sites (real PostGIS, seeded Changdu).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import { publicRequest, useServices } from './helpers.ts';
import { computeStats } from '../../../server/public/aggregates.ts';
import { GET as statsGET } from '../../../app/api/public/stats/route.ts';
import { GET as coverageGET } from '../../../app/api/public/coverage/route.ts';
import { GET as casesGET } from '../../../app/api/public/cases/route.ts';
import { findLeaks, loadSecrets, type Secrets } from './leaks.ts';

let sql: Sql;
let secrets: Secrets;

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  useServices(sql);
  // some hazards this year, one fixed, so the figures are not all zero
  const sites = await sql<{ id: string }[]>`SELECT id FROM sites ORDER BY id LIMIT 3`;
  for (const [i, s] of sites.entries())
    await sql`INSERT INTO hazards (site_id, source, title, severity, state, closed_at)
              VALUES (${s.id}, 'inspection', ${'测试隐患 ' + s.id}, 'warning', ${i === 0 ? 'closed' : 'reported'}, ${i === 0 ? new Date() : null})`;
  secrets = await loadSecrets(sql);
});
afterAll(async () => {
  await sql`DELETE FROM hazards WHERE title LIKE '测试隐患 %'`;
  await sql.end();
});

describe('public API privacy', () => {
  it('has something to hide (the seed has sites, devices and names)', () => {
    expect(secrets.siteIds.length).toBeGreaterThan(50);
    expect(secrets.deviceIds.length).toBeGreaterThan(50);
  });

  it('has a scanner that catches coordinates and ids but not timestamps', () => {
    const none: Secrets = { siteIds: [], siteNames: [], deviceIds: [], coords: [] };
    expect(findLeaks('{"lon":97.1723,"lat":31.1406}', none)).toEqual(['coordinate 97.1723', 'coordinate 31.1406']);
    expect(findLeaks('{"site":"CD-TMP-001"}', none)).toEqual(['site id CD-TMP-001']);
    expect(findLeaks('{"publishedAt":"2026-11-29T04:33.903Z","at":"10:30.125"}', none)).toEqual([]);
  });

  it('leaks nothing site-level through /api/public/stats, /coverage and /cases in every language', async () => {
    const bodies: [string, string][] = [
      ['stats', await (await statsGET(publicRequest('/api/public/stats'))).text()],
      ['coverage', await (await coverageGET(publicRequest('/api/public/coverage'))).text()],
    ];
    for (const l of ['zh', 'bo', 'en']) bodies.push([`cases ${l}`, await (await casesGET(publicRequest(`/api/public/cases?locale=${l}`))).text()]);
    for (const [name, text] of bodies) {
      expect(text.length, name).toBeGreaterThan(20);
      expect(findLeaks(text, secrets), name).toEqual([]);
    }
  });

  it('shows no cell under 3 sites and adds up', async () => {
    const st = await computeStats(sql);
    const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites`;
    expect(st.total).toBeLessThanOrEqual(n);
    expect(st.hazardsFound).toBeGreaterThanOrEqual(3);
    expect(st.hazardsFixed).toBeGreaterThanOrEqual(1);
    for (const c of st.counties) {
      if (c.total !== null) expect(c.total).toBeGreaterThanOrEqual(3);
      for (const cell of c.sectors) expect(cell.total, `${c.adcode} ${cell.category}`).toBeGreaterThanOrEqual(3);
    }
    for (const cell of st.sectors) expect(cell.total).toBeGreaterThanOrEqual(3);
  });

  it('merges a county’s small sectors into other (a lone site cannot be singled out)', async () => {
    const [dept] = await sql<{ id: string }[]>`SELECT id FROM departments LIMIT 1`;
    const [county] = await sql<{ adcode: number }[]>`SELECT adcode FROM counties ORDER BY adcode DESC LIMIT 1`;
    await sql`INSERT INTO sites (id, name_zh, name_en, category, county_adcode, department_id, geom, rollout_state)
              VALUES ('ZZ-HAZ-901', '测试危化单位', 'Test hazchem site', 'hazchem', ${county.adcode}, ${dept.id}, ST_SetSRID(ST_MakePoint(98.123456, 30.654321), 4326), 'in_service')`;
    try {
      const st = await computeStats(sql);
      const c = st.counties.find((x) => x.adcode === county.adcode)!;
      const cats = c.sectors.map((x) => x.category);
      const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites WHERE county_adcode = ${county.adcode} AND category = 'hazchem'`;
      if (n < 3) expect(cats).not.toContain('hazchem');
      for (const cell of c.sectors) expect(cell.total).toBeGreaterThanOrEqual(3);
    } finally {
      await sql`DELETE FROM sites WHERE id = 'ZZ-HAZ-901'`;
    }
  });
});
