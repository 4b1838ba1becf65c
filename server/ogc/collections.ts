/**
 * The OGC API – Features collections: for each, its table, geometry, id, the properties it publishes (the
 * whitelist: only these can be filtered on, and only by equality) and its time column. Column expressions are
 * constants of this file, never request input; every site-bound collection joins `sites s` so the scope rule
 * (platform/scope.ts siteScopeSql) filters it like everything else.
 */
export type PropType = 'string' | 'integer' | 'number' | 'boolean' | 'date-time';

export interface PropDef {
  name: string;
  /** SQL expression over the collection's FROM (a constant) */
  expr: string;
  type: PropType;
  titleZh: string;
  /** closed vocabularies, for the schema */
  enum?: readonly string[];
  /** may be used as a `name=value` query filter */
  filter?: boolean;
}

export interface CollectionDef {
  id: string;
  titleZh: string;
  titleEn: string;
  description: string;
  geometryType: 'Point' | 'Polygon' | 'MultiPolygon';
  /** FROM clause (constant); `s` is always the site, when there is one */
  from: string;
  /** extra constant WHERE condition (e.g. active alarms only) */
  where?: string;
  idExpr: string;
  idType: 'string' | 'integer';
  geomExpr: string;
  /** the instant the `datetime` parameter tests, if the collection has time */
  timeExpr?: string;
  siteBound: boolean;
  /** readable without a token (public aggregates only) */
  public: boolean;
  props: PropDef[];
}

const CATEGORIES = ['relic', 'temple', 'school', 'welfare', 'hospital', 'mall', 'entertainment', 'gas', 'mine', 'hazchem'] as const;
const SITE_STATUS = ['normal', 'warning', 'alarm', 'critical', 'fault', 'offline'] as const;
const ROLLOUT = ['planned', 'surveyed', 'installed', 'commissioned', 'in_service'] as const;
const SEVERITY = ['warning', 'alarm', 'critical'] as const;

const siteRef: PropDef[] = [
  { name: 'site_id', expr: 's.id', type: 'string', titleZh: '场所编号', filter: true },
  { name: 'site_name_zh', expr: 's.name_zh', type: 'string', titleZh: '场所名称' },
  { name: 'category', expr: 's.category', type: 'string', titleZh: '场所类别', enum: CATEGORIES, filter: true },
  { name: 'county_adcode', expr: 's.county_adcode', type: 'integer', titleZh: '县（区）代码', filter: true },
];

