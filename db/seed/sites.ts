/**
 * Site generation: the 32 real places of changdu-sites.csv plus generated sites so that every category is
 * present in every county, placed near county seats, townships and along the schematic roads, always inside
 * their county polygon. Pure and deterministic from the seed.
 */
import { CATEGORIES, type DepartmentId, type RolloutState } from '../../lib/domain/catalog.ts';
import { COUNTY_CODES, KARUO } from '../../lib/domain/counties.ts';
import { SITE_CATEGORIES, type SiteCategory } from '../../lib/protocol/v1.ts';
import type { ChangduData, CountyData } from './data.ts';
import {
  bboxOf, distanceM, distanceToBoundaryM, offsetMetres, pointInMultiPolygon, toMetres, type BBox, type LonLat,
} from './geo.ts';
import {
  mobilePhone, personName, REAL_NAME_FALLBACK, STREETS, tibetanName, TOWNSHIPS, type ZhEn,
} from './names.ts';
import { Rng } from './rng.ts';
import { assignRollout } from './rollout.ts';

export const CAT3: Record<SiteCategory, string> = {
  relic: 'REL', temple: 'TMP', school: 'SCH', welfare: 'WEL', hospital: 'HOS',
  mall: 'MAL', entertainment: 'ENT', gas: 'GAS', mine: 'MIN', hazchem: 'HAZ',
};

export type SizeClass = 'showcase' | 'large' | 'medium' | 'small';
export type AnchorKind = 'seat' | 'township' | 'road' | 'rural' | 'remote' | 'real';

export interface SiteRow {
  id: string;
  nameZh: string;
  nameEn: string;
  category: SiteCategory;
  countyAdcode: number;
  departmentId: DepartmentId;
  address: string;
  contactName: string;
  contactPhone: string;
  lonlat: LonLat;
  /** where the buildings are laid out: the site point, except for real rows that share a point with another row */
  campus: LonLat;
  generated: boolean;
  source: string;
  coordQuality: string;
  isPilot: boolean;
  rolloutState: RolloutState;
  plannedAt: string | null;
  surveyedAt: string | null;
  installedAt: string | null;
  commissionedAt: string | null;
  inServiceAt: string | null;
  serviceProvider: string;
  powerOk: boolean;
  networkOk: boolean;
  createdAt: string;
  // generation hints (not stored)
  size: SizeClass;
  anchor: AnchorKind;
  /** a sub-kind chosen with the name, e.g. 'lpg' for a gas site that is an LPG depot, 'nunnery' … */
  variant: string;
}

export interface Township {
  countyAdcode: number;
  zh: string;
  en: string;
  lonlat: LonLat;
  real: boolean;
}

export interface CountyCtx {
  data: CountyData;
  code: string;
  zh: string;
  /** short English name: Karub, Jomda … */
  en: string;
  seat: LonLat;
  seatTown: ZhEn;
  townships: Township[];
  roadSamples: { p: LonLat; ref: string; dir: [number, number] }[];
  bbox: BBox;
}

/** relative weight of each category in the generated mix */
const CATEGORY_WEIGHT: Record<SiteCategory, number> = {
  temple: 0.3, school: 0.17, hospital: 0.12, gas: 0.09, entertainment: 0.06, relic: 0.06,
  mine: 0.035, hazchem: 0.035, welfare: 0.025, mall: 0.014,
};
const CATEGORY_MIN: Partial<Record<SiteCategory, number>> = { welfare: 2 };
const COUNTY_WEIGHT: Record<number, number> = {
  540302: 2.1, 540321: 1.0, 540322: 0.7, 540323: 0.8, 540324: 1.0, 540325: 0.9, 540326: 0.85, 540327: 0.8,
  540328: 1.0, 540329: 0.8, 540330: 0.7,
};

const KARUO_CITY_ZH = '昌都市';

export function countyShortEn(c: CountyData): string {
  return c.nameEn.replace(/ (County|District)$/, '');
}

// ---- contexts ----------------------------------------------------------------------------------

