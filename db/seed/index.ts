/**
 * The Changdu seed: real counties, seats and 32 real sites from db/seed/changdu plus generated sites,
 * buildings, panels, detectors and circuits (see README.md). Deterministic from the seed number; one
 * transaction; first run only (meta key 'seed') unless { force: true }.
 */
import { writeFileSync } from 'node:fs';
import type { Sql } from '../../platform/db.ts';
import { registryEntryOf, type CircuitEntryRow } from '../registry-entry.ts';
import { DEPARTMENT_INFO, DEPARTMENTS, ROLE_INFO, ROLES } from '../../lib/domain/vocabulary/index.ts';
import { registryFileSchema, type RegistryEntry, type SiteCategory } from '../../lib/protocol/v1.ts';
import { hashPassword } from '../../platform/password.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';
import { loadChangduData, resolveDataDir } from './data.ts';
import { DEFAULT_SEED, DEFAULT_SITES, generateSeedData, SEED_VERSION, type SeedData } from './generate.ts';
import { pointWkt, polygonWkt } from './geo.ts';

export { generateSeedData, DEFAULT_SEED, DEFAULT_SITES, SEED_VERSION } from './generate.ts';
export { loadChangduData, resolveDataDir } from './data.ts';

export interface SeedOptions {
  seed?: number;
  /** total number of sites, real ones included (default 1600) */
  sites?: number;
  /** the Changdu data folder; default db/seed/changdu in the repository */
  dataDir?: string;
  /** truncate the seeded tables (and everything that hangs off them) and seed again */
  force?: boolean;
  log?: (msg: string) => void;
}

export interface SeedSummary {
  /** false when the database was already seeded and nothing was done */
  seeded: boolean;
  /** !seeded: the first-run guard found an earlier seed */
  skipped: boolean;
  seed: number;
  sites: number;
  buildings: number;
  panels: number;
  devices: number;
  circuits: number;
  users: number;
  ms: number;
}

/** Tables written by the seed, plus the operational tables that reference seeded ids. */
const SEED_TABLES = [
  'user_devices', 'user_sites', 'sessions', 'hazards', 'alarms', 'device_events', 'detection_state',
  'readings', 'readings_1m', 'readings_1h', 'circuits', 'devices', 'panels', 'buildings', 'sites', 'users',
  'counties', 'departments', 'roles',
];

const CHUNK = 4000;

async function bulk(sql: Sql, table: string, recordset: string, select: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await sql.unsafe(`INSERT INTO ${table} SELECT ${select} FROM jsonb_to_recordset($1::text::jsonb) AS t(${recordset})`, [json]);
  }
}

async function counts(sql: Sql) {
  const [r] = await sql<{ sites: number; buildings: number; panels: number; devices: number; circuits: number; users: number }[]>`
    SELECT (SELECT count(*) FROM sites)::int AS sites, (SELECT count(*) FROM buildings)::int AS buildings,
           (SELECT count(*) FROM panels)::int AS panels, (SELECT count(*) FROM devices)::int AS devices,
           (SELECT count(*) FROM circuits)::int AS circuits, (SELECT count(*) FROM users)::int AS users`;
  return r;
}

