/** The rollout site list (drill-down from the matrix): filters in the URL, server paging, scope-filtered. */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Principal } from '../../platform/scope.ts';
import { categoryLabel, ROLLOUT_INFO, type RolloutState } from '../../lib/domain/vocabulary/index.ts';
import type { ExportColumn } from '../export/index.ts';
import { bjDay } from '../../lib/domain/rollout/phases.ts';
import type { RolloutSiteFilter } from './filters.ts';
import { likeContains } from '../../lib/text/like.ts';

export interface RolloutSiteRow {
  id: string;
  nameZh: string;
  nameEn: string;
  category: string;
  county: number;
  countyZh: string;
  state: RolloutState;
  isPilot: boolean;
  municipal: boolean;
  regional: boolean;
  plannedAt: string | null;
  surveyedAt: string | null;
  installedAt: string | null;
  commissionedAt: string | null;
  inServiceAt: string | null;
  serviceProvider: string;
  powerOk: boolean;
  networkOk: boolean;
}

export const PAGE_SIZE = 100;

function where(sql: Sql, p: Principal, f: RolloutSiteFilter) {
  const asOf = f.asOf ?? bjDay();
  const col = f.metric === 'installed' ? sql`s.installed_at` : sql`s.in_service_at`;
  const q = f.q?.trim();
  return sql`${siteScopeSql(sql, p.scope)}
    AND ${f.county ? sql`s.county_adcode = ${f.county}` : sql`true`}
    AND ${f.category ? sql`s.category = ${f.category}` : sql`true`}
    AND ${f.state ? sql`s.rollout_state = ${f.state}` : sql`true`}
    AND ${f.uncovered ? sql`(${col} IS NULL OR ${col} > ${asOf}::date)` : sql`true`}
    AND ${f.pilot ? sql`(s.is_pilot OR ps.municipal OR ps.regional_recommended)` : sql`true`}
    AND ${f.conditions ? sql`NOT (s.power_ok AND s.network_ok)` : sql`true`}
    AND ${f.provider ? sql`s.service_provider = ${f.provider}` : sql`true`}
    AND ${q ? sql`(s.name_zh ILIKE ${likeContains(q)} OR s.id ILIKE ${likeContains(q)} OR s.name_en ILIKE ${likeContains(q)})` : sql`true`}`;
}

export async function listRolloutSites(sql: Sql, p: Principal, f: RolloutSiteFilter, limit = PAGE_SIZE): Promise<{ rows: RolloutSiteRow[]; total: number }> {
  const page = f.page ?? 1;
  const w = where(sql, p, f);
  const [rows, [{ n }]] = await Promise.all([
    sql<RolloutSiteRow[]>`
      SELECT s.id, s.name_zh AS "nameZh", s.name_en AS "nameEn", s.category, s.county_adcode AS county, c.name_zh AS "countyZh",
             s.rollout_state AS state, s.is_pilot AS "isPilot", coalesce(ps.municipal, false) AS municipal,
             coalesce(ps.regional_recommended, false) AS regional,
             s.planned_at::text AS "plannedAt", s.surveyed_at::text AS "surveyedAt", s.installed_at::text AS "installedAt",
             s.commissioned_at::text AS "commissionedAt", s.in_service_at::text AS "inServiceAt",
             s.service_provider AS "serviceProvider", s.power_ok AS "powerOk", s.network_ok AS "networkOk"
      FROM sites s JOIN counties c ON c.adcode = s.county_adcode LEFT JOIN pilot_selections ps ON ps.site_id = s.id
      WHERE ${w}
      ORDER BY s.county_adcode, s.category, array_position(ARRAY['planned','surveyed','installed','commissioned','in_service'], s.rollout_state), s.id
      LIMIT ${limit} OFFSET ${(page - 1) * limit}`,
    sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites s LEFT JOIN pilot_selections ps ON ps.site_id = s.id WHERE ${w}`,
  ]);
  return { rows, total: n };
}

export async function serviceProviders(sql: Sql, p: Principal): Promise<string[]> {
  const rows = await sql<{ v: string }[]>`
    SELECT DISTINCT s.service_provider AS v FROM sites s WHERE ${siteScopeSql(sql, p.scope)} AND s.service_provider <> '' ORDER BY 1`;
  return rows.map((r) => r.v);
}

const yn = (b: boolean) => (b ? '具备' : '不具备');
export const ROLLOUT_SITE_COLUMNS: ExportColumn<RolloutSiteRow>[] = [
  { header: '编号 ID', value: 'id', width: 16 },
  { header: '单位 Site', value: 'nameZh', width: 26 },
  { header: '县（区） County', value: 'countyZh', width: 10 },
  { header: '行业 Sector', value: (r) => categoryLabel(r.category), width: 14 },
  { header: '进度 State', value: (r) => ROLLOUT_INFO[r.state].zh, width: 8 },
  { header: '试点 Pilot', value: (r) => [r.isPilot ? '县/部门试点' : '', r.municipal ? '市级试点' : '', r.regional ? '推荐自治区' : ''].filter(Boolean).join('、'), width: 16 },
  { header: '计划 Planned', value: 'plannedAt', width: 11 },
  { header: '勘察 Surveyed', value: 'surveyedAt', width: 11 },
  { header: '安装 Installed', value: 'installedAt', width: 11 },
  { header: '调试 Commissioned', value: 'commissionedAt', width: 11 },
  { header: '投用 In service', value: 'inServiceAt', width: 11 },
  { header: '通电 Power', value: (r) => yn(r.powerOk), width: 8 },
  { header: '通网 Network', value: (r) => yn(r.networkOk), width: 8 },
  { header: '技术服务单位 Provider', value: 'serviceProvider', width: 28 },
];
