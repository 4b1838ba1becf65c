/**
 * The simulated fleet from PostGIS: registryFromDb (db/seed) grouped per device, plus each device's firmware
 * and its site's county. One DeviceSpec per device: seed = hash(SEED, county) so every county has its own
 * sky (weather is keyed on the spec seed) and each circuit its own parameters; capabilities (voltage, arc,
 * ambient) are a deterministic property of the device id (75 / 85 / 95 %, as in the physics scenarios).
 */
import type { Sql } from '../../platform/db.ts';
import { registryFromDb } from '../../db/seed/index.ts';
import type { RegistryEntry } from '../../lib/protocol/v1.ts';
import { hash32, hashString, unit, type DeviceSpec, type Injection } from '../../lib/physics/index.ts';
import { deviceCaps } from '../../lib/physics/caps.ts';

export interface FleetDevice {
  spec: DeviceSpec;
  fw: string;
  rssi: number;
  county: number;
}

export interface FleetOptions {
  seed: number;
  intervalS: number;
  /** first N sites (by id) with devices; null = all */
  sites: number | null;
  duplicatesRate: number;
  dropoutRate: number;
}

/** Always-on transport conditions from --dropout-rate / --duplicates-rate (never cleared by control). */
export function baseTransport(dropoutRate: number, duplicatesRate: number): Injection[] {
  const out: Injection[] = [];
  if (dropoutRate > 0) out.push({ kind: 'dropout', class: 'transport', ch: null, onsetMs: 0, endMs: null, p: { pLoss: dropoutRate } });
  if (duplicatesRate > 0)
    out.push({ kind: 'duplicate', class: 'transport', ch: null, onsetMs: 0, endMs: null, p: { pDup: duplicatesRate } });
  return out;
}

/** Group registry entries into device specs (pure; entries of one device must share site and category). */
export function buildSpecs(
  entries: RegistryEntry[],
  meta: Map<string, { fw: string | null; county: number }>,
  o: Pick<FleetOptions, 'seed' | 'intervalS' | 'duplicatesRate' | 'dropoutRate'>,
): FleetDevice[] {
  const byDev = new Map<string, RegistryEntry[]>();
  for (const e of entries) {
    let l = byDev.get(e.device);
    if (!l) byDev.set(e.device, (l = []));
    l.push(e);
  }
  const out: FleetDevice[] = [];
  for (const [device, list] of byDev) {
    const m = meta.get(device) ?? { fw: null, county: 0 };
    const seed = m.county ? hash32(o.seed, m.county, 0xc0) : o.seed >>> 0;
    out.push({
      spec: {
        device,
        site: list[0].site,
        siteCategory: list[0].siteCategory,
        entries: list,
        seed,
        injections: baseTransport(o.dropoutRate, o.duplicatesRate),
        overrides: {},
        caps: deviceCaps(o.seed, device),
        intervalS: o.intervalS,
      },
      fw: m.fw ?? '1.4.1',
      rssi: -50 - Math.round(45 * unit(hash32(o.seed, hashString(device), 0x551))),
      county: m.county,
    });
  }
  return out;
}

export async function loadFleet(sql: Sql, o: FleetOptions): Promise<FleetDevice[]> {
  let siteIds: string[] | undefined;
  if (o.sites !== null) {
    const rows = await sql<{ id: string }[]>`
      SELECT s.id FROM sites s WHERE EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id) ORDER BY s.id LIMIT ${o.sites}`;
    siteIds = rows.map((r) => r.id);
  }
  const entries = await registryFromDb(sql, siteIds ? { siteIds } : {});
  const metaRows = await sql<{ id: string; fw: string | null; county: number }[]>`
    SELECT d.id, d.fw, s.county_adcode AS county FROM devices d JOIN sites s ON s.id = d.site_id
    WHERE ${siteIds ?? null}::text[] IS NULL OR d.site_id = ANY(${siteIds ?? null}::text[])`;
  const meta = new Map(metaRows.map((r) => [r.id, { fw: r.fw, county: r.county }]));
  return buildSpecs(entries, meta, o);
}