export async function seedDatabase(sql: Sql, opts: SeedOptions = {}): Promise<SeedSummary> {
  const t0 = performance.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const total = opts.sites ?? DEFAULT_SITES;
  const log = opts.log ?? (() => {});
  const [existing] = await sql<{ value: unknown }[]>`SELECT value FROM meta WHERE key = 'seed'`;
  if (existing && !opts.force) {
    log('already seeded: nothing to do (use force to reseed)');
    const v = existing.value as { seed?: number };
    return { seeded: false, skipped: true, seed: v.seed ?? seed, ...(await counts(sql)), ms: Math.round(performance.now() - t0) };
  }

  const data = loadChangduData(resolveDataDir(opts.dataDir));
  const g = generateSeedData(data, { seed, sites: total });
  log(`generated ${g.sites.length} sites, ${g.circuits.length} circuits in ${Math.round(performance.now() - t0)} ms`);
  // Argon2 is slow on purpose: hash the shared demo password once
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  let users = 0;
  const done = await sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(hashtext('esms-seed'))`;
    const [again] = await tx`SELECT 1 FROM meta WHERE key = 'seed'`;
    if (again && !opts.force) return false;
    if (opts.force) {
      await tx.unsafe(`TRUNCATE ${SEED_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
      await tx`DELETE FROM meta WHERE key = 'seed'`;
    }
    await insertAll(tx as unknown as Sql, g, data.places, passwordHash);
    users = DEMO_ACCOUNTS.length;
    const meta = JSON.stringify({ seed, sites: g.sites.length, at: new Date().toISOString(), version: SEED_VERSION });
    await tx`INSERT INTO meta (key, value) VALUES ('seed', ${meta}::text::jsonb)`;
    return true;
  });
  if (!done) return { seeded: false, skipped: true, seed, ...(await counts(sql)), ms: Math.round(performance.now() - t0) };
  // planner statistics for the freshly loaded tables
  await sql`ANALYZE counties, sites, buildings, panels, devices, circuits`;
  const summary: SeedSummary = {
    seeded: true, skipped: false, seed, sites: g.sites.length, buildings: g.buildings.length, panels: g.panels.length,
    devices: g.devices.length, circuits: g.circuits.length, users, ms: Math.round(performance.now() - t0),
  };
  log(`seeded in ${summary.ms} ms`);
  return summary;
}

