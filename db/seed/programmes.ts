/**
 * Building programmes per site category: which buildings a monastery, school, hospital… has, with their
 * size, floors, structure and age. Pure; each site draws from its own random stream.
 */
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import type { Structure } from '../../lib/domain/vocabulary/index.ts';
import type { Rng } from './rng.ts';
import type { SiteRow } from './sites.ts';

export interface Spec {
  kind: string;
  zh: string;
  en: string;
  w: number;
  d: number;
  floors: number;
  floorH: number;
  structure: Structure;
  builtYear: number;
  /** panels per floor (wings) when the building has floor panels */
  wings?: number;
}

export const ZH_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function spec(
  r: Rng, kind: string, zh: string, en: string, w: [number, number], d: [number, number], floors: [number, number],
  structure: Structure | [Structure, number][], floorH: number, year: [number, number],
): Spec {
  return {
    kind, zh, en,
    w: Math.round(r.range(w[0], w[1])),
    d: Math.round(r.range(d[0], d[1])),
    floors: r.int(floors[0], floors[1]),
    floorH,
    structure: typeof structure === 'string' ? structure : r.weighted(structure),
    builtYear: r.int(year[0], year[1]),
  };
}

function repeat(n: number, f: (i: number) => Spec): Spec[] {
  return Array.from({ length: n }, (_, i) => f(i + 1));
}

const TEMPLE_YEARS: [number, number] = [1982, 2012];

function showcaseTemple(r: Rng): Spec[] {
  const sw = 'stone_wood' as const;
  const list: Spec[] = [
    { kind: 'assembly_hall', zh: '措钦大殿', en: 'Tsokchen Assembly Hall', w: 40, d: 36, floors: 3, floorH: 4.5, structure: sw, builtYear: 1986, wings: 2 },
    { kind: 'chapel', zh: '强巴佛殿', en: 'Maitreya Chapel', w: 22, d: 18, floors: 3, floorH: 4.2, structure: sw, builtYear: 1988, wings: 2 },
    { kind: 'chapel', zh: '护法神殿', en: 'Protector Chapel', w: 14, d: 12, floors: 2, floorH: 4, structure: sw, builtYear: 1990 },
    { kind: 'chapel', zh: '宗喀巴殿', en: 'Tsongkhapa Chapel', w: 18, d: 14, floors: 2, floorH: 4, structure: sw, builtYear: 1991 },
    { kind: 'chapel', zh: '度母殿', en: 'Tara Chapel', w: 14, d: 12, floors: 2, floorH: 4, structure: 'wood', builtYear: 1993 },
    { kind: 'college', zh: '显宗扎仓', en: 'Sutra College', w: 28, d: 22, floors: 2, floorH: 4.2, structure: sw, builtYear: 1989, wings: 2 },
    { kind: 'college', zh: '密宗扎仓', en: 'Tantric College', w: 26, d: 20, floors: 2, floorH: 4.2, structure: sw, builtYear: 1992, wings: 2 },
    { kind: 'printing', zh: '印经院', en: 'Printing House', w: 24, d: 14, floors: 2, floorH: 3.8, structure: sw, builtYear: 1995 },
    { kind: 'residence', zh: '帕巴拉活佛府邸', en: 'Phakpa Lha Labrang (Residence)', w: 26, d: 18, floors: 3, floorH: 3.6, structure: sw, builtYear: 1998 },
    { kind: 'office', zh: '寺管会办公楼', en: 'Monastery Management Committee Office', w: 30, d: 12, floors: 3, floorH: 3.3, structure: 'concrete', builtYear: 2009 },
    { kind: 'teaching', zh: '佛学院教学楼', en: 'Buddhist College Teaching Building', w: 36, d: 14, floors: 3, floorH: 3.6, structure: 'concrete', builtYear: 2012 },
    { kind: 'kitchen', zh: '大厨房', en: 'Great Kitchen', w: 22, d: 14, floors: 1, floorH: 4.5, structure: sw, builtYear: 1996 },
    { kind: 'quarters', zh: '客房楼', en: 'Guest House', w: 30, d: 12, floors: 3, floorH: 3.2, structure: 'brick', builtYear: 2006 },
    { kind: 'gallery', zh: '转经廊', en: 'Prayer-Wheel Gallery', w: 60, d: 6, floors: 1, floorH: 3.2, structure: 'wood', builtYear: 2001 },
  ];
  for (let i = 1; i <= 6; i++)
    list.push({
      kind: 'quarters', zh: `僧舍${ZH_NUM[i]}号楼`, en: `Monks' Quarters ${i}`, w: 40, d: 10, floors: 2, floorH: 3.2,
      structure: i % 3 === 0 ? 'wood' : 'stone_wood', builtYear: 1985 + i * 3,
    });
  void r;
  return list;
}

