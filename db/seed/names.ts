/**
 * Name material for generated sites. Township names are real townships of each county (names only: their
 * positions in the seed are generated). Everything else is invented and plausible, Chinese first.
 */
import type { Rng } from './rng.ts';

export type ZhEn = readonly [zh: string, en: string];

/** Townships (乡镇) per county, excluding the county seat town; [zh, pinyin]. */
export const TOWNSHIPS: Record<number, ZhEn[]> = {
  540302: [
    ['俄洛镇', 'Eluo'], ['卡若镇', 'Karuo'], ['芒达乡', 'Mangda'], ['沙贡乡', 'Shagong'], ['若巴乡', 'Ruoba'],
    ['埃西乡', 'Aixi'], ['如意乡', 'Ruyi'], ['日通乡', 'Ritong'], ['柴维乡', 'Chaiwei'], ['约巴乡', 'Yueba'],
    ['妥坝乡', 'Tuoba'], ['拉多乡', 'Laduo'], ['面达乡', 'Mianda'], ['嘎玛乡', 'Gama'],
  ],
  540321: [
    ['岗托镇', 'Gangtuo'], ['岩比乡', 'Yanbi'], ['邓柯乡', 'Dengke'], ['生达乡', 'Shengda'], ['娘西乡', 'Niangxi'],
    ['字呷乡', 'Ziga'], ['青泥洞乡', 'Qingnidong'], ['汪布顶乡', 'Wangbuding'], ['德登乡', 'Dedeng'],
    ['卡贡乡', 'Kagong'], ['同普乡', 'Tongpu'], ['波罗乡', 'Boluo'],
  ],
  540322: [
    ['相皮乡', 'Xiangpi'], ['哈加乡', 'Hajia'], ['雄松乡', 'Xiongsong'], ['拉妥乡', 'Latuo'], ['阿旺乡', 'Awang'],
    ['木协乡', 'Muxie'], ['罗麦乡', 'Luomai'], ['沙东乡', 'Shadong'], ['克日乡', 'Keri'], ['则巴乡', 'Zeba'],
    ['敏都乡', 'Mindu'],
  ],
  540323: [
    ['类乌齐镇', 'Leiwuqi'], ['甲桑卡乡', 'Jiasangka'], ['长毛岭乡', 'Changmaoling'], ['尚卡乡', 'Shangka'],
    ['岗色乡', 'Gangse'], ['吉多乡', 'Jiduo'], ['宾达乡', 'Binda'], ['卡玛多乡', 'Kamaduo'], ['伊日乡', 'Yiri'],
  ],
  540324: [
    ['尺牍镇', 'Chidu'], ['觉恩乡', 'Jue\'en'], ['沙贡乡', 'Shagong'], ['当堆乡', 'Dangdui'], ['桑多乡', 'Sangduo'],
    ['木塔乡', 'Muta'], ['布塔乡', 'Buta'], ['巴达乡', 'Bada'], ['甘岩乡', 'Ganyan'], ['嘎塔乡', 'Gata'],
    ['色扎乡', 'Seza'], ['协雄乡', 'Xiexiong'],
  ],
  540325: [
    ['吉塘镇', 'Jitang'], ['香堆镇', 'Xiangdui'], ['王卡乡', 'Wangka'], ['新卡乡', 'Xinka'], ['宗沙乡', 'Zongsha'],
    ['肯通乡', 'Kentong'], ['扩达乡', 'Kuoda'], ['察拉乡', 'Chala'], ['巴日乡', 'Bari'], ['阿孜乡', 'Azi'],
    ['荣周乡', 'Rongzhou'], ['卡贡乡', 'Kagong'],
  ],
  540326: [
    ['然乌镇', 'Ranwu'], ['邦达镇', 'Bangda'], ['同卡镇', 'Tongka'], ['吉达乡', 'Jida'], ['夏里乡', 'Xiali'],
    ['拉根乡', 'Lagen'], ['益庆乡', 'Yiqing'], ['林卡乡', 'Linka'], ['郭庆乡', 'Guoqing'], ['西巴乡', 'Xiba'],
  ],
  540327: [
    ['田妥镇', 'Tiantuo'], ['扎玉镇', 'Zhayu'], ['东坝乡', 'Dongba'], ['仁果乡', 'Renguo'], ['绕金乡', 'Raojin'],
    ['碧土乡', 'Bitu'], ['美玉乡', 'Meiyu'], ['中林卡乡', 'Zhonglinka'], ['下林卡乡', 'Xialinka'],
  ],
  540328: [
    ['如美镇', 'Rumei'], ['曲孜卡乡', 'Quzika'], ['木许乡', 'Muxu'], ['纳西民族乡', 'Naxi'], ['朱巴龙乡', 'Zhubalong'],
    ['索多西乡', 'Suoduoxi'], ['戈波乡', 'Gebo'], ['帮达乡', 'Bangda'], ['措瓦乡', 'Cuowa'], ['徐中乡', 'Xuzhong'],
    ['昂多乡', 'Angduo'], ['宗西乡', 'Zongxi'], ['洛尼乡', 'Luoni'],
  ],
  540329: [
    ['硕督镇', 'Shuodu'], ['康沙镇', 'Kangsha'], ['马利镇', 'Mali'], ['达龙乡', 'Dalong'], ['新荣乡', 'Xinrong'],
    ['白达乡', 'Baida'], ['玉西乡', 'Yuxi'], ['腊久乡', 'Lajiu'], ['俄西乡', 'Exi'], ['中亦乡', 'Zhongyi'],
  ],
  540330: [
    ['边坝镇', 'Bianba'], ['沙丁乡', 'Shading'], ['金岭乡', 'Jinling'], ['加贡乡', 'Jiagong'], ['马武乡', 'Mawu'],
    ['热玉乡', 'Reyu'], ['尼木乡', 'Nimu'], ['马秀乡', 'Maxiu'], ['都瓦乡', 'Duwa'], ['拉孜乡', 'Lazi'],
  ],
};

