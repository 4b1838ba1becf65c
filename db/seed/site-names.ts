/** Names and addresses of generated sites, in Chinese and English, from the county, the township and the seed. */
import { KARUO } from '../../lib/domain/counties.ts';
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import { distanceM } from './geo.ts';
import { STREETS, tibetanName, type ZhEn } from './names.ts';
import type { Rng } from './rng.ts';
import type { CountyCtx, Placement } from './site-types.ts';

const KARUO_CITY_ZH = '昌都市';

const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
export const cnNum = (n: number) => CN_NUM[n] ?? String(n);
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

export interface NameCtx {
  ctx: CountyCtx;
  pl: Placement;
  rng: Rng;
  n: Map<string, number>;
  used: Set<string>;
}

export function counter(nc: NameCtx, k: string): number {
  const v = (nc.n.get(k) ?? 0) + 1;
  nc.n.set(k, v);
  return v;
}

/** county prefix for names: 昌都市 for city-level institutions in Karuo, else the county name */
export function nameSite(cat: SiteCategory, nc: NameCtx): { zh: string; en: string; variant: string } {
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

export function address(ctx: CountyCtx, pl: Placement, rng: Rng): string {
  const head = `西藏自治区昌都市${ctx.zh}`;
  if ((pl.anchor === 'seat' || pl.anchor === 'real') && distanceM(pl.p, ctx.seat) < 6000)
    return `${head}${ctx.seatTown[0]}${rng.pick(STREETS)[0]}${rng.int(1, 320)}号`;
  const t = pl.township;
  const [vz] = tibetanName(rng, 2);
  if (pl.anchor === 'road' && pl.roadRef) return `${head}${t ? t.zh : ctx.seatTown[0]}${pl.roadRef}国道旁（${vz}村）`;
  return `${head}${t ? t.zh : ctx.seatTown[0]}${vz}村`;
}