function templeSpecs(site: SiteRow, r: Rng): Spec[] {
  if (site.size === 'showcase') return showcaseTemple(r);
  const sw: [Structure, number][] = [['stone_wood', 0.75], ['wood', 0.2], ['brick', 0.05]];
  const qs: [Structure, number][] = [['stone_wood', 0.5], ['wood', 0.35], ['brick', 0.15]];
  const out: Spec[] = [];
  const big = site.size === 'large', mid = site.size === 'medium';
  if (site.variant === 'lhakhang') {
    out.push(spec(r, 'chapel', '拉康', 'Lhakhang (Chapel)', [12, 18], [10, 14], [1, 2], sw, 4, TEMPLE_YEARS));
    out.push(spec(r, 'quarters', '僧舍', "Caretakers' Quarters", [14, 22], [7, 9], [1, 1], qs, 3, TEMPLE_YEARS));
    return out;
  }
  out.push(spec(r, 'assembly_hall', '措钦大殿', 'Assembly Hall', big ? [30, 40] : mid ? [24, 30] : [16, 22], big ? [28, 36] : mid ? [20, 26] : [14, 18], big ? [2, 3] : mid ? [2, 2] : [1, 2], sw, 4.2, TEMPLE_YEARS));
  const chapels = big ? r.int(2, 4) : mid ? r.int(1, 2) : r.int(0, 1);
  const chapelNames: [string, string][] = [['护法神殿', 'Protector Chapel'], ['强巴佛殿', 'Maitreya Chapel'], ['度母殿', 'Tara Chapel'], ['莲师殿', 'Guru Rinpoche Chapel']];
  for (let i = 0; i < chapels; i++)
    out.push(spec(r, 'chapel', chapelNames[i][0], chapelNames[i][1], [12, 20], [10, 16], [1, 2], sw, 4, TEMPLE_YEARS));
  const quarters = big ? r.int(3, 5) : mid ? r.int(2, 3) : r.int(1, 2);
  for (let i = 1; i <= quarters; i++)
    out.push(spec(r, 'quarters', quarters > 1 ? `僧舍${ZH_NUM[i]}号楼` : '僧舍', quarters > 1 ? `Monks' Quarters ${i}` : "Monks' Quarters", [28, 42], [8, 11], [1, 2], qs, 3.2, [1985, 2016]));
  if (big || mid || r.chance(0.5)) out.push(spec(r, 'kitchen', '厨房', 'Kitchen', [12, 20], [8, 12], [1, 1], sw, 4, TEMPLE_YEARS));
  if (big && r.chance(0.7)) out.push(spec(r, 'office', '寺管会办公楼', 'Management Committee Office', [20, 28], [10, 12], [2, 3], 'concrete', 3.3, [2006, 2016]));
  return out;
}

function relicSpecs(site: SiteRow, r: Rng): Spec[] {
  if (site.nameEn.startsWith('Karuo (Kharro) Neolithic')) {
    return [
      { kind: 'museum', zh: '卡若遗址保护展示馆', en: 'Karuo Site Protection and Exhibition Hall', w: 48, d: 30, floors: 2, floorH: 5, structure: 'concrete', builtYear: 2014, wings: 2 },
      { kind: 'shelter', zh: '遗址保护大棚', en: 'Excavation Shelter', w: 60, d: 40, floors: 1, floorH: 8, structure: 'concrete', builtYear: 2012 },
      { kind: 'office', zh: '管理用房', en: 'Site Management Office', w: 20, d: 10, floors: 2, floorH: 3.3, structure: 'brick', builtYear: 2010 },
    ];
  }
  if (site.nameEn.startsWith('Chagyima Hall')) {
    return [
      { kind: 'hall', zh: '查杰玛大殿', en: 'Chagyima Hall', w: 44, d: 44, floors: 3, floorH: 5, structure: 'stone_wood', builtYear: 1276, wings: 2 },
      { kind: 'office', zh: '文物管理所', en: 'Relics Management Office', w: 18, d: 10, floors: 2, floorH: 3.3, structure: 'brick', builtYear: 2008 },
    ];
  }
  const old: [number, number] = [1650, 1950];
  const st: [Structure, number][] = [['stone_wood', 0.7], ['wood', 0.3]];
  const out: Spec[] = [];
  const halls = site.variant === 'complex' ? r.int(2, 3) : site.variant === 'wall' || site.variant === 'fort' ? 1 : r.int(1, 2);
  const hallNames: [string, string][] = [['主殿', 'Main Hall'], ['配殿', 'Side Hall'], ['经堂', 'Scripture Hall']];
  for (let i = 0; i < halls; i++) out.push(spec(r, 'hall', hallNames[i][0], hallNames[i][1], [14, 26], [12, 22], [1, 2], st, 4, old));
  if (site.size === 'medium' || r.chance(0.4)) out.push(spec(r, 'office', '管理用房', 'Caretaker Office', [10, 16], [6, 8], [1, 1], 'brick', 3, [2000, 2016]));
  return out;
}

