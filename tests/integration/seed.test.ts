/**
 * The Changdu seed against real PostGIS. Uses scratch databases of its own (never the shared test database, whose
 * seed other tests rely on): on the server of TEST_DATABASE_URL / the run's injected dbUrl when there is one,
 * else on a throwaway local cluster.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import getPort from 'get-port';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSql, type Sql } from '../../platform/db.ts';
import { runMigrations } from '../../db/migrate.ts';
import { registryFromDb, seedDatabase, exportRegistryJson } from '../../db/seed/index.ts';
import { registryFileSchema } from '../../lib/protocol/v1.ts';
import { destroyLocalPostgres, startLocalPostgres, type LocalPg } from '../../platform/infra/pg-local.ts';

const SITES = 300;
const SEED = 11;
let pg: LocalPg | null = null;
let tmp: string | null = null;
let admin: Sql;
let baseUrl: string;
const created: string[] = [];
const open: Sql[] = [];

function injected(): string | undefined {
  try {
    return (inject as unknown as (k: string) => string | undefined)('dbUrl');
  } catch {
    return undefined;
  }
}

async function freshDb(name: string): Promise<Sql> {
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  created.push(name);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const sql = createSql(u.toString(), { max: 3, app: 'esms-seed-test' });
  open.push(sql);
  await runMigrations(sql);
  return sql;
}

const md5 = async (sql: Sql, table: string) =>
  (await sql.unsafe(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM (SELECT * FROM ${table}) t`))[0].h as string;

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL ?? injected();
  if (url) baseUrl = url;
  else {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'esms-seed-it-'));
    chmodSync(tmp, 0o755);
    pg = startLocalPostgres({ dataDir: path.join(tmp, 'pg'), port: await getPort({ port: [56400, 56401, 56402] }) });
    baseUrl = pg.url;
  }
  const u = new URL(baseUrl);
  u.pathname = '/postgres';
  admin = createSql(u.toString(), { max: 1, app: 'esms-seed-test-admin' });
});

afterAll(async () => {
  for (const s of open) await s.end();
  for (const name of created) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin?.end();
  if (pg) destroyLocalPostgres(pg);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('seedDatabase', () => {
  let a: Sql;

  it('seeds a fresh database quickly', async () => {
    a = await freshDb('esms_seed_it_a');
    const s = await seedDatabase(a, { seed: SEED, sites: SITES });
    expect(s.seeded).toBe(true);
    expect(s.skipped).toBe(false);
    expect(s.sites).toBe(SITES);
    expect(s.circuits).toBeGreaterThan(3000);
    expect(s.users).toBeGreaterThanOrEqual(15);
    const [c] = await a`SELECT (SELECT count(*) FROM sites)::int AS sites, (SELECT count(*) FROM circuits)::int AS circuits,
      (SELECT count(*) FROM counties)::int AS counties, (SELECT count(*) FROM departments)::int AS departments,
      (SELECT count(*) FROM roles)::int AS roles`;
    expect(c).toEqual({ sites: SITES, circuits: s.circuits, counties: 11, departments: 9, roles: 8 });
  });

  it('places every site inside its county polygon; geometries are valid, SRID 4326', async () => {
    const [r] = await a`
      SELECT (SELECT count(*) FROM sites s JOIN counties c ON c.adcode = s.county_adcode WHERE NOT ST_Contains(c.geom, s.geom))::int AS outside,
             (SELECT count(*) FROM buildings b JOIN sites s ON s.id = b.site_id JOIN counties c ON c.adcode = s.county_adcode
               WHERE NOT ST_Contains(c.geom, b.footprint))::int AS buildings_outside,
             (SELECT count(*) FROM buildings WHERE NOT ST_IsValid(footprint))::int AS invalid,
             (SELECT count(*) FROM buildings a JOIN buildings b ON a.id < b.id AND ST_Intersects(a.footprint, b.footprint))::int AS overlapping,
             (SELECT array_agg(DISTINCT ST_SRID(geom)) FROM sites) AS site_srid,
             (SELECT array_agg(DISTINCT ST_SRID(geom)) FROM counties) AS county_srid,
             (SELECT array_agg(DISTINCT ST_SRID(seat)) FROM counties) AS seat_srid,
             (SELECT array_agg(DISTINCT ST_SRID(footprint)) FROM buildings) AS building_srid,
             (SELECT array_agg(DISTINCT GeometryType(geom)) FROM counties) AS county_type`;
    expect(r).toEqual({
      outside: 0, buildings_outside: 0, invalid: 0, overlapping: 0, site_srid: [4326], county_srid: [4326],
      seat_srid: [4326], building_srid: [4326], county_type: ['MULTIPOLYGON'],
    });
    // every category in every county, even at 300 sites
    const [cov] = await a`SELECT count(DISTINCT (county_adcode, category))::int AS n FROM sites`;
    expect(cov.n).toBe(110);
    const real = await a`SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM sites WHERE name_zh = '强巴林寺'`;
    expect(real).toEqual([{ id: 'KR-TMP-001', lon: 97.1778, lat: 31.1433 }]);
  });

  it('assigns demo users their sites and devices', async () => {
    const qbl = await a`SELECT us.site_id FROM user_sites us JOIN users u ON u.id = us.user_id WHERE u.username = 'qbl'`;
    expect(qbl.map((r) => r.site_id)).toEqual(['KR-TMP-001']);
    const [tech] = await a`
      SELECT count(*)::int AS assigned,
             (SELECT count(*)::int FROM devices d JOIN sites s ON s.id = d.site_id
               WHERE s.county_adcode = 540302 AND s.category IN ('temple', 'relic')) AS expected
      FROM user_devices ud JOIN users u ON u.id = ud.user_id WHERE u.username = 'tech'`;
    expect(tech.assigned).toBe(tech.expected);
    expect(tech.assigned).toBeGreaterThan(0);
  });

  it('is a no-op the second time', async () => {
    const before = await md5(a, 'sites');
    const s = await seedDatabase(a, { seed: SEED + 1, sites: 500 });
    expect(s.seeded).toBe(false);
    expect(s.skipped).toBe(true);
    expect(s.sites).toBe(SITES);
    expect(await md5(a, 'sites')).toBe(before);
  });

  it('is deterministic: same seed on another fresh database → identical rows', async () => {
    const b = await freshDb('esms_seed_it_b');
    await seedDatabase(b, { seed: SEED, sites: SITES });
    for (const t of ['sites', 'buildings', 'panels', 'devices', 'circuits', 'counties'])
      expect(await md5(b, t), t).toBe(await md5(a, t));
    // force: truncate and reseed; a different seed changes the data, the same seed restores it
    const other = await seedDatabase(b, { seed: SEED + 1, sites: SITES, force: true });
    expect(other.seeded).toBe(true);
    expect(await md5(b, 'sites')).not.toBe(await md5(a, 'sites'));
    await seedDatabase(b, { seed: SEED, sites: SITES, force: true });
    expect(await md5(b, 'circuits')).toBe(await md5(a, 'circuits'));
    const [m] = await b`SELECT value FROM meta WHERE key = 'seed'`;
    expect(m.value).toMatchObject({ seed: SEED, sites: SITES, version: 1 });
  });

  it('exports a registry the simulator and detector accept', async () => {
    const all = await registryFromDb(a);
    const [c] = await a`SELECT count(*)::int AS n FROM circuits`;
    expect(all.length).toBe(c.n);
    expect(() => registryFileSchema.parse(all)).not.toThrow();
    const one = await registryFromDb(a, { siteIds: ['KR-TMP-001'] });
    expect(one.length).toBeGreaterThan(400);
    expect(new Set(one.map((e) => e.site))).toEqual(new Set(['KR-TMP-001']));
    const limited = await registryFromDb(a, { limitDevices: 3 });
    expect(new Set(limited.map((e) => e.device)).size).toBe(3);
    const json = await exportRegistryJson(a, { filter: { categories: ['gas'] } });
    const parsed = registryFileSchema.parse(JSON.parse(json));
    expect(parsed.every((e) => e.siteCategory === 'gas')).toBe(true);
  });
});