function buildCountyContexts(data: ChangduData, rng: Rng): CountyCtx[] {
  const ctxs: CountyCtx[] = [];
  for (const c of data.counties) {
    const code = COUNTY_CODES[c.adcode];
    if (!code) throw new Error(`no county code for adcode ${c.adcode}`);
    const seatPlace = data.places.find((p) => p.kind === 'county_seat' && p.countyAdcode === c.adcode);
    if (!seatPlace) throw new Error(`no county seat for ${c.adcode}`);
    const ctx: CountyCtx = {
      data: c,
      code,
      zh: c.nameZh,
      en: countyShortEn(c),
      seat: seatPlace.lonlat,
      seatTown: [seatPlace.nameZh, seatPlace.nameEn.replace(/ \(.*\)$/, '').replace(/ town$/, '')],
      townships: [],
      roadSamples: [],
      bbox: bboxOf(c.polygons),
    };
    ctxs.push(ctx);
  }
  // schematic roads sampled every ~500 m, each sample owned by the county that contains it
  for (const road of data.roads) {
    for (let i = 1; i < road.coords.length; i++) {
      const a = road.coords[i - 1], b = road.coords[i];
      const len = distanceM(a, b);
      const n = Math.max(1, Math.round(len / 500));
      const [dx, dy] = toMetres(a, b);
      const dir: [number, number] = [dx / len, dy / len];
      for (let k = 0; k <= n; k++) {
        const p: LonLat = [a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n];
        const owner = ctxs.find((c) => pointInMultiPolygon(p, c.data.polygons));
        if (owner) owner.roadSamples.push({ p, ref: road.ref, dir });
      }
    }
  }
  // townships: real position where the places file has one, else generated inside the county
  for (const ctx of ctxs) {
    const r = rng.fork(`townships:${ctx.code}`);
    for (const [zh, en] of TOWNSHIPS[ctx.data.adcode] ?? []) {
      const place = data.places.find((p) => p.nameZh === zh);
      if (place && pointInMultiPolygon(place.lonlat, ctx.data.polygons)) {
        ctx.townships.push({ countyAdcode: ctx.data.adcode, zh, en, lonlat: place.lonlat, real: true });
        continue;
      }
      // 邦达镇 sits by the airport
      const nearAirport = zh === '邦达镇' ? data.places.find((p) => p.kind === 'airport') : undefined;
      let best: LonLat | null = null;
      for (let attempt = 0; attempt < 400 && !best; attempt++) {
        let p: LonLat;
        if (nearAirport) p = offsetMetres(nearAirport.lonlat, r.range(-4000, 4000), r.range(-4000, 4000));
        else if (ctx.roadSamples.length && r.chance(0.35)) {
          const s = r.pick(ctx.roadSamples);
          p = offsetMetres(s.p, r.range(-1500, 1500), r.range(-1500, 1500));
        } else p = [r.range(ctx.bbox.minX, ctx.bbox.maxX), r.range(ctx.bbox.minY, ctx.bbox.maxY)];
        if (!pointInMultiPolygon(p, ctx.data.polygons)) continue;
        const relax = attempt > 250 ? 0.5 : 1;
        if (distanceM(p, ctx.seat) < 9000 * relax) continue;
        if (ctx.townships.some((t) => distanceM(p, t.lonlat) < 9000 * relax)) continue;
        if (distanceToBoundaryM(p, ctx.data.polygons) < 3000 * relax) continue;
        best = p;
      }
      if (best) ctx.townships.push({ countyAdcode: ctx.data.adcode, zh, en, lonlat: best, real: false });
    }
  }
  return ctxs;
}

// ---- allocation --------------------------------------------------------------------------------

