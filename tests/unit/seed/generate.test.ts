import { beforeAll, describe, expect, it } from 'vitest';
import { loadChangduData, resolveDataDir, type ChangduData } from '../../../db/seed/data.ts';
import { generateSeedData, type SeedData } from '../../../db/seed/generate.ts';
import { BREAKERS, CABLE_FOR_BREAKER, INSTRUMENTED } from '../../../db/seed/buildings.ts';
import { CAT3 } from '../../../db/seed/sites.ts';
import { pointInMultiPolygon, pointInRing, toMetres } from '../../../db/seed/geo.ts';
import { ID_RE, INSULATION_LIMIT_C, registryEntrySchema, SITE_CATEGORIES } from '../../../lib/protocol/v1.ts';
import { CATEGORIES } from '../../../lib/domain/vocabulary/index.ts';
import { COUNTY_CODES, KARUO } from '../../../lib/domain/counties.ts';

let data: ChangduData;
let full: SeedData;

beforeAll(() => {
  data = loadChangduData(resolveDataDir());
  full = generateSeedData(data, { seed: 2018 });
});

describe('seed generation: determinism', () => {
  it('same seed → identical rows, ids included', () => {
    const a = generateSeedData(data, { seed: 42, sites: 300 });
    const b = generateSeedData(data, { seed: 42, sites: 300 });
    expect(JSON.stringify(b.sites)).toBe(JSON.stringify(a.sites));
    expect(JSON.stringify(b.buildings)).toBe(JSON.stringify(a.buildings));
    expect(JSON.stringify(b.circuits)).toBe(JSON.stringify(a.circuits));
  });
  it('another seed → other generated sites, same real ones', () => {
    const a = generateSeedData(data, { seed: 1, sites: 300 });
    const b = generateSeedData(data, { seed: 2, sites: 300 });
    expect(JSON.stringify(b.sites.filter((s) => s.generated).map((s) => s.lonlat))).not.toBe(
      JSON.stringify(a.sites.filter((s) => s.generated).map((s) => s.lonlat)),
    );
    expect(b.sites.filter((s) => !s.generated).map((s) => s.lonlat)).toEqual(a.sites.filter((s) => !s.generated).map((s) => s.lonlat));
  });
});