async function insertAll(tx: Sql, g: SeedData, places: ReturnType<typeof loadChangduData>['places'], passwordHash: string) {
  // reference data
  for (const role of ROLES) await tx`INSERT INTO roles (id, name_zh, name_en) VALUES (${role}, ${ROLE_INFO[role].zh}, ${ROLE_INFO[role].en})`;
  for (const d of DEPARTMENTS) {
    const info = DEPARTMENT_INFO[d];
    const cats = info.categories === 'all' ? null : info.categories;
    await tx`INSERT INTO departments (id, name_zh, name_en, categories) VALUES (${d}, ${info.zh}, ${info.en}, ${cats})`;
  }
  await bulk(tx, 'counties (adcode, name_zh, name_en, name_pinyin, geom, seat)',
    'adcode int, name_zh text, name_en text, name_pinyin text, g text, seat text',
    'adcode, name_zh, name_en, name_pinyin, ST_SetSRID(ST_Multi(ST_GeomFromGeoJSON(g)), 4326), ST_GeomFromText(seat, 4326)',
    g.counties.map((c) => {
      const seat = places.find((p) => p.kind === 'county_seat' && p.countyAdcode === c.data.adcode);
      return {
        adcode: c.data.adcode, name_zh: c.data.nameZh, name_en: c.data.nameEn, name_pinyin: c.data.namePinyin,
        g: c.data.geojson, seat: seat ? pointWkt(seat.lonlat) : null,
      };
    }));

  await bulk(tx, `sites (id, name_zh, name_en, category, county_adcode, department_id, address, contact_name, contact_phone,
      geom, generated, source, coord_quality, is_pilot, rollout_state, planned_at, surveyed_at, installed_at, commissioned_at,
      in_service_at, service_provider, power_ok, network_ok, status, created_at)`,
    `id text, name_zh text, name_en text, category text, county_adcode int, department_id text, address text,
      contact_name text, contact_phone text, g text, generated bool, source text, coord_quality text, is_pilot bool,
      rollout_state text, planned_at date, surveyed_at date, installed_at date, commissioned_at date, in_service_at date,
      service_provider text, power_ok bool, network_ok bool, created_at timestamptz`,
    `id, name_zh, name_en, category, county_adcode, department_id, address, contact_name, contact_phone,
      ST_GeomFromText(g, 4326), generated, source, coord_quality, is_pilot, rollout_state, planned_at, surveyed_at,
      installed_at, commissioned_at, in_service_at, service_provider, power_ok, network_ok, 'offline', created_at`,
    g.sites.map((s) => ({
      id: s.id, name_zh: s.nameZh, name_en: s.nameEn, category: s.category, county_adcode: s.countyAdcode,
      department_id: s.departmentId, address: s.address, contact_name: s.contactName, contact_phone: s.contactPhone,
      g: pointWkt(s.lonlat), generated: s.generated, source: s.source, coord_quality: s.coordQuality, is_pilot: s.isPilot,
      rollout_state: s.rolloutState, planned_at: s.plannedAt, surveyed_at: s.surveyedAt, installed_at: s.installedAt,
      commissioned_at: s.commissionedAt, in_service_at: s.inServiceAt, service_provider: s.serviceProvider,
      power_ok: s.powerOk, network_ok: s.networkOk, created_at: s.createdAt,
    })));

  await bulk(tx, 'buildings (id, site_id, name_zh, name_en, kind, footprint, floors, height_m, structure, built_year)',
    'id int, site_id text, name_zh text, name_en text, kind text, g text, floors int, height_m real, structure text, built_year int',
    'id, site_id, name_zh, name_en, kind, ST_GeomFromText(g, 4326), floors, height_m, structure, built_year',
    g.buildings.map((b) => ({
      id: b.id, site_id: b.siteId, name_zh: b.nameZh, name_en: b.nameEn, kind: b.kind, g: polygonWkt(b.ring),
      floors: b.floors, height_m: b.heightM, structure: b.structure, built_year: b.builtYear,
    })));

  await bulk(tx, 'panels (id, site_id, building_id, name, floor, x, y, z)',
    'id int, site_id text, building_id int, name text, floor int, x real, y real, z real', '*',
    g.panels.map((p) => ({ id: p.id, site_id: p.siteId, building_id: p.buildingId, name: p.name, floor: p.floor, x: p.x, y: p.y, z: p.z })));

  await bulk(tx, 'devices (id, site_id, panel_id, model, fw, report_interval_s)',
    'id text, site_id text, panel_id int, model text, fw text, report_interval_s int', '*',
    g.devices.map((d) => ({ id: d.id, site_id: d.siteId, panel_id: d.panelId, model: d.model, fw: d.fw, report_interval_s: d.reportIntervalS })));

  await bulk(tx, `circuits (id, device_id, ch, site_id, building_id, panel_id, name_zh, name_en, phases, rated_current_a, cable_mm2,
      insulation, max_conductor_c, load_type, report_interval_s, residual_set_ma, route)`,
    `id int, device_id text, ch int, site_id text, building_id int, panel_id int, name_zh text, name_en text, phases smallint,
      rated_current_a real, cable_mm2 real, insulation text, max_conductor_c real, load_type text, report_interval_s int,
      residual_set_ma int, route jsonb`, '*',
    g.circuits.map((c) => ({
      id: c.id, device_id: c.deviceId, ch: c.ch, site_id: c.siteId, building_id: c.buildingId, panel_id: c.panelId,
      name_zh: c.nameZh, name_en: c.nameEn, phases: c.phases, rated_current_a: c.ratedCurrentA, cable_mm2: c.cableMm2,
      insulation: c.insulation, max_conductor_c: c.maxConductorC, load_type: c.loadType, report_interval_s: c.reportIntervalS,
      residual_set_ma: c.residualSetMa, route: c.route,
    })));

  // users, with explicit ids so that a reseed gives the same ids
  const userRows = DEMO_ACCOUNTS.map((a, i) => ({
    id: i + 1, username: a.username, password_hash: passwordHash, display_name: a.displayName, role: a.role,
    department_id: a.departmentId ?? null, county_adcode: a.countyAdcode ?? null,
    email: `${a.username}@esms.changdu.example`,
    phone: ['site_manager', 'technician'].includes(a.role) ? `1390895${String(1000 + i * 37).padStart(4, '0')}` : `0895-48${String(21000 + i * 113).slice(-5)}`,
    created_at: '2018-09-30T00:00:00.000Z',
  }));
  await bulk(tx, 'users (id, username, password_hash, display_name, role, department_id, county_adcode, email, phone, created_at)',
    `id int, username text, password_hash text, display_name text, role text, department_id text, county_adcode int,
      email text, phone text, created_at timestamptz`, '*', userRows);

  const userSites: { user_id: number; site_id: string }[] = [];
  const userDevices: { user_id: number; device_id: string }[] = [];
  DEMO_ACCOUNTS.forEach((a, i) => {
    if (a.siteNames) for (const s of g.sites) if (a.siteNames.includes(s.nameZh)) userSites.push({ user_id: i + 1, site_id: s.id });
    if (a.techCounty) {
      const sites = new Set(g.sites.filter((s) => s.countyAdcode === a.techCounty && (s.category === 'temple' || s.category === 'relic')).map((s) => s.id));
      for (const d of g.devices) if (sites.has(d.siteId)) userDevices.push({ user_id: i + 1, device_id: d.id });
    }
  });
  await bulk(tx, 'user_sites (user_id, site_id)', 'user_id int, site_id text', '*', userSites);
  await bulk(tx, 'user_devices (user_id, device_id)', 'user_id int, device_id text', '*', userDevices);

  for (const [table, col] of [['buildings', 'id'], ['panels', 'id'], ['circuits', 'id'], ['users', 'id']] as const)
    await tx.unsafe(`SELECT setval(pg_get_serial_sequence('${table}', '${col}'), GREATEST((SELECT max(${col}) FROM ${table}), 1))`);
}

