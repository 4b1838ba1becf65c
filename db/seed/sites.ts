/**
 * Site generation: the 32 real places of changdu-sites.csv plus generated sites so that every category is
 * present in every county, placed near county seats, townships and along the schematic roads, always inside
 * their county polygon. Pure and deterministic from the seed.
 */
import { CATEGORIES } from '../../lib/domain/vocabulary/index.ts';
import { KARUO } from '../../lib/domain/counties.ts';
import { SITE_CATEGORIES, type SiteCategory } from '../../lib/protocol/v1.ts';
import type { ChangduData } from './data.ts';
import { distanceM, offsetMetres, type LonLat } from './geo.ts';
import { mobilePhone, personName, REAL_NAME_FALLBACK } from './names.ts';
import { Rng } from './rng.ts';
import { assignRollout } from './rollout.ts';
import { allocate } from './site-allocation.ts';
import { buildCountyContexts } from './site-counties.ts';
import { address, cnNum, counter, nameSite, type NameCtx } from './site-names.ts';
import { nearestTownship, Occupancy, place } from './site-placement.ts';
import { CAT3, type AnchorKind, type CountyCtx, type Placement, type SiteRow, type SizeClass } from './site-types.ts';

export { allocate } from './site-allocation.ts';
export { countyShortEn } from './site-counties.ts';
export { CAT3 } from './site-types.ts';
export type { AnchorKind, CountyCtx, SiteRow, SizeClass, Township } from './site-types.ts';

export interface GeneratedSites {
  sites: SiteRow[];
  counties: CountyCtx[];
}

export function generateSites(data: ChangduData, seed: number, total: number): GeneratedSites {
  const rng = new Rng(seed, 'sites');
  const ctxs = buildCountyContexts(data, rng);
  const byAdcode = new Map(ctxs.map((c) => [c.data.adcode, c]));
  const occ = new Occupancy();
  const sites: SiteRow[] = [];
  const used = new Set<string>();
  const seq = new Map<string, number>();
  const nextId = (ctx: CountyCtx, cat: SiteCategory) => {
    const k = `${ctx.code}-${CAT3[cat]}`;
    const n = (seq.get(k) ?? 0) + 1;
    seq.set(k, n);
    return `${k}-${String(n).padStart(3, '0')}`;
  };
  const realCounts = new Map<string, number>();
  const campuses: LonLat[] = [];

  // 1. real rows, exact coordinates
  for (const row of data.realSites) {
    const ctx = byAdcode.get(row.countyAdcode);
    if (!ctx) throw new Error(`real site ${row.nameEn}: unknown county ${row.countyAdcode}`);
    const k = `${row.countyAdcode}:${row.category}`;
    realCounts.set(k, (realCounts.get(k) ?? 0) + 1);
    const r = rng.fork(`real:${row.nameEn}`);
    let nameZh = row.nameZh;
    let source = row.source;
    if (!nameZh) {
      const fb = REAL_NAME_FALLBACK[row.nameEn];
      nameZh = fb ? fb.zh : `${row.nameEn.replace(/ Monastery.*$/, '')}寺`;
      source += fb?.known ? '; name_zh added by the seed' : '; name_zh: transliteration added by the seed (unverified)';
    }
    // rows sharing a point (placeholders, the hall inside its monastery): lay the buildings out beside it
    let campus: LonLat = row.lonlat;
    const clash = campuses.filter((c) => distanceM(c, row.lonlat) < 150).length;
    if (clash > 0) {
      const a = (clash * 2 * Math.PI) / 5 + 0.6;
      campus = offsetMetres(row.lonlat, Math.cos(a) * 260, Math.sin(a) * 260);
    }
    campuses.push(row.lonlat);
    occ.add(campus);
    occ.add(row.lonlat);
    const id = nextId(ctx, row.category);
    const tn = nearestTownship(ctx, row.lonlat);
    const pl: Placement = {
      p: row.lonlat, anchor: 'real', township: tn && distanceM(tn.lonlat, row.lonlat) < distanceM(ctx.seat, row.lonlat) ? tn : undefined,
    };
    used.add(nameZh);
    sites.push(newSite({
      id, nameZh, nameEn: row.nameEn, category: row.category, ctx, lonlat: row.lonlat, campus, generated: false,
      source, coordQuality: row.coordQuality, anchor: 'real', variant: '', address: address(ctx, pl, r),
      size: id === 'KR-TMP-001' ? 'showcase' : row.category === 'temple' || row.category === 'hospital' || row.category === 'school' ? 'large' : 'medium',
      rng: r,
    }));
  }

  // 2. generated rows
  const counts = allocate(ctxs, realCounts, total);
  for (const ctx of ctxs) {
    const nc: NameCtx = { ctx, pl: null as unknown as Placement, rng, n: new Map(), used };
    for (const cat of SITE_CATEGORIES) {
      const want = (counts.get(`${ctx.data.adcode}:${cat}`) ?? 0) - (realCounts.get(`${ctx.data.adcode}:${cat}`) ?? 0);
      const r = rng.fork(`gen:${ctx.code}:${cat}`);
      const rr = { i: r.int(0, 50) };
      for (let i = 0; i < want; i++) {
        const pl = place(ctx, cat, r, occ, rr);
        nc.pl = pl;
        nc.rng = r;
        let name = nameSite(cat, nc);
        for (let k = 0; used.has(name.zh) && k < 8; k++) name = nameSite(cat, nc);
        if (used.has(name.zh)) {
          const n = counter(nc, `dup:${name.zh}`) + 1;
          name = { ...name, zh: `${name.zh}（${cnNum(n)}）`, en: `${name.en} (${n})` };
        }
        used.add(name.zh);
        sites.push(newSite({
          id: nextId(ctx, cat), nameZh: name.zh, nameEn: name.en, category: cat, ctx, lonlat: pl.p, campus: pl.p,
          generated: true, source: `generated (seed ${seed})`, coordQuality: 'generated', anchor: pl.anchor,
          variant: name.variant, address: address(ctx, pl, r), size: sizeFor(cat, pl, name.variant, r, ctx), rng: r,
        }));
      }
    }
  }
  assignRollout(sites, ctxs, rng);
  const order = new Map(SITE_CATEGORIES.map((c, i) => [c, i]));
  sites.sort((a, b) => a.countyAdcode - b.countyAdcode || order.get(a.category)! - order.get(b.category)! || (a.id < b.id ? -1 : 1));
  return { sites, counties: ctxs };
}

