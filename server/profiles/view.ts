/**
 * Everything the profile page shows for one layer of one site: the site, the circuits to choose from, the layer's
 * own override (with its rev for the optimistic check), the effective values with their sources, whether the
 * principal may edit, and the history. Used by the page (server component) and GET /api/sites/[id]/profile.
 */
import type { Sql } from '../../platform/db.ts';
import { CATEGORIES } from '../../lib/domain/vocabulary/index.ts';
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import type { ProfileOverride } from '../../lib/detection/profile.ts';
import type { Principal } from '../../platform/scope.ts';
import { AppError } from '../http/errors.ts';
import { can } from '../../lib/domain/permissions.ts';
import { requireVisibleSite } from '../queries/visible-site.ts';
import { siteCircuits, typicalEntry } from './circuits.ts';
import { effectiveFor, type Effective } from './effective.ts';
import { siteHistory, type HistoryEntry } from './history.ts';

export interface CircuitChoice {
  id: number;
  device: string;
  ch: number;
  nameZh: string;
  nameEn: string;
  loadType: string;
  insulation: string;
  maxConductorC: number;
  hasOverride: boolean;
}

export interface ProfileView {
  site: { id: string; nameZh: string; nameEn: string; category: string; categoryZh: string; categoryEn: string };
  canEdit: boolean;
  layer: 'site' | 'circuit';
  circuit: CircuitChoice | null;
  circuits: CircuitChoice[];
  /** this layer's stored override, its rev, who set it and why */
  own: { override: ProfileOverride; rev: number; by: string | null; at: string; reason: string } | null;
  /** the site layer's override, shown beside a circuit's own values */
  siteOverride: ProfileOverride | null;
  effective: Effective;
  history: HistoryEntry[];
}

export async function profileView(sql: Sql, p: Principal, siteId: string, circuitId: number | null): Promise<ProfileView> {
  // reading: anyone who may see the site
  const site = await requireVisibleSite(sql, p, siteId);
  const [circuits, rows, history] = await Promise.all([
    siteCircuits(sql, siteId),
    sql<{ circuit_id: number | null; override: ProfileOverride; rev: number; updated_by_name: string | null; updated_at: Date; reason: string }[]>`
      SELECT circuit_id, override, rev, updated_by_name, updated_at, reason FROM profile_overrides WHERE site_id = ${siteId}`,
    siteHistory(sql, siteId),
  ]);
  const target = circuitId === null ? null : circuits.find((c) => c.id === circuitId);
  if (circuitId !== null && !target) throw new AppError('NOT_FOUND', { message: '该场所没有此回路', messageEn: 'No such circuit at this site' });
  const withOverride = new Set(rows.map((r) => r.circuit_id));
  const choices: CircuitChoice[] = circuits.map((c) => ({
    id: c.id, device: c.entry.device, ch: c.entry.ch, nameZh: c.nameZh, nameEn: c.nameEn, loadType: c.entry.loadType,
    insulation: c.entry.insulation, maxConductorC: c.entry.maxConductorC, hasOverride: withOverride.has(c.id),
  }));
  const siteRow = rows.find((r) => r.circuit_id === null);
  const ownRow = rows.find((r) => r.circuit_id === circuitId);
  const entry = target?.entry ?? typicalEntry(siteId, site.category);
  const names = target ?? { nameZh: '（本场所）', nameEn: '(this site)' };
  const cat = CATEGORIES[site.category as SiteCategory];
  return {
    site: { id: site.id, nameZh: site.nameZh, nameEn: site.nameEn, category: site.category, categoryZh: cat?.zh ?? site.category, categoryEn: cat?.en ?? site.category },
    canEdit: can(p.role, 'profile.edit'), // the site is visible: the role decides (write.ts)
    layer: target ? 'circuit' : 'site',
    circuit: target ? choices.find((c) => c.id === target.id)! : null,
    circuits: choices,
    own: ownRow ? { override: ownRow.override, rev: ownRow.rev, by: ownRow.updated_by_name, at: ownRow.updated_at.toISOString(), reason: ownRow.reason } : null,
    siteOverride: siteRow?.override ?? null,
    effective: effectiveFor(entry, names, siteRow?.override, target ? ownRow?.override : undefined),
    history,
  };
}
