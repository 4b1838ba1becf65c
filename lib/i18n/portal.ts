/**
 * The portal's one translation mechanism, zh (default) and en; universal (server and browser). A screen's words
 * are a catalogue made with catalogue(zh, en): the compiler checks every key has both. t = translator(cat, lang)
 * gives t(key); pick(lang, entry) reads the vocabulary's { zh, en } entries. The portal's shared words are here;
 * the big screen's and the twin's sit beside those screens, made the same way. (The public pages have their own
 * trilingual, reviewed catalogue: server/public/i18n.ts.)
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_COOKIE = 'esms_lang';

export function parseLang(v: string | null | undefined): Lang {
  return v === 'en' ? 'en' : 'zh';
}

const zh = {
  platform: '昌都市智慧式用电安全管理平台',
  platformSub: 'Changdu Smart Electrical-Safety Platform',
  platformShort: '昌都用电安全',
  signIn: '登录',
  signingIn: '正在登录…',
  signOut: '退出',
  username: '用户名',
  password: '密码',
  usernamePh: '请输入用户名',
  passwordPh: '请输入密码',
  needUsername: '请输入用户名',
  needPassword: '请输入密码',
  badCredentials: '用户名或密码错误',
  networkError: '无法连接服务器，请检查网络后重试',
  showPassword: '显示密码',
  hidePassword: '隐藏密码',
  loginHint: '仅限授权人员使用。连续多次输入错误将被暂时锁定。',
  langToggle: 'EN',
  langToggleLabel: 'EN · Switch to English',
  sites: '监测单位',
  sitesShown: '显示',
  categories: '行业类别',
  statuses: '运行状态',
  all: '全部',
  none: '全不选',
  county: '所属县区',
  category: '行业',
  status: '状态',
  department: '主管部门',
  address: '地址',
  rollout: '建设进度',
  devicesOnline: '在线设备',
  circuits: '监测回路',
  activeAlarms: '当前告警',
  noActiveAlarms: '暂无未处理告警',
  lastSeen: '最近数据',
  close: '关闭',
  loading: '加载中…',
  loadFailed: '加载失败',
  retry: '重试',
  live: '实时',
  stale: '数据过期',
  disconnected: '连接中断',
  freshnessTitle: '实时数据连接状态',
  scope: '管辖范围',
  mapLoading: '地图加载中…',
  legend: '图例',
  normalHue: '正常时按行业着色',
  sitesUnit: ' 处',
  enteringSite: '正在进入场所…',
  openSite3d: '进入三维场所 →',
  mapAria: '昌都市监测单位分布图',
  sections: '功能',
  notifySettings: '通知设置',
  administration: '系统管理',
  publicPages: '公众宣传页',
} as const;

export type PortalKey = keyof typeof zh;

const en: Record<PortalKey, string> = {
  platform: 'Changdu Smart Electrical-Safety Platform',
  platformSub: '昌都市智慧式用电安全管理平台',
  platformShort: 'Changdu ESMS',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  username: 'Username',
  password: 'Password',
  usernamePh: 'Enter your username',
  passwordPh: 'Enter your password',
  needUsername: 'Please enter your username',
  needPassword: 'Please enter your password',
  badCredentials: 'Wrong username or password',
  networkError: 'Cannot reach the server. Check the network and try again.',
  showPassword: 'Show password',
  hidePassword: 'Hide password',
  loginHint: 'Authorised staff only. Repeated failures lock sign-in for a while.',
  langToggle: '中文',
  langToggleLabel: '中文 · 切换到中文',
  sites: 'Monitored sites',
  sitesShown: 'shown',
  categories: 'Sectors',
  statuses: 'Status',
  all: 'All',
  none: 'None',
  county: 'County',
  category: 'Sector',
  status: 'Status',
  department: 'Department',
  address: 'Address',
  rollout: 'Rollout',
  devicesOnline: 'Devices online',
  circuits: 'Circuits',
  activeAlarms: 'Active alarms',
  noActiveAlarms: 'No open alarms',
  lastSeen: 'Last data',
  close: 'Close',
  loading: 'Loading…',
  loadFailed: 'Failed to load',
  retry: 'Retry',
  live: 'Live',
  stale: 'Stale',
  disconnected: 'Disconnected',
  freshnessTitle: 'Real-time data connection',
  scope: 'Scope',
  mapLoading: 'Loading map…',
  legend: 'Legend',
  normalHue: 'Normal sites coloured by sector',
  sitesUnit: ' sites',
  enteringSite: 'Entering the site…',
  openSite3d: 'Open the site in 3D →',
  mapAria: 'Map of Changdu with monitored sites',
  sections: 'Sections',
  notifySettings: 'Notifications',
  administration: 'Administration',
  publicPages: 'Public pages',
};

export type Catalogue<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

/** a screen's words: Chinese (the source) and English for every key */
export function catalogue<K extends string>(zhWords: Record<K, string>, enWords: NoInfer<Record<K, string>>): Catalogue<K> {
  return { zh: zhWords, en: enWords };
}

/** the words of a catalogue in a language, as t(key) */
export function translator<K extends string>(cat: Catalogue<K>, lang: Lang): (key: K) => string {
  const d = cat[lang];
  return (key) => d[key];
}

/** the portal's shared words (sign-in, header, map) */
export const PORTAL_WORDS: Catalogue<PortalKey> = catalogue(zh, en);

export function tr(lang: Lang, key: PortalKey): string {
  return PORTAL_WORDS[lang][key];
}

/** zh/en pair picker for catalog entries ({ zh, en }). */
export function pick(lang: Lang, v: { zh: string; en: string }): string {
  return lang === 'en' ? v.en : v.zh;
}