/** Street names for the county seat towns. */
export const STREETS: ZhEn[] = [
  ['人民路', 'Renmin Rd'], ['解放路', 'Jiefang Rd'], ['滨河路', 'Binhe Rd'], ['茶马路', 'Chama Rd'],
  ['民主路', 'Minzhu Rd'], ['商贸路', 'Shangmao Rd'], ['幸福路', 'Xingfu Rd'], ['团结路', 'Tuanjie Rd'],
  ['格萨尔路', 'Gesar Rd'], ['康巴大道', 'Kangba Ave'], ['文化路', 'Wenhua Rd'], ['建设路', 'Jianshe Rd'],
  ['雪域路', 'Xueyu Rd'], ['昌庆街', 'Changqing St'], ['新区大道', 'Xinqu Ave'], ['阳光路', 'Yangguang Rd'],
];

/** Tibetan-style syllables for invented monastery and village names: [zh, romanised]. */
export const SYLLABLES: ZhEn[] = [
  ['贡', 'Gon'], ['桑', 'Sang'], ['达', 'Dar'], ['热', 'Re'], ['拉', 'Lha'], ['多', 'Do'], ['噶', 'Ga'],
  ['曲', 'Chu'], ['扎', 'Dra'], ['仁', 'Rin'], ['德', 'De'], ['珠', 'Dru'], ['觉', 'Jo'], ['吉', 'Kyi'],
  ['孜', 'Tse'], ['岗', 'Gang'], ['丹', 'Den'], ['江', 'Jang'], ['色', 'Ser'], ['雄', 'Shong'], ['巴', 'Ba'],
  ['然', 'Ra'], ['宗', 'Dzong'], ['林', 'Ling'], ['朗', 'Lang'], ['卓', 'Dro'], ['玛', 'Ma'], ['强', 'Jam'],
  ['洛', 'Lo'], ['帕', 'Pa'], ['穷', 'Khyung'], ['囊', 'Nang'], ['则', 'Tse'], ['旺', 'Wang'], ['杰', 'Gyal'],
];

const TIBETAN_GIVEN = [
  '扎西', '次仁', '格桑', '达瓦', '尼玛', '央金', '卓玛', '洛桑', '平措', '旺堆', '多吉', '顿珠', '拉姆', '白玛',
  '索朗', '群培', '强巴', '丹增', '益西', '曲珍', '德吉', '巴桑', '边巴', '普布', '阿旺', '土登', '次旦', '贡布',
];
const HAN_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '罗', '何', '马'];
const HAN_GIVEN = ['伟', '芳', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '华', '平', '红', '建国', '志强', '海燕'];

export function personName(rng: Rng, monastic = false): string {
  if (monastic || rng.chance(0.72)) {
    const a = rng.pick(TIBETAN_GIVEN);
    let b = rng.pick(TIBETAN_GIVEN);
    if (b === a) b = '次仁';
    return rng.chance(0.15) && !monastic ? a : a + b;
  }
  return rng.pick(HAN_SURNAMES) + rng.pick(HAN_GIVEN);
}

const MOBILE_PREFIXES = ['139', '138', '136', '189', '180', '133', '158', '178', '150', '135'];
export function mobilePhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

export function tibetanName(rng: Rng, syllables = 2): ZhEn {
  let zh = '';
  let en = '';
  let last = '';
  for (let i = 0; i < syllables; i++) {
    let s = rng.pick(SYLLABLES);
    while (s[0] === last) s = rng.pick(SYLLABLES);
    last = s[0];
    zh += s[0];
    en += i === 0 ? s[1] : s[1].toLowerCase();
  }
  return [zh, en];
}

/** Service providers (技术服务单位) — fictional. */
export const SERVICE_PROVIDERS = [
  '昌都安电智慧科技有限公司',
  '西藏雪域智联电气技术服务有限公司',
  '藏东电力安全技术服务中心',
  '四川蓉安消防电气检测有限公司昌都分公司',
] as const;

/**
 * Chinese names for the CSV rows that have none. Where no established Chinese form was found, a
 * transliteration is used and the row's `source` says so.
 */
export const REAL_NAME_FALLBACK: Record<string, { zh: string; known: boolean }> = {
  'Khyungpo Tengchen Monastery (Bon)': { zh: '丁青寺', known: true },
  'Khampagar Monastery': { zh: '康巴噶寺', known: false },
  'Neten Monastery': { zh: '乃丹寺', known: false },
  'Tsike Norbu Ling Monastery': { zh: '孜珂诺布林寺', known: false },
  'Sho Monastery': { zh: '硕寺', known: false },
  'Takmogang Kelzang Puntsok Ling (Dzin Takmo Gon)': { zh: '达莫岗寺', known: false },
  'Gingtang Gon': { zh: '京塘寺', known: false },
};