/** counts[adcode][category] of ALL sites (real included), summing to `total` (or the minimum possible). */
export function allocate(ctxs: CountyCtx[], realCounts: Map<string, number>, total: number): Map<string, number> {
  const key = (a: number, c: SiteCategory) => `${a}:${c}`;
  const counts = new Map<string, number>();
  let minimum = 0;
  for (const ctx of ctxs)
    for (const cat of SITE_CATEGORIES) {
      const m = Math.max(CATEGORY_MIN[cat] ?? 1, realCounts.get(key(ctx.data.adcode, cat)) ?? 0);
      counts.set(key(ctx.data.adcode, cat), m);
      minimum += m;
    }
  const target = Math.max(total, minimum);
  const cw = (a: number, cat: SiteCategory) => {
    let w = COUNTY_WEIGHT[a] ?? 1;
    if (cat === 'mall') w = a === KARUO ? 10 : 0.35;
    if (cat === 'entertainment' && a === KARUO) w *= 2.2;
    if (cat === 'mine' && a === KARUO) w *= 0.5;
    if (cat === 'hazchem' && a === KARUO) w *= 1.6;
    return w;
  };
  // ideal shares → largest remainder over the cells, never below the minimum
  const cells: { k: string; ideal: number }[] = [];
  let wsum = 0;
  for (const ctx of ctxs) for (const cat of SITE_CATEGORIES) wsum += CATEGORY_WEIGHT[cat] * cw(ctx.data.adcode, cat);
  for (const ctx of ctxs)
    for (const cat of SITE_CATEGORIES)
      cells.push({ k: key(ctx.data.adcode, cat), ideal: (target * CATEGORY_WEIGHT[cat] * cw(ctx.data.adcode, cat)) / wsum });
  let assigned = minimum;
  // raise cells toward their ideal, the most under-served first
  while (assigned < target) {
    let best = cells[0];
    let bestGap = -Infinity;
    for (const c of cells) {
      const gap = c.ideal - (counts.get(c.k) ?? 0);
      if (gap > bestGap) {
        bestGap = gap;
        best = c;
      }
    }
    counts.set(best.k, (counts.get(best.k) ?? 0) + 1);
    assigned++;
  }
  return counts;
}

// ---- placement ---------------------------------------------------------------------------------

class Occupancy {
  private cells = new Map<string, LonLat[]>();
  constructor(private readonly cellM = 1000) {}
  private key(p: LonLat, dx = 0, dy = 0) {
    return `${Math.floor((p[0] * 96_000) / this.cellM) + dx}:${Math.floor((p[1] * 110_574) / this.cellM) + dy}`;
  }
  add(p: LonLat) {
    const k = this.key(p);
    const list = this.cells.get(k);
    if (list) list.push(p);
    else this.cells.set(k, [p]);
  }
  free(p: LonLat, minM: number): boolean {
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const list = this.cells.get(this.key(p, dx, dy));
        if (list) for (const q of list) if (distanceM(p, q) < minM) return false;
      }
    return true;
  }
}

interface Placement {
  p: LonLat;
  anchor: AnchorKind;
  township?: Township;
  roadRef?: string;
}

type Mode = 'seat' | 'township' | 'road' | 'rural' | 'remote' | 'outskirts';
const MODES: Record<SiteCategory, [Mode, number][]> = {
  temple: [['seat', 0.1], ['township', 0.4], ['rural', 0.5]],
  school: [['seat', 0.3], ['township', 0.7]],
  relic: [['seat', 0.2], ['township', 0.3], ['rural', 0.5]],
  welfare: [['seat', 0.75], ['township', 0.25]],
  hospital: [['seat', 0.2], ['township', 0.8]],
  mall: [['seat', 1]],
  entertainment: [['seat', 0.82], ['township', 0.18]],
  gas: [['road', 0.6], ['seat', 0.25], ['township', 0.15]],
  mine: [['remote', 1]],
  hazchem: [['outskirts', 0.5], ['road', 0.3], ['remote', 0.2]],
};

function nearestTownship(ctx: CountyCtx, p: LonLat): Township | undefined {
  let best: Township | undefined;
  let bd = Infinity;
  for (const t of ctx.townships) {
    const d = distanceM(p, t.lonlat);
    if (d < bd) {
      bd = d;
      best = t;
    }
  }
  return best;
}

