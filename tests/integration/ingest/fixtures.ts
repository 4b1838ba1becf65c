/**
 * Test/benchmark fixtures for ingest: a handful of sites, devices and circuits under one id prefix, independent
 * of the seed (own county and department rows), removable again, plus protocol v1 message builders.
 */
import type { Sql } from '../../../platform/db.ts';
import type { Telemetry } from '../../../lib/protocol/v1.ts';

export const FIXTURE_COUNTY = 999901;
export const FIXTURE_DEPT = 'esms-fixture';

export interface FixtureDevice {
  id: string;
  site: string;
  channels: number[];
  circuitIds: number[];
}

export async function createFixture(sql: Sql, prefix: string, o: { sites: number; devicesPerSite: number; channels: number; category?: string }) {
  await sql`
    INSERT INTO counties (adcode, name_zh, name_en, name_pinyin, geom)
    VALUES (${FIXTURE_COUNTY}, '测试县', 'Fixture county', 'ceshixian',
      ST_GeomFromText('MULTIPOLYGON(((97 31, 97.1 31, 97.1 31.1, 97 31.1, 97 31)))', 4326))
    ON CONFLICT DO NOTHING`;
  await sql`INSERT INTO departments (id, name_zh, name_en, categories) VALUES (${FIXTURE_DEPT}, '测试部门', 'Fixture department', NULL) ON CONFLICT DO NOTHING`;
  const sites = Array.from({ length: o.sites }, (_, i) => ({
    id: `${prefix}-S${i + 1}`, name_zh: `测试单位${i + 1}`, name_en: `Fixture site ${i + 1}`, category: o.category ?? 'school',
    county_adcode: FIXTURE_COUNTY, department_id: FIXTURE_DEPT,
  }));
  for (let i = 0; i < sites.length; i += 1000) {
    const part = sites.slice(i, i + 1000);
    await sql`
      INSERT INTO sites (id, name_zh, name_en, category, county_adcode, department_id, geom)
      SELECT id, nz, ne, c, a, d, ST_SetSRID(ST_MakePoint(97.05, 31.05), 4326)
      FROM unnest(${part.map((s) => s.id)}::text[], ${part.map((s) => s.name_zh)}::text[], ${part.map((s) => s.name_en)}::text[],
        ${part.map((s) => s.category)}::text[], ${part.map((s) => s.county_adcode)}::int[], ${part.map((s) => s.department_id)}::text[])
        AS x(id, nz, ne, c, a, d)`;
  }
  const devices: FixtureDevice[] = [];
  for (const s of sites) for (let d = 1; d <= o.devicesPerSite; d++) devices.push({ id: `${s.id}-D${d}`, site: s.id, channels: [], circuitIds: [] });
  for (let i = 0; i < devices.length; i += 2000) {
    const part = devices.slice(i, i + 2000);
    await sql`INSERT INTO devices (id, site_id) SELECT * FROM unnest(${part.map((d) => d.id)}::text[], ${part.map((d) => d.site)}::text[])`;
    const dev: string[] = [], ch: number[] = [], site: string[] = [];
    for (const d of part) {
      for (let c = 1; c <= o.channels; c++) {
        dev.push(d.id);
        ch.push(c);
        site.push(d.site);
      }
    }
    const rows = await sql<{ id: number; device_id: string; ch: number }[]>`
      INSERT INTO circuits (device_id, ch, site_id, name_zh, name_en, phases, rated_current_a, cable_mm2, insulation, max_conductor_c, load_type)
      SELECT d, c, s, '回路' || c, 'Circuit ' || c, 1, 32, 6, 'PVC', 70, 'mixed'
      FROM unnest(${dev}::text[], ${ch}::int[], ${site}::text[]) AS x(d, c, s)
      RETURNING id, device_id, ch`;
    const byId = new Map(part.map((d) => [d.id, d]));
    for (const r of rows.sort((a, b) => a.ch - b.ch)) {
      const d = byId.get(r.device_id)!;
      d.channels.push(r.ch);
      d.circuitIds.push(r.id);
    }
  }
  return { sites: sites.map((s) => s.id), devices };
}

export async function dropFixture(sql: Sql, prefix: string) {
  const like = `${prefix}-%`;
  const circuits = await sql<{ id: number }[]>`SELECT id FROM circuits WHERE device_id LIKE ${like}`;
  const ids = circuits.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 5000) {
    const part = ids.slice(i, i + 5000);
    await sql`DELETE FROM readings WHERE circuit_id = ANY(${part}::int[])`;
    await sql`DELETE FROM readings_1m WHERE circuit_id = ANY(${part}::int[])`;
    await sql`DELETE FROM readings_1h WHERE circuit_id = ANY(${part}::int[])`;
  }
  await sql`DELETE FROM detection_state WHERE device_id LIKE ${like} OR device_id = '*engine'`;
  await sql`DELETE FROM quarantine WHERE device_id LIKE ${like} OR topic LIKE ${'%' + like}`;
  await sql`DELETE FROM quarantine_counters WHERE device_id LIKE ${like}`;
  await sql`DELETE FROM sites WHERE id LIKE ${like}`;
}

/** A valid telemetry message for device `d` (4-wire single-phase values, within every range). */
export function telemetry(d: FixtureDevice, seq: number, ts: number, salt = 0): Telemetry {
  return {
    v: 1,
    device: d.id,
    seq,
    ts,
    channels: d.channels.map((ch) => ({ ch, ia: 5 + ((seq + ch + salt) % 10), ir: 20 + (seq % 7), ta: 30 + (ch % 5), tn: 29 })),
    ambient: { t: 12, rh: 40 },
  };
}

export const topicOf = (d: FixtureDevice, kind = 'telemetry') => `esms/v1/${d.site}/${d.id}/${kind}`;