function schoolSpecs(site: SiteRow, r: Rng): Spec[] {
  const big = site.size === 'large', small = site.size === 'small';
  const conc: [Structure, number][] = [['concrete', 0.7], ['brick', 0.3]];
  const yrs: [number, number] = small ? [1998, 2016] : [2003, 2018];
  const out: Spec[] = [];
  const teach = big && r.chance(0.4) ? 2 : 1;
  for (let i = 1; i <= teach; i++)
    out.push(spec(r, 'teaching', teach > 1 ? `${ZH_NUM[i]}号教学楼` : '教学楼', teach > 1 ? `Teaching Block ${i}` : 'Teaching Block', big ? [54, 70] : small ? [30, 42] : [42, 56], [14, 17], big ? [4, 5] : small ? [2, 3] : [3, 4], conc, 3.6, yrs));
  const dorms = big ? r.int(2, 4) : small ? r.int(1, 2) : 2;
  for (let i = 1; i <= dorms; i++)
    out.push(spec(r, 'dormitory', `${ZH_NUM[i]}号宿舍楼`, `Dormitory ${i}`, big ? [48, 60] : small ? [26, 36] : [36, 48], [12, 14], big ? [4, 5] : small ? [2, 3] : [3, 4], [['brick', 0.5], ['concrete', 0.5]], 3.3, yrs));
  out.push(spec(r, 'canteen', '食堂', 'Canteen', big ? [36, 46] : [24, 34], big ? [20, 26] : [14, 20], big ? [2, 2] : [1, 2], conc, 4.2, yrs));
  if (!small && r.chance(0.5)) out.push(spec(r, 'office', '综合楼', 'Administration Building', [28, 36], [12, 14], [3, 4], 'concrete', 3.4, yrs));
  return out;
}

function hospitalSpecs(site: SiteRow, r: Rng): Spec[] {
  const yrs: [number, number] = [1995, 2017];
  if (site.size === 'large')
    return [
      spec(r, 'outpatient', '门诊医技楼', 'Outpatient and Medical Technology Building', [48, 64], [18, 24], [4, 5], 'concrete', 4, yrs),
      spec(r, 'ward', '住院楼', 'Inpatient Ward Building', [50, 64], [16, 18], [5, 7], 'concrete', 3.6, yrs),
      spec(r, 'office', '行政后勤楼', 'Administration and Services Building', [26, 34], [12, 14], [3, 4], 'concrete', 3.4, yrs),
      spec(r, 'plant', '制氧站', 'Oxygen Plant', [14, 18], [8, 10], [1, 1], 'brick', 4.5, [2008, 2018]),
    ];
  if (site.size === 'medium')
    return [
      spec(r, 'outpatient', '门诊楼', 'Outpatient Building', [30, 40], [14, 16], [2, 3], 'concrete', 3.8, yrs),
      spec(r, 'ward', '住院楼', 'Ward Building', [30, 40], [13, 15], [3, 4], 'concrete', 3.5, yrs),
    ];
  return [
    spec(r, 'clinic', '业务综合楼', 'Clinic Building', [20, 30], [11, 14], [2, 3], [['concrete', 0.6], ['brick', 0.4]], 3.5, [2000, 2018]),
    ...(site.variant === 'village' ? [] : [spec(r, 'quarters', '职工周转房', 'Staff Housing', [18, 24], [9, 11], [2, 2], 'brick', 3, [2005, 2018])]),
  ];
}

function welfareSpecs(site: SiteRow, r: Rng): Spec[] {
  const yrs: [number, number] = [2004, 2017];
  const blocks = site.size === 'medium' ? 2 : 1;
  const out = repeat(blocks, (i) =>
    spec(r, 'dormitory', blocks > 1 ? `${ZH_NUM[i]}号住养楼` : '住养楼', blocks > 1 ? `Residential Block ${i}` : 'Residential Block', [30, 44], [12, 15], [2, 4], [['brick', 0.5], ['concrete', 0.5]], 3.3, yrs));
  out.push(spec(r, 'canteen', '食堂及活动室', 'Canteen and Activity Room', [18, 26], [10, 14], [1, 1], 'brick', 3.8, yrs));
  return out;
}