export const COLLECTIONS: CollectionDef[] = [
  {
    id: 'sites',
    titleZh: '监管场所',
    titleEn: 'Supervised sites',
    description: '场所：类别、县（区）、主管部门、推广状态与实时状态 · sites with category, county, department, rollout and live status',
    geometryType: 'Point',
    from: 'sites s JOIN counties c ON c.adcode = s.county_adcode',
    idExpr: 's.id',
    idType: 'string',
    geomExpr: 's.geom',
    siteBound: true,
    public: false,
    props: [
      { name: 'name_zh', expr: 's.name_zh', type: 'string', titleZh: '名称' },
      { name: 'name_en', expr: 's.name_en', type: 'string', titleZh: '英文名称' },
      { name: 'category', expr: 's.category', type: 'string', titleZh: '场所类别', enum: CATEGORIES, filter: true },
      { name: 'county_adcode', expr: 's.county_adcode', type: 'integer', titleZh: '县（区）代码', filter: true },
      { name: 'county_name_zh', expr: 'c.name_zh', type: 'string', titleZh: '县（区）' },
      { name: 'department_id', expr: 's.department_id', type: 'string', titleZh: '主管部门', filter: true },
      { name: 'rollout_state', expr: 's.rollout_state', type: 'string', titleZh: '推广状态', enum: ROLLOUT, filter: true },
      { name: 'status', expr: 's.status', type: 'string', titleZh: '实时状态', enum: SITE_STATUS, filter: true },
      { name: 'status_changed_at', expr: 's.status_changed_at', type: 'date-time', titleZh: '状态变化时间' },
      { name: 'is_pilot', expr: 's.is_pilot', type: 'boolean', titleZh: '试点', filter: true },
    ],
  },
  {
    id: 'buildings',
    titleZh: '建筑',
    titleEn: 'Buildings',
    description: '建筑轮廓、层数、高度、结构 · building footprints with floors, height and structure',
    geometryType: 'Polygon',
    from: 'buildings b JOIN sites s ON s.id = b.site_id',
    idExpr: 'b.id',
    idType: 'integer',
    geomExpr: 'b.footprint',
    siteBound: true,
    public: false,
    props: [
      ...siteRef,
      { name: 'name_zh', expr: 'b.name_zh', type: 'string', titleZh: '名称' },
      { name: 'name_en', expr: 'b.name_en', type: 'string', titleZh: '英文名称' },
      { name: 'kind', expr: 'b.kind', type: 'string', titleZh: '用途', filter: true },
      { name: 'floors', expr: 'b.floors', type: 'integer', titleZh: '层数', filter: true },
      { name: 'height_m', expr: 'b.height_m', type: 'number', titleZh: '高度（米）' },
      { name: 'structure', expr: 'b.structure', type: 'string', titleZh: '结构', enum: ['wood', 'stone_wood', 'brick', 'concrete'], filter: true },
      { name: 'built_year', expr: 'b.built_year', type: 'integer', titleZh: '建成年份', filter: true },
    ],
  },
  {
    id: 'counties',
    titleZh: '县（区）',
    titleEn: 'Counties',
    description: '县（区）边界与场所数量（未登录时为 k-匿名公开统计）· county boundaries with site counts (k-anonymous public aggregates without a token)',
    geometryType: 'MultiPolygon',
    from: 'counties c',
    idExpr: 'c.adcode',
    idType: 'integer',
    geomExpr: 'c.geom',
    siteBound: false,
    public: true,
    props: [
      { name: 'adcode', expr: 'c.adcode', type: 'integer', titleZh: '行政区划代码', filter: true },
      { name: 'name_zh', expr: 'c.name_zh', type: 'string', titleZh: '名称' },
      { name: 'name_en', expr: 'c.name_en', type: 'string', titleZh: '英文名称' },
      // filled per caller (server/ogc/counties.ts): in-scope counts, or k-anonymous public ones
      { name: 'sites_total', expr: 'NULL::int', type: 'integer', titleZh: '场所数' },
      { name: 'sites_covered', expr: 'NULL::int', type: 'integer', titleZh: '已接入场所数' },
      { name: 'coverage_pct', expr: 'NULL::real', type: 'number', titleZh: '覆盖率（%）' },
    ],
  },
  {
    id: 'alarms',
    titleZh: '当前报警',
    titleEn: 'Active alarms',
    description: '未消除的报警，位置为所在场所 · alarms not yet cleared, located at their site',
    geometryType: 'Point',
    from: 'alarms a JOIN sites s ON s.id = a.site_id',
    where: 'a.cleared_at IS NULL',
    idExpr: 'a.id',
    idType: 'integer',
    geomExpr: 's.geom',
    timeExpr: 'a.opened_at',
    siteBound: true,
    public: false,
    props: [
      ...siteRef,
      { name: 'device_id', expr: 'a.device_id', type: 'string', titleZh: '设备编号', filter: true },
      { name: 'ch', expr: 'a.ch', type: 'integer', titleZh: '回路' },
      { name: 'type', expr: 'a.type', type: 'string', titleZh: '报警类型', filter: true },
      { name: 'severity', expr: 'a.severity', type: 'string', titleZh: '级别', enum: SEVERITY, filter: true },
      { name: 'opened_at', expr: 'a.opened_at', type: 'date-time', titleZh: '发生时间' },
      { name: 'recovered_at', expr: 'a.recovered_at', type: 'date-time', titleZh: '恢复时间' },
      { name: 'acknowledged', expr: '(a.acknowledged_at IS NOT NULL)', type: 'boolean', titleZh: '已确认' },
    ],
  },
  {
    id: 'hazards',
    titleZh: '隐患',
    titleEn: 'Hazards',
    description: '隐患及整改状态，位置为所在场所 · hazards and their rectification state, located at their site',
    geometryType: 'Point',
    from: 'hazards h JOIN sites s ON s.id = h.site_id',
    idExpr: 'h.id',
    idType: 'integer',
    geomExpr: 's.geom',
    timeExpr: 'h.created_at',
    siteBound: true,
    public: false,
    props: [
      ...siteRef,
      { name: 'title', expr: 'h.title', type: 'string', titleZh: '标题' },
      { name: 'source', expr: 'h.source', type: 'string', titleZh: '来源', filter: true },
      { name: 'severity', expr: 'h.severity', type: 'string', titleZh: '级别', enum: SEVERITY, filter: true },
      { name: 'state', expr: 'h.state', type: 'string', titleZh: '状态', filter: true },
      { name: 'deadline', expr: 'h.deadline', type: 'date-time', titleZh: '整改期限' },
      { name: 'created_at', expr: 'h.created_at', type: 'date-time', titleZh: '上报时间' },
      { name: 'closed_at', expr: 'h.closed_at', type: 'date-time', titleZh: '关闭时间' },
    ],
  },
];

export const collectionById = (id: string) => COLLECTIONS.find((c) => c.id === id);
/** What a caller may list: everything with a token; only the public aggregates without one. */
export const visibleCollections = (authed: boolean) => COLLECTIONS.filter((c) => authed || c.public);