function sizeFor(cat: SiteCategory, pl: Placement, variant: string, r: Rng, ctx: CountyCtx): SizeClass {
  const town = pl.anchor === 'seat';
  switch (cat) {
    case 'temple':
      return variant === 'lhakhang' ? 'small' : r.weighted<SizeClass>([['large', 0.1], ['medium', 0.38], ['small', 0.52]]);
    case 'school':
      return town ? r.weighted<SizeClass>([['large', 0.6], ['medium', 0.4]]) : r.weighted<SizeClass>([['medium', 0.45], ['small', 0.55]]);
    case 'hospital':
      return variant === 'village' ? 'small' : variant === 'clinic' ? (town ? 'medium' : 'small') : 'large';
    case 'mall':
      return ctx.data.adcode === KARUO ? r.weighted<SizeClass>([['large', 0.6], ['medium', 0.4]]) : 'medium';
    case 'welfare':
      return town ? 'medium' : 'small';
    case 'relic':
      return r.weighted<SizeClass>([['medium', 0.4], ['small', 0.6]]);
    default:
      return r.weighted<SizeClass>([['medium', 0.4], ['small', 0.6]]);
  }
}

function newSite(a: {
  id: string; nameZh: string; nameEn: string; category: SiteCategory; ctx: CountyCtx; lonlat: LonLat; campus: LonLat;
  generated: boolean; source: string; coordQuality: string; anchor: AnchorKind; variant: string; address: string;
  size: SizeClass; rng: Rng;
}): SiteRow {
  return {
    id: a.id,
    nameZh: a.nameZh,
    nameEn: a.nameEn,
    category: a.category,
    countyAdcode: a.ctx.data.adcode,
    departmentId: CATEGORIES[a.category].department,
    address: a.address,
    contactName: personName(a.rng, a.category === 'temple'),
    contactPhone: mobilePhone(a.rng),
    lonlat: a.lonlat,
    campus: a.campus,
    generated: a.generated,
    source: a.source,
    coordQuality: a.coordQuality,
    isPilot: false,
    rolloutState: 'planned',
    plannedAt: null,
    surveyedAt: null,
    installedAt: null,
    commissionedAt: null,
    inServiceAt: null,
    serviceProvider: '',
    powerOk: true,
    networkOk: true,
    createdAt: '2018-09-30T00:00:00.000Z',
    size: a.size,
    anchor: a.anchor,
    variant: a.variant,
  };
}