function mallSpecs(site: SiteRow, r: Rng): Spec[] {
  const big = site.size === 'large';
  const s = spec(r, 'hall', '商业综合楼', 'Commercial Building', big ? [80, 120] : [60, 80], big ? [50, 80] : [40, 55], big ? [4, 5] : [3, 4], 'concrete', 5, [2008, 2018]);
  s.wings = s.w * s.d > 5000 ? 3 : 2;
  return [s];
}

function entertainmentSpecs(site: SiteRow, r: Rng): Spec[] {
  if (site.variant === 'cinema') return [spec(r, 'hall', '影城', 'Cinema Building', [34, 44], [24, 30], [2, 3], 'concrete', 5, [2010, 2018])];
  return [spec(r, 'hall', '营业楼', 'Venue Building', [18, 32], [14, 22], [1, 3], [['concrete', 0.6], ['brick', 0.4]], 4, [2005, 2018])];
}

function gasSpecs(site: SiteRow, r: Rng): Spec[] {
  if (site.variant === 'lpg')
    return [
      spec(r, 'filling', '灌装间', 'Cylinder Filling Hall', [18, 26], [10, 14], [1, 1], 'concrete', 6, [2006, 2017]),
      spec(r, 'office', '站房', 'Station Office', [14, 20], [8, 10], [1, 2], 'brick', 3.3, [2006, 2017]),
    ];
  return [
    spec(r, 'canopy', '加油罩棚', 'Forecourt Canopy', [20, 32], [12, 18], [1, 1], 'concrete', 6, [2002, 2018]),
    spec(r, 'shop', '站房', 'Station Building', [14, 22], [8, 10], [1, 2], [['brick', 0.6], ['concrete', 0.4]], 3.4, [2002, 2018]),
  ];
}

function mineSpecs(site: SiteRow, r: Rng): Spec[] {
  const real = !site.generated;
  const out: Spec[] = [
    spec(r, 'plant', site.variant === 'quarry' ? '破碎筛分车间' : '选矿厂房', site.variant === 'quarry' ? 'Crushing and Screening Plant' : 'Concentrator Plant', real ? [80, 100] : [40, 60], real ? [36, 44] : [20, 30], [1, 1], 'concrete', real ? 14 : 11, [2006, 2016]),
    spec(r, 'workshop', '机修车间', 'Maintenance Workshop', [24, 36], [12, 18], [1, 1], 'concrete', 7, [2006, 2016]),
    spec(r, 'office', '办公楼', 'Office', [20, 28], [10, 12], [2, 3], [['brick', 0.5], ['concrete', 0.5]], 3.3, [2006, 2016]),
  ];
  if (site.variant !== 'quarry') out.push(spec(r, 'fan_house', '主扇风机房', 'Main Ventilation Fan House', [10, 14], [6, 8], [1, 1], 'concrete', 5, [2006, 2016]));
  if (real) {
    out.push(spec(r, 'plant', '二期选矿厂房', 'Concentrator Plant Phase II', [70, 90], [30, 40], [1, 1], 'concrete', 14, [2015, 2018]));
    out.push(spec(r, 'dormitory', '职工宿舍', 'Staff Dormitory', [40, 50], [12, 14], [3, 4], 'concrete', 3.2, [2010, 2016]));
  }
  return out;
}

function hazchemSpecs(site: SiteRow, r: Rng): Spec[] {
  const n = site.variant === 'depot' ? r.int(1, 2) : 1;
  const out = repeat(n, (i) =>
    spec(r, 'warehouse', n > 1 ? `${ZH_NUM[i]}号库房` : '库房', n > 1 ? `Store ${i}` : 'Store', [20, 34], [10, 16], [1, 1], [['concrete', 0.6], ['brick', 0.4]], 6, [2003, 2017]));
  if (site.variant === 'plant') out.push(spec(r, 'filling', '充装间', 'Filling Hall', [14, 20], [8, 12], [1, 1], 'concrete', 5, [2008, 2017]));
  out.push(spec(r, 'office', '值班室及办公室', 'Duty Room and Office', [10, 16], [6, 8], [1, 1], 'brick', 3.2, [2003, 2017]));
  return out;
}

export const PROGRAMMES: Record<SiteCategory, (s: SiteRow, r: Rng) => Spec[]> = {
  temple: templeSpecs, relic: relicSpecs, school: schoolSpecs, hospital: hospitalSpecs, welfare: welfareSpecs,
  mall: mallSpecs, entertainment: entertainmentSpecs, gas: gasSpecs, mine: mineSpecs, hazchem: hazchemSpecs,
};
