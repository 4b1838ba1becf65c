/**
 * The fire department's routine inspections (消防部门将各部门推广工作纳入日常消防监督检查): one record per
 * inspection of a department's rollout, with a snapshot of the rollout figures of that department's sectors
 * (in the county, or city-wide) at the time. Recorded by the fire brigade; read within scope.
 */
import type { Sql } from '../../platform/db.ts';
import type { Principal } from '../../platform/scope.ts';
import { audit } from '../auth/audit.ts';
import { AppError } from '../http/errors.ts';
import { DEPARTMENT_INFO, type DepartmentId } from '../../lib/domain/vocabulary/index.ts';
import { OPEN_STATES } from '../../lib/domain/workflow/hazard-machine.ts';
import { ensureTargets } from './targets.ts';

export interface InspectionSnapshot {
  categories: string[];
  target: number;
  total: number;
  eligible: number;
  surveyed: number;
  installed: number;
  inService: number;
  pilots: number;
  openHazards: number;
  overdueHazards: number;
  share: number | null;
}

export interface InspectionRow {
  id: number;
  inspectedOn: string;
  departmentId: string;
  county: number | null;
  countyZh: string | null;
  inspectorName: string;
  findings: string;
  rectificationRequired: boolean;
  snapshot: InspectionSnapshot;
  createdAt: Date;
}

export const canRecordInspection = (p: Principal) => p.role === 'fire' || p.role === 'admin';

/** Departments that supervise sectors (the committee and fire brigade oversee all of them). */
export const INSPECTED_DEPARTMENTS = [...(Object.keys(DEPARTMENT_INFO) as DepartmentId[]).filter((d) => DEPARTMENT_INFO[d].categories !== 'all'), 'fire' as const];

export function departmentCategories(d: DepartmentId): string[] {
  if (d === 'fire') return ['mall']; // malls: owners, supervised within the fire brigade's remit (vocabulary/site-categories.ts)
  const c = DEPARTMENT_INFO[d].categories;
  return c === 'all' ? [] : c;
}

export async function rolloutSnapshot(sql: Sql, dept: DepartmentId, county: number | null): Promise<InspectionSnapshot> {
  await ensureTargets(sql);
  const cats = departmentCategories(dept);
  const fc = county ? sql`AND s.county_adcode = ${county}` : sql``;
  const [r] = await sql<Omit<InspectionSnapshot, 'categories' | 'share' | 'target'>[]>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE power_ok AND network_ok)::int AS eligible,
           count(*) FILTER (WHERE surveyed_at IS NOT NULL)::int AS surveyed, count(*) FILTER (WHERE installed_at IS NOT NULL)::int AS installed,
           count(*) FILTER (WHERE rollout_state = 'in_service')::int AS "inService", count(*) FILTER (WHERE is_pilot)::int AS pilots,
           (SELECT count(*)::int FROM hazards h JOIN sites s2 ON s2.id = h.site_id WHERE s2.category = ANY(${cats}::text[])
              ${county ? sql`AND s2.county_adcode = ${county}` : sql``} AND h.state = ANY(${OPEN_STATES as string[]}::text[])) AS "openHazards",
           (SELECT count(*)::int FROM hazards h JOIN sites s2 ON s2.id = h.site_id WHERE s2.category = ANY(${cats}::text[])
              ${county ? sql`AND s2.county_adcode = ${county}` : sql``} AND h.state = ANY(${OPEN_STATES as string[]}::text[]) AND h.deadline < now()) AS "overdueHazards"
    FROM sites s WHERE s.category = ANY(${cats}::text[]) ${fc}`;
  const [t] = await sql<{ n: number }[]>`
    SELECT coalesce(sum(target_units), 0)::int AS n FROM rollout_targets WHERE category = ANY(${cats}::text[]) ${county ? sql`AND county_adcode = ${county}` : sql``}`;
  return { categories: cats, target: t.n, ...r, share: t.n ? r.inService / t.n : null };
}

function visible(sql: Sql, p: Principal) {
  switch (p.scope.kind) {
    case 'all':
      return sql`true`;
    case 'sectors':
      return sql`i.department_id = ${p.departmentId ?? ''}`;
    case 'county':
      return sql`i.county_adcode = ${p.scope.adcode}`;
    case 'sites':
      return sql`false`;
  }
}

export async function listInspections(sql: Sql, p: Principal, f: { department?: string; county?: number } = {}, limit = 500): Promise<InspectionRow[]> {
  return sql<InspectionRow[]>`
    SELECT i.id, i.inspected_on::text AS "inspectedOn", i.department_id AS "departmentId", i.county_adcode AS county,
           c.name_zh AS "countyZh", i.inspector_name AS "inspectorName", i.findings,
           i.rectification_required AS "rectificationRequired", i.snapshot, i.created_at AS "createdAt"
    FROM fire_inspections i LEFT JOIN counties c ON c.adcode = i.county_adcode
    WHERE ${visible(sql, p)} AND ${f.department ? sql`i.department_id = ${f.department}` : sql`true`}
      AND ${f.county ? sql`i.county_adcode = ${f.county}` : sql`true`}
    ORDER BY i.inspected_on DESC, i.id DESC LIMIT ${limit}`;
}

export interface InspectionInput {
  inspectedOn: string;
  departmentId: DepartmentId;
  county: number | null;
  findings: string;
  rectificationRequired: boolean;
}

export async function createInspection(sql: Sql, p: Principal, input: InspectionInput, ip: string | null): Promise<number> {
  if (!canRecordInspection(p)) throw new AppError('FORBIDDEN', { message: '检查记录由消防部门填写', messageEn: 'Inspections are recorded by the fire brigade' });
  const snapshot = await rolloutSnapshot(sql, input.departmentId, input.county);
  const [r] = await sql<{ id: number }[]>`
    INSERT INTO fire_inspections (inspected_on, department_id, county_adcode, inspector_id, inspector_name, findings, rectification_required, snapshot)
    VALUES (${input.inspectedOn}::date, ${input.departmentId}, ${input.county}, ${p.userId}, ${p.displayName}, ${input.findings},
            ${input.rectificationRequired}, ${sql.json(snapshot as never)})
    RETURNING id`;
  await audit(sql, { userId: p.userId, username: p.username, action: 'rollout.inspection', target: String(r.id), ip, detail: { ...input } });
  return r.id;
}