function place(ctx: CountyCtx, cat: SiteCategory, rng: Rng, occ: Occupancy, rr: { i: number }): Placement {
  const karuo = ctx.data.adcode === KARUO;
  const seatSigma = (cat === 'temple' || cat === 'relic' ? 3500 : 1300) * (karuo ? 1.7 : 1);
  const poly = ctx.data.polygons;
  for (let attempt = 0; attempt < 600; attempt++) {
    const relax = attempt < 300 ? 1 : attempt < 500 ? 0.6 : 0.3;
    let mode = rng.weighted(MODES[cat]);
    if (mode === 'road' && ctx.roadSamples.length === 0) mode = rng.chance(0.5) ? 'seat' : 'township';
    if (mode === 'township' && ctx.townships.length === 0) mode = 'seat';
    let p: LonLat;
    let township: Township | undefined;
    let roadRef: string | undefined;
    let anchor: AnchorKind;
    if (mode === 'seat' || mode === 'outskirts') {
      const r = mode === 'outskirts' ? rng.range(1500, 6000) : Math.abs(rng.gauss()) * seatSigma + 120;
      const a = rng.range(0, 2 * Math.PI);
      p = offsetMetres(ctx.seat, r * Math.cos(a), r * Math.sin(a));
      anchor = mode === 'outskirts' && r > 2500 ? 'rural' : 'seat';
    } else if (mode === 'township') {
      // round robin so that each township gets its school, health centre …
      township = ctx.townships[(rr.i++ + attempt) % ctx.townships.length];
      const sigma = cat === 'temple' || cat === 'relic' ? 2500 : 450;
      const r = Math.abs(rng.gauss()) * sigma + 100;
      const a = rng.range(0, 2 * Math.PI);
      p = offsetMetres(township.lonlat, r * Math.cos(a), r * Math.sin(a));
      anchor = 'township';
    } else if (mode === 'road') {
      const s = rng.pick(ctx.roadSamples);
      const side = rng.chance(0.5) ? 1 : -1;
      const off = rng.range(40, 250) * side;
      p = offsetMetres(s.p, -s.dir[1] * off, s.dir[0] * off);
      roadRef = s.ref;
      anchor = 'road';
    } else {
      p = [rng.range(ctx.bbox.minX, ctx.bbox.maxX), rng.range(ctx.bbox.minY, ctx.bbox.maxY)];
      anchor = mode === 'remote' ? 'remote' : 'rural';
    }
    if (!pointInMultiPolygon(p, poly)) continue;
    if (!occ.free(p, 320 * relax)) continue;
    if (distanceToBoundaryM(p, poly) < 600 * relax) continue;
    if (mode === 'remote') {
      const near = Math.min(distanceM(p, ctx.seat), ...ctx.townships.map((t) => distanceM(p, t.lonlat)));
      if (near < 8000 * relax) continue;
    }
    if (mode === 'rural' && cat !== 'mine') {
      // village temples and relics: in settled land, i.e. within ~25 km of a township or the seat
      const near = Math.min(distanceM(p, ctx.seat), ...ctx.townships.map((t) => distanceM(p, t.lonlat)));
      if (near > 25_000 / relax) continue;
    }
    occ.add(p);
    if (!township && anchor !== 'seat') {
      const t = nearestTownship(ctx, p);
      if (t && distanceM(p, t.lonlat) < distanceM(p, ctx.seat)) township = t;
    }
    return { p, anchor, township, roadRef };
  }
  throw new Error(`could not place a ${cat} site in ${ctx.code}`);
}

// ---- naming ------------------------------------------------------------------------------------

const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const cnNum = (n: number) => CN_NUM[n] ?? String(n);
const ordEn = (n: number) => `No. ${n}`;

const KARUO_MALLS: ZhEn[] = [
  ['昌都茶马广场购物中心', 'Qamdo Tea-Horse Square Shopping Centre'],
  ['昌都藏东明珠商城', 'Qamdo East Tibet Pearl Mall'],
  ['昌都澜沧江商业综合体', 'Qamdo Lancang River Commercial Complex'],
  ['昌都百货大楼', 'Qamdo Department Store'],
  ['昌都国际商贸城', 'Qamdo International Trade City'],
  ['卡若区农贸综合市场', 'Karub Farmers\' Market Complex'],
  ['昌都新区商业中心', 'Qamdo New District Commercial Centre'],
  ['昌都康巴风情商业街综合楼', 'Qamdo Khampa Street Commercial Building'],
  ['昌都三江汇商业广场', 'Qamdo Three Rivers Plaza'],
  ['昌都万家购物广场', 'Qamdo Wanjia Shopping Plaza'],
  ['昌都建材家居市场', 'Qamdo Building Materials and Home Market'],
  ['昌都汽车城商业楼', 'Qamdo Auto City Commercial Building'],
  ['昌都雪域商厦', 'Qamdo Xueyu Commercial Tower'],
  ['昌都城关商贸中心', 'Qamdo Chengguan Trade Centre'],
  ['昌都欢乐购生活广场', 'Qamdo Huanlegou Life Plaza'],
  ['昌都虫草交易市场综合楼', 'Qamdo Cordyceps Trading Market Building'],
];
const ENT_BRANDS: ZhEn[] = [
  ['雪域', 'Xueyu'], ['康巴', 'Khampa'], ['格桑花', 'Gesang Flower'], ['香巴拉', 'Shambhala'], ['天籁', 'Tianlai'],
  ['星光', 'Starlight'], ['金色', 'Golden'], ['阳光', 'Sunshine'], ['三江', 'Three Rivers'], ['茶马', 'Tea-Horse'],
  ['吉祥', 'Auspicious'], ['云端', 'Cloud'],
];
const ENT_TYPES: [string, string, number][] = [
  ['KTV', 'KTV', 3], ['歌舞厅', 'Dance Hall', 1.5], ['网吧', 'Internet Café', 2], ['影城', 'Cinema', 0.6],
  ['甜茶馆', 'Sweet-Tea House', 1.2], ['酒吧', 'Bar', 1.2], ['藏式演艺厅', 'Tibetan Performance Hall', 0.8],
  ['游艺厅', 'Game Arcade', 0.6],
];
const MINERALS: [string, string, number][] = [
  ['铜矿', 'Copper Mine', 2], ['铅锌矿', 'Lead-Zinc Mine', 1.5], ['金矿', 'Gold Mine', 0.6], ['大理石矿', 'Marble Quarry', 0.8],
  ['石灰石矿', 'Limestone Quarry', 1], ['砂石料场', 'Sand and Gravel Quarry', 2.5], ['铁矿', 'Iron Mine', 0.6],
];

