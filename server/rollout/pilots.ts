/**
 * Pilot units (phase 3, 试点先行): county/department pilots are sites.is_pilot (Karuo first, 3–4 per department
 * and county); pilot_selections adds the 1–2 municipal pilot units and the units recommended to the region.
 */
import type { Sql } from '../../platform/db.ts';
import { siteScopeSql, type Principal } from '../../platform/scope.ts';
import { can } from '../../lib/domain/permissions.ts';
import { audit } from '../auth/audit.ts';
import { AppError } from '../http/errors.ts';
import { requireVisibleSite } from '../queries/visible-site.ts';
import { KARUO } from '../../lib/domain/counties.ts';

export interface PilotRow {
  id: string;
  nameZh: string;
  category: string;
  departmentId: string;
  county: number;
  countyZh: string;
  state: string;
  inServiceAt: string | null;
  isPilot: boolean;
  municipal: boolean;
  regional: boolean;
  reportedOn: string | null;
  note: string;
}

export const MUNICIPAL_MAX = 2;

export async function listPilots(sql: Sql, p: Principal): Promise<PilotRow[]> {
  return sql<PilotRow[]>`
    SELECT s.id, s.name_zh AS "nameZh", s.category, s.department_id AS "departmentId", s.county_adcode AS county, c.name_zh AS "countyZh",
           s.rollout_state AS state, s.in_service_at::text AS "inServiceAt", s.is_pilot AS "isPilot",
           coalesce(ps.municipal, false) AS municipal, coalesce(ps.regional_recommended, false) AS regional,
           ps.reported_on::text AS "reportedOn", coalesce(ps.note, '') AS note
    FROM sites s JOIN counties c ON c.adcode = s.county_adcode LEFT JOIN pilot_selections ps ON ps.site_id = s.id
    WHERE ${siteScopeSql(sql, p.scope)} AND (s.is_pilot OR ps.municipal OR ps.regional_recommended)
    ORDER BY (s.county_adcode = ${KARUO}) DESC, s.county_adcode, coalesce(ps.municipal, false) DESC, s.category, s.id`;
}

export interface PilotInput {
  siteId: string;
  municipal: boolean;
  regional: boolean;
  reportedOn: string | null;
  note: string;
}

/** City-level selections (municipal, regional) are the committee's and fire brigade's: whole-city scope only. */
export async function setPilot(sql: Sql, p: Principal, input: PilotInput, ip: string | null) {
  if (!can(p.role, 'rollout.edit')) throw new AppError('FORBIDDEN');
  return sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    await tx`SELECT pg_advisory_xact_lock(hashtext('esms-pilots'))`;
    const s = await requireVisibleSite(tx, p, input.siteId);
    const [old] = await tx<{ municipal: boolean; regional: boolean }[]>`
      SELECT municipal, regional_recommended AS regional FROM pilot_selections WHERE site_id = ${s.id}`;
    const cityLevelChanged = (old?.municipal ?? false) !== input.municipal || (old?.regional ?? false) !== input.regional;
    if (cityLevelChanged && p.scope.kind !== 'all')
      throw new AppError('FORBIDDEN', { message: '市级试点和推荐自治区试点由市安委办、消防部门评选', messageEn: 'Municipal and regional selections are made city-wide' });
    if (input.municipal && !old?.municipal) {
      const [{ n }] = await tx<{ n: number }[]>`SELECT count(*)::int AS n FROM pilot_selections WHERE municipal`;
      if (n >= MUNICIPAL_MAX)
        throw new AppError('CONFLICT', { message: `方案要求评选 1–2 家市级试点单位，已选 ${n} 家`, messageEn: `At most ${MUNICIPAL_MAX} municipal pilot units` });
    }
    await tx`
      INSERT INTO pilot_selections (site_id, municipal, regional_recommended, reported_on, note, selected_by, selected_at)
      VALUES (${s.id}, ${input.municipal}, ${input.regional}, ${input.reportedOn}::date, ${input.note}, ${p.userId}, now())
      ON CONFLICT (site_id) DO UPDATE SET municipal = EXCLUDED.municipal, regional_recommended = EXCLUDED.regional_recommended,
        reported_on = EXCLUDED.reported_on, note = EXCLUDED.note, selected_by = EXCLUDED.selected_by, selected_at = now()`;
    await audit(tx, { userId: p.userId, username: p.username, action: 'rollout.pilot', target: s.id, ip, detail: { ...input, before: old ?? null } });
  });
}