describe('seed generation: default size', () => {
  it('≥ 1500 sites and ≥ 30,000 circuits', () => {
    expect(full.sites.length).toBe(1600);
    expect(full.circuits.length).toBeGreaterThanOrEqual(30_000);
  });

  it('ids are valid, unique and follow {COUNTY}-{CAT3}-{NNN}', () => {
    const ids = new Set<string>();
    for (const s of full.sites) {
      expect(s.id).toMatch(ID_RE);
      expect(s.id).toMatch(new RegExp(`^${COUNTY_CODES[s.countyAdcode]}-${CAT3[s.category]}-\\d{3}$`));
      expect(ids.has(s.id)).toBe(false);
      ids.add(s.id);
    }
    const devs = new Set<string>();
    for (const d of full.devices) {
      expect(d.id).toMatch(ID_RE);
      expect(d.id.startsWith(`${d.siteId}-D`)).toBe(true);
      expect(devs.has(d.id)).toBe(false);
      devs.add(d.id);
    }
  });

  it('every category in every county, department from the catalog', () => {
    for (const c of data.counties)
      for (const cat of SITE_CATEGORIES)
        expect(full.sites.some((s) => s.countyAdcode === c.adcode && s.category === cat), `${c.nameZh} ${cat}`).toBe(true);
    for (const s of full.sites) expect(s.departmentId).toBe(CATEGORIES[s.category].department);
    // malls mostly in Karuo; several welfare homes per county
    const malls = full.sites.filter((s) => s.category === 'mall');
    expect(malls.filter((s) => s.countyAdcode === KARUO).length).toBeGreaterThan(malls.length / 2);
    for (const c of data.counties) expect(full.sites.filter((s) => s.countyAdcode === c.adcode && s.category === 'welfare').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps all real places with their exact coordinates and a Chinese name', () => {
    const real = full.sites.filter((s) => !s.generated);
    expect(real.length).toBe(data.realSites.length);
    for (const row of data.realSites) {
      const s = real.find((x) => x.nameEn === row.nameEn && x.category === row.category);
      expect(s, row.nameEn).toBeDefined();
      expect(s!.lonlat).toEqual(row.lonlat);
      expect(s!.coordQuality).toBe(row.coordQuality);
      expect(s!.source.startsWith(row.source)).toBe(true);
      expect(s!.nameZh.length).toBeGreaterThan(0);
    }
    const qbl = full.sites.find((s) => s.id === 'KR-TMP-001')!;
    expect(qbl.nameZh).toBe('强巴林寺');
  });

  it('every site lies inside its county polygon', () => {
    const poly = new Map(data.counties.map((c) => [c.adcode, c.polygons]));
    for (const s of full.sites) expect(pointInMultiPolygon(s.lonlat, poly.get(s.countyAdcode)!), s.id).toBe(true);
  });

  it('generated names are unique and Chinese first', () => {
    const names = full.sites.map((s) => s.nameZh);
    expect(new Set(names).size).toBe(names.length);
    for (const s of full.sites) {
      expect(s.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(s.nameEn.length).toBeGreaterThan(0);
      expect(s.address.startsWith('西藏自治区昌都市')).toBe(true);
      expect(s.contactPhone).toMatch(/^1\d{10}$/);
    }
  });

  it('rollout: pilots in Karuo 3–4 per sector in Oct–Nov 2018, phase-4 dates, date order', () => {
    for (const cat of SITE_CATEGORIES) {
      const n = full.sites.filter((s) => s.countyAdcode === KARUO && s.category === cat && s.isPilot).length;
      const available = full.sites.filter((s) => s.countyAdcode === KARUO && s.category === cat).length;
      expect(n).toBe(Math.min(n, available));
      if (available >= 3) expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(4);
    }
    for (const c of data.counties) {
      if (c.adcode === KARUO) continue;
      const n = full.sites.filter((s) => s.countyAdcode === c.adcode && s.isPilot).length;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(4);
    }
    expect(full.sites.find((s) => s.id === 'KR-TMP-001')!.isPilot).toBe(true);
    const states: Record<string, number> = {};
    const bad: string[] = [];
    const order = ['planned', 'surveyed', 'installed', 'commissioned', 'in_service'];
    for (const s of full.sites) {
      states[s.rolloutState] = (states[s.rolloutState] ?? 0) + 1;
      const all = [s.plannedAt, s.surveyedAt, s.installedAt, s.commissionedAt, s.inServiceAt];
      const dates = all.filter((d): d is string => !!d);
      if (dates.join() !== [...dates].sort().join()) bad.push(`${s.id} dates out of order ${dates.join()}`);
      if (dates.length !== order.indexOf(s.rolloutState) + 1 || all.indexOf(null) !== (dates.length === 5 ? -1 : dates.length))
        bad.push(`${s.id} ${s.rolloutState} with dates ${all.join()}`);
      if (s.isPilot) {
        if (s.rolloutState !== 'in_service' || !(s.inServiceAt! >= '2018-10-01' && s.inServiceAt! <= '2018-11-30')) bad.push(`${s.id} pilot ${s.inServiceAt}`);
      } else if (s.inServiceAt && !(s.inServiceAt >= '2018-12-01' && s.inServiceAt <= '2021-05-10')) bad.push(`${s.id} in service ${s.inServiceAt}`);
      if ((!s.powerOk || !s.networkOk) && !['planned', 'surveyed'].includes(s.rolloutState)) bad.push(`${s.id} no power/network but ${s.rolloutState}`);
      if (s.rolloutState !== 'planned' && !s.serviceProvider) bad.push(`${s.id} without provider`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
    expect(states.in_service / full.sites.length).toBeGreaterThan(0.55);
    expect((states.planned ?? 0) + (states.surveyed ?? 0)).toBeGreaterThan(0);
  });

  it('only installed / commissioned / in-service sites have detectors', () => {
    const withDevices = new Set(full.devices.map((d) => d.siteId));
    for (const s of full.sites) expect(withDevices.has(s.id)).toBe(INSTRUMENTED.has(s.rolloutState));
  });

  it('circuits: breaker ↔ cable, insulation limit, 4–16 channels per detector, registry-valid', () => {
    const siteCat = new Map(full.sites.map((s) => [s.id, s.category]));
    const byDevice = new Map<string, number[]>();
    const bad: string[] = [];
    for (const c of full.circuits) {
      if (!(BREAKERS as readonly number[]).includes(c.ratedCurrentA)) bad.push(`${c.id} breaker ${c.ratedCurrentA}`);
      if (c.cableMm2 !== CABLE_FOR_BREAKER[c.ratedCurrentA]) bad.push(`${c.id} cable ${c.cableMm2} for ${c.ratedCurrentA} A`);
      if (c.maxConductorC !== INSULATION_LIMIT_C[c.insulation]) bad.push(`${c.id} max conductor`);
      if (c.residualSetMa !== 300) bad.push(`${c.id} residual`);
      const r = registryEntrySchema.safeParse({
        device: c.deviceId, ch: c.ch, site: c.siteId, siteCategory: siteCat.get(c.siteId), phases: c.phases,
        ratedCurrentA: c.ratedCurrentA, cableMm2: c.cableMm2, insulation: c.insulation, maxConductorC: c.maxConductorC,
        loadType: c.loadType, reportIntervalS: c.reportIntervalS,
      });
      if (!r.success) bad.push(`${c.id} registry: ${r.error.message}`);
      const list = byDevice.get(c.deviceId) ?? [];
      list.push(c.ch);
      byDevice.set(c.deviceId, list);
    }
    for (const d of full.devices) {
      const chs = byDevice.get(d.id) ?? [];
      const cap = d.model === 'ESMS-DT4' ? 4 : d.model === 'ESMS-DT8' ? 8 : 16;
      if (chs.length < 4 || chs.length > cap) bad.push(`${d.id} ${chs.length} channels on ${d.model}`);
      if (chs.some((ch, i) => ch !== i + 1)) bad.push(`${d.id} channels not 1..n`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
    const loads = new Set(full.circuits.map((c) => c.loadType));
    expect([...loads].sort()).toEqual(['heating', 'lighting', 'mixed', 'motor', 'sockets']);
    // mains are three-phase; old temple wiring includes rubber-insulated cable
    expect(full.circuits.filter((c) => c.nameEn === 'Incomer' && c.phases === 3).length).toBeGreaterThan(full.devices.length / 4);
    expect(full.circuits.some((c) => c.insulation === 'rubber')).toBe(true);
  });

  it('routes (3–8 points) and panels lie inside their footprint, up to the roof', () => {
    const building = new Map(full.buildings.map((b) => [b.id, b]));
    // footprint in building-local metres: x east, y north of the first vertex
    const local = new Map(full.buildings.map((b) => [b.id, b.ring.map((p) => toMetres(b.ring[0], p))]));
    const inside = (id: number, x: number, y: number) => {
      const ring = local.get(id)!;
      // 1 cm tolerance for the 7-decimal degree rounding
      return pointInRing(x, y, ring) || [[0.01, 0], [-0.01, 0], [0, 0.01], [0, -0.01]].some(([dx, dy]) => pointInRing(x + dx, y + dy, ring));
    };
    const bad: string[] = [];
    for (const p of full.panels) {
      if (!inside(p.buildingId, p.x, p.y)) bad.push(`panel ${p.id} outside`);
      if (p.floor >= building.get(p.buildingId)!.floors) bad.push(`panel ${p.id} floor`);
    }
    for (const c of full.circuits) {
      if (c.route.length < 3 || c.route.length > 8) bad.push(`circuit ${c.id} has ${c.route.length} points`);
      const b = building.get(c.buildingId)!;
      for (const [x, y, z] of c.route) {
        if (!inside(c.buildingId, x, y)) bad.push(`circuit ${c.id} point ${x},${y} outside`);
        if (!(z > 0 && z <= b.heightM)) bad.push(`circuit ${c.id} z ${z}`);
      }
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('building footprints of a site do not overlap', () => {
    const bySite = new Map<string, typeof full.buildings>();
    for (const b of full.buildings) bySite.set(b.siteId, [...(bySite.get(b.siteId) ?? []), b]);
    const bad: string[] = [];
    for (const [site, list] of bySite)
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i], b = list[j];
          if (a.ring.some((p) => pointInRing(p[0], p[1], b.ring)) || b.ring.some((p) => pointInRing(p[0], p[1], a.ring))) bad.push(`${site} ${a.id}/${b.id}`);
        }
    expect(bad).toEqual([]);
  });

  it('强巴林寺 (KR-TMP-001) is the 3D showcase: ~20 buildings, ~500 circuits', () => {
    const b = full.buildings.filter((x) => x.siteId === 'KR-TMP-001');
    const c = full.circuits.filter((x) => x.siteId === 'KR-TMP-001');
    expect(b.length).toBeGreaterThanOrEqual(18);
    expect(b.length).toBeLessThanOrEqual(24);
    expect(c.length).toBeGreaterThanOrEqual(400);
    expect(c.length).toBeLessThanOrEqual(700);
    expect(b.find((x) => x.kind === 'assembly_hall')!.structure).toBe('stone_wood');
  });
});
