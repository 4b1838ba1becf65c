/**
 * What ingest knows about devices, circuits and sites, loaded from PostGIS and reloaded when registry_version
 * (migration 0009) has moved, so newly commissioned devices are picked up without a restart.
 */
import type { Sql } from '../../platform/db.ts';
import { registryEntryOf, type CircuitEntryRow } from '../../db/registry-entry.ts';
import type { RegistryEntry } from '../../lib/protocol/v1.ts';

export interface SiteInfo {
  id: string;
  nameZh: string;
  category: string;
  countyAdcode: number;
  /** as persisted when the registry was loaded */
  status: string;
  lastSeenAt: number | null;
}
export interface CircuitInfo {
  id: number;
  device: string;
  ch: number;
  nameZh: string;
  entry: RegistryEntry;
}
export interface DeviceInfo {
  id: string;
  siteId: string;
  reportIntervalS: number;
  circuits: Map<number, CircuitInfo>;
}
export interface DeviceCounters {
  lastSeq: number | null;
  online: boolean;
  lastSeenAt: number | null;
}

export class Registry {
  devices = new Map<string, DeviceInfo>();
  sites = new Map<string, SiteInfo>();
  circuitsById = new Map<number, CircuitInfo>();
  loadedAt = 0;
  version = 0;
  /** registry_version as read just before the last load (migration 0009); null before the first */
  dbVersion: string | null = null;

  device(id: string): DeviceInfo | undefined {
    return this.devices.get(id);
  }
  entries(): RegistryEntry[] {
    return [...this.circuitsById.values()].map((c) => c.entry);
  }

  /** Has anything the registry holds changed in the database since the last load? One tiny read. */
  async stale(sql: Sql): Promise<boolean> {
    return (await readVersion(sql)) !== this.dbVersion;
  }

  /** Replace the whole registry; returns the device counters persisted in the table (seq accounting, liveness). */
  async load(sql: Sql): Promise<Map<string, DeviceCounters>> {
    // read first: a change made while loading moves it again, so the next check reloads
    const dbVersion = await readVersion(sql);
    const sites = await sql<{ id: string; name_zh: string; category: string; county_adcode: number; status: string; last_seen_at: Date | null }[]>`
      SELECT id, name_zh, category, county_adcode, status, last_seen_at FROM sites`;
    const devices = await sql<
      { id: string; site_id: string; report_interval_s: number; last_seq: number | null; online: boolean; last_seen_at: Date | null }[]
    >`SELECT id, site_id, report_interval_s, last_seq, online, last_seen_at FROM devices`;
    const circuits = await sql<(CircuitEntryRow & { id: number; site_id: string; name_zh: string })[]>`SELECT id, device_id, ch, site_id, name_zh, phases, rated_current_a, cable_mm2, insulation, max_conductor_c, load_type,
             report_interval_s FROM circuits`;
    const siteMap = new Map<string, SiteInfo>();
    for (const s of sites) {
      siteMap.set(s.id, {
        id: s.id, nameZh: s.name_zh, category: s.category, countyAdcode: s.county_adcode, status: s.status,
        lastSeenAt: s.last_seen_at ? s.last_seen_at.getTime() : null,
      });
    }
    const devMap = new Map<string, DeviceInfo>();
    const counters = new Map<string, DeviceCounters>();
    for (const d of devices) {
      devMap.set(d.id, { id: d.id, siteId: d.site_id, reportIntervalS: d.report_interval_s, circuits: new Map() });
      counters.set(d.id, { lastSeq: d.last_seq, online: d.online, lastSeenAt: d.last_seen_at ? d.last_seen_at.getTime() : null });
    }
    const byId = new Map<number, CircuitInfo>();
    for (const c of circuits) {
      const dev = devMap.get(c.device_id);
      const site = siteMap.get(c.site_id);
      if (!dev || !site) continue;
      const info: CircuitInfo = {
        id: c.id,
        device: c.device_id,
        ch: c.ch,
        nameZh: c.name_zh,
        entry: registryEntryOf(c, c.site_id, site.category),
      };
      dev.circuits.set(c.ch, info);
      byId.set(c.id, info);
    }
    this.sites = siteMap;
    this.devices = devMap;
    this.circuitsById = byId;
    this.loadedAt = Date.now();
    this.version += 1;
    this.dbVersion = dbVersion;
    return counters;
  }
}

async function readVersion(sql: Sql): Promise<string> {
  const [row] = await sql<{ v: string }[]>`SELECT v::text AS v FROM registry_version`;
  return row?.v ?? '';
}