interface NameCtx {
  ctx: CountyCtx;
  pl: Placement;
  rng: Rng;
  n: Map<string, number>;
  used: Set<string>;
}

function counter(nc: NameCtx, k: string): number {
  const v = (nc.n.get(k) ?? 0) + 1;
  nc.n.set(k, v);
  return v;
}

/** county prefix for names: 昌都市 for city-level institutions in Karuo, else the county name */
function nameSite(cat: SiteCategory, nc: NameCtx): { zh: string; en: string; variant: string } {
  const { ctx, pl, rng } = nc;
  const karuo = ctx.data.adcode === KARUO;
  const cz = ctx.zh;
  const ce = ctx.en;
  const t = pl.township;
  const atSeat = pl.anchor === 'seat' || !t;
  const tz = t ? t.zh : ctx.seatTown[0];
  const te = t ? t.en : ctx.seatTown[1];
  const tShort = tz.replace(/(民族乡|乡|镇)$/, '');
  const cityOr = (k: boolean) => (karuo && k ? [KARUO_CITY_ZH, 'Qamdo'] : [cz, ce]);
  switch (cat) {
    case 'temple': {
      const [a, b] = tibetanName(rng, rng.chance(0.8) ? 2 : 3);
      const form = rng.weighted<string>([['gon', 0.55], ['ling', 0.2], ['nunnery', 0.12], ['lhakhang', 0.13]] as const);
      if (form === 'ling') return { zh: `${a}林寺`, en: `${b}ling Monastery`, variant: form };
      if (form === 'nunnery') return { zh: `${a}尼姑寺`, en: `${b} Nunnery`, variant: form };
      if (form === 'lhakhang') return { zh: `${a}拉康`, en: `${b} Lhakhang`, variant: form };
      return { zh: `${a}寺`, en: `${b} Monastery`, variant: form };
    }
    case 'relic': {
      const [a, b] = tibetanName(rng, 2);
      const kinds: [string, string, string, number][] = [
        ['古寺大殿', 'Old Monastery Hall', 'hall', 3], ['古建筑群', 'Historic Building Complex', 'complex', 2],
        ['古堡遗址', 'Old Fort Ruins', 'fort', 0.8], ['茶马古道驿站', 'Tea-Horse Road Post Station', 'post', 1],
        ['经堂', 'Scripture Hall', 'hall', 1.5], ['庄园旧址', 'Former Manor', 'manor', 0.8], ['玛尼石经墙', 'Mani Stone Wall', 'wall', 0.6],
      ];
      const [kz, ke, variant] = rng.weighted(kinds.map((k) => [k, k[3]] as const));
      const level = rng.weighted<string>([['市级文物保护单位', 0.6], ['自治区级文物保护单位', 0.3], ['县级文物保护单位', 0.1]] as const);
      void level;
      return { zh: `${tShort}${a}${kz}`, en: `${b} ${ke}, ${te}`, variant };
    }
    case 'school': {
      if (atSeat) {
        const [pz, pe] = cityOr(rng.chance(0.5));
        const kind = rng.weighted<string>([['primary', 0.5], ['middle', 0.3], ['high', 0.1], ['special', 0.1]] as const);
        if (kind === 'high') {
          const n = counter(nc, `${pz}high`) + (pz === KARUO_CITY_ZH ? 1 : 0);
          return { zh: `${pz}第${cnNum(n)}高级中学`, en: `${pe} ${ordEn(n)} Senior High School`, variant: 'high' };
        }
        if (kind === 'middle') {
          const n = counter(nc, `${pz}mid`);
          return { zh: `${pz}第${cnNum(n)}初级中学`, en: `${pe} ${ordEn(n)} Junior Middle School`, variant: 'middle' };
        }
        if (kind === 'special' && !nc.used.has(`${pz}特殊教育学校`))
          return { zh: `${pz}特殊教育学校`, en: `${pe} Special Education School`, variant: 'special' };
        const n = counter(nc, `${cz}pri`);
        return { zh: `${cz}第${cnNum(n)}寄宿制小学`, en: `${ce} ${ordEn(n)} Boarding Primary School`, variant: 'primary' };
      }
      const n = counter(nc, `${tz}sch`);
      if (n === 1) return { zh: `${cz}${tz}中心小学`, en: `${te} Township Central Primary School, ${ce}`, variant: 'primary' };
      if (n === 2) return { zh: `${cz}${tz}中学`, en: `${te} Township Middle School, ${ce}`, variant: 'middle' };
      return { zh: `${cz}${tz}第${cnNum(n - 1)}小学`, en: `${te} Township ${ordEn(n - 1)} Primary School, ${ce}`, variant: 'primary' };
    }
    case 'welfare': {
      if (atSeat) {
        const [pz, pe] = cityOr(rng.chance(0.5));
        const opts: [string, string, string][] = [
          ['中心敬老院', 'Central Home for the Elderly', 'elderly'], ['儿童福利院', "Children's Welfare Home", 'children'],
          ['社会福利院', 'Social Welfare Home', 'elderly'], ['养老服务中心', 'Elderly Care Centre', 'elderly'],
          ['残疾人托养中心', 'Care Centre for the Disabled', 'elderly'], ['光荣院', 'Veterans\' Home', 'elderly'],
        ];
        for (const o of opts) if (!nc.used.has(pz + o[0])) return { zh: pz + o[0], en: `${pe} ${o[1]}`, variant: o[2] };
      }
      return { zh: `${cz}${tz}敬老院`, en: `${te} Township Home for the Elderly, ${ce}`, variant: 'elderly' };
    }
    case 'hospital': {
      if (atSeat) {
        const [pz, pe] = cityOr(rng.chance(0.6));
        const opts: [string, string, string][] = [
          ['藏医院', 'Tibetan Medicine Hospital', 'hospital'], ['妇幼保健院', 'Maternal and Child Health Hospital', 'hospital'],
          ['第二人民医院', 'No. 2 People\'s Hospital', 'hospital'], ['疾病预防控制中心', 'Center for Disease Control', 'clinic'],
          ['康复医院', 'Rehabilitation Hospital', 'hospital'], ['中医院', 'Hospital of Traditional Chinese Medicine', 'hospital'],
          [`${ctx.seatTown[0]}卫生院`, `${ctx.seatTown[1]} Town Health Centre`, 'clinic'],
        ];
        for (const o of opts) if (!nc.used.has(pz + o[0])) return { zh: pz + o[0], en: `${pe} ${o[1]}`, variant: o[2] };
        const [a, b] = tibetanName(rng, 2);
        return { zh: `${pz}${a}民营医院`, en: `${pe} ${b} Private Hospital`, variant: 'clinic' };
      }
      const n = counter(nc, `${tz}hos`);
      if (n === 1) return { zh: `${cz}${tz}卫生院`, en: `${te} Township Health Centre, ${ce}`, variant: 'clinic' };
      const [a, b] = tibetanName(rng, 2);
      return { zh: `${cz}${tz}${a}村卫生室`, en: `${b} Village Clinic, ${te}, ${ce}`, variant: 'village' };
    }
    case 'mall': {
      if (karuo) for (const m of KARUO_MALLS) if (!nc.used.has(m[0])) return { zh: m[0], en: m[1], variant: 'mall' };
      const opts: ZhEn[] = [
        ['商贸城', 'Trade City'], ['农贸综合市场', 'Farmers\' Market Complex'], ['购物中心', 'Shopping Centre'], ['百货商场', 'Department Store'],
      ];
      for (const o of opts) if (!nc.used.has(cz + o[0])) return { zh: cz + o[0], en: `${ce} ${o[1]}`, variant: 'mall' };
      const n = counter(nc, `${cz}mall`);
      return { zh: `${cz}第${cnNum(n)}商贸中心`, en: `${ce} ${ordEn(n)} Trade Centre`, variant: 'mall' };
    }
    case 'entertainment': {
      const [bz, be] = rng.pick(ENT_BRANDS);
      const [kz, ke] = rng.weighted(ENT_TYPES.map((k) => [k, k[2]] as const));
      const place = atSeat ? cz : `${cz}${tShort}`;
      return { zh: `${place}${bz}${kz}`, en: `${be} ${ke}, ${atSeat ? ce : te + ', ' + ce}`, variant: ke === 'Cinema' ? 'cinema' : 'venue' };
    }
    case 'gas': {
      if (pl.anchor !== 'road' && rng.chance(0.35)) {
        const opts: [string, string][] = [['液化石油气供应站', 'LPG Supply Station'], ['燃气储配站', 'Gas Storage and Distribution Station']];
        for (const o of opts) if (!nc.used.has(cz + o[0])) return { zh: cz + o[0], en: `${ce} ${o[1]}`, variant: 'lpg' };
      }
      const base = atSeat ? `${cz}城区` : `${cz}${tShort}`;
      const n = counter(nc, `${base}gas`);
      const suffix = n === 1 ? '' : `第${cnNum(n)}`;
      const road = pl.roadRef ? ` (${pl.roadRef})` : '';
      return {
        zh: `${base}${suffix}加油站`,
        en: `${atSeat ? ce + ' Town' : te} ${n === 1 ? '' : ordEn(n) + ' '}Filling Station${road}`,
        variant: 'station',
      };
    }
    case 'mine': {
      const [a, b] = tibetanName(rng, 2);
      const [mz, me] = rng.weighted(MINERALS.map((m) => [m, m[2]] as const));
      return { zh: `${cz}${a}${mz}`, en: `${b} ${me}, ${ce}`, variant: me.includes('Quarry') ? 'quarry' : 'mine' };
    }
    case 'hazchem': {
      const [bz, be] = rng.pick(ENT_BRANDS);
      const opts: [string, string, string, number][] = [
        ['民用爆炸物品储存库', 'Civil Explosives Depot', 'depot', 1], ['成品油库', 'Oil Products Depot', 'depot', 1],
        ['危险化学品仓储中心', 'Hazardous Chemicals Warehouse', 'depot', 1], ['氧气充装站', 'Oxygen Filling Station', 'plant', 1],
        [`${bz}化工经营部`, `${be} Chemicals Trading`, 'shop', 1.2], ['工业气体站', 'Industrial Gas Station', 'plant', 0.6],
      ];
      for (let i = 0; i < 6; i++) {
        const [oz, oe, v] = rng.weighted(opts.map((o) => [o, o[3]] as const));
        if (!nc.used.has(cz + oz)) return { zh: cz + oz, en: `${ce} ${oe}`, variant: v };
      }
      const n = counter(nc, `${cz}haz`);
      return { zh: `${cz}第${cnNum(n)}危险化学品仓库`, en: `${ce} ${ordEn(n)} Hazardous Chemicals Store`, variant: 'depot' };
    }
  }
}

function address(ctx: CountyCtx, pl: Placement, rng: Rng): string {
  const head = `西藏自治区昌都市${ctx.zh}`;
  if ((pl.anchor === 'seat' || pl.anchor === 'real') && distanceM(pl.p, ctx.seat) < 6000)
    return `${head}${ctx.seatTown[0]}${rng.pick(STREETS)[0]}${rng.int(1, 320)}号`;
  const t = pl.township;
  const [vz] = tibetanName(rng, 2);
  if (pl.anchor === 'road' && pl.roadRef) return `${head}${t ? t.zh : ctx.seatTown[0]}${pl.roadRef}国道旁（${vz}村）`;
  return `${head}${t ? t.zh : ctx.seatTown[0]}${vz}村`;
}

// ---- main --------------------------------------------------------------------------------------

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