// ---- registry ----------------------------------------------------------------------------------

export interface RegistryFilter {
  siteIds?: string[];
  deviceIds?: string[];
  counties?: number[];
  categories?: SiteCategory[];
  /** at most this many devices (in id order) — for small simulator runs */
  limitDevices?: number;
}

/** The circuit registry (lib/protocol/v1.ts RegistryEntry) for the simulator and the detection worker. */
export async function registryFromDb(sql: Sql, filter: RegistryFilter = {}): Promise<RegistryEntry[]> {
  const siteIds = filter.siteIds ?? null;
  const deviceIds = filter.deviceIds ?? null;
  const counties = filter.counties ?? null;
  const categories = filter.categories ?? null;
  const limit = filter.limitDevices ?? null;
  const rows = await sql<(CircuitEntryRow & { site: string; site_category: string })[]>`
    WITH d AS (
      SELECT d.id FROM devices d JOIN sites s ON s.id = d.site_id
      WHERE (${siteIds}::text[] IS NULL OR d.site_id = ANY(${siteIds}::text[]))
        AND (${deviceIds}::text[] IS NULL OR d.id = ANY(${deviceIds}::text[]))
        AND (${counties}::int[] IS NULL OR s.county_adcode = ANY(${counties}::int[]))
        AND (${categories}::text[] IS NULL OR s.category = ANY(${categories}::text[]))
      ORDER BY d.id
      LIMIT ${limit}::int
    )
    SELECT c.device_id, c.ch, c.site_id AS site, s.category AS site_category, c.phases, c.rated_current_a,
           c.cable_mm2, c.insulation, c.max_conductor_c, c.load_type, c.report_interval_s
    FROM circuits c JOIN d ON d.id = c.device_id JOIN sites s ON s.id = c.site_id
    ORDER BY c.device_id, c.ch`;
  return rows.map((r) => registryEntryOf(r, r.site, r.site_category));
}

/** The registry as validated JSON text (registryFileSchema); written to `file` when given. */
export async function exportRegistryJson(sql: Sql, opts: { file?: string; filter?: RegistryFilter } = {}): Promise<string> {
  const entries = registryFileSchema.parse(await registryFromDb(sql, opts.filter));
  const json = JSON.stringify(entries);
  if (opts.file) writeFileSync(opts.file, json);
  return json;
}
