/**
 * A site's profile history, read from the audit log (one row per change, site and circuit layers, newest first),
 * with the changed values spelled out field by field.
 */
import type { Sql } from '../../platform/db.ts';
import type { ProfileOverride } from '../../lib/detection/profile.ts';

export interface Change {
  /** `residualSetMa`, or `persistence.overload.m` */
  path: string;
  before: number | null;
  after: number | null;
}

export interface HistoryEntry {
  id: number;
  at: string;
  username: string | null;
  displayName: string | null;
  action: 'profile.set' | 'profile.clear';
  layer: 'site' | 'circuit';
  circuitId: number | null;
  circuitName: string | null;
  reason: string;
  changes: Change[];
}

/** Flatten an override to path → value (persistence entries as persistence.type.key). */
export function flatten(o: ProfileOverride | null | undefined): Map<string, number> {
  const m = new Map<string, number>();
  if (!o) return m;
  for (const [k, v] of Object.entries(o)) {
    if (k === 'persistence' && v && typeof v === 'object') {
      for (const [t, e] of Object.entries(v as Record<string, Record<string, number>>)) for (const [pk, pv] of Object.entries(e ?? {})) m.set(`persistence.${t}.${pk}`, pv);
    } else if (typeof v === 'number') m.set(k, v);
  }
  return m;
}

export function diff(before: ProfileOverride | null | undefined, after: ProfileOverride | null | undefined): Change[] {
  const a = flatten(before), b = flatten(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.filter((k) => a.get(k) !== b.get(k)).map((k) => ({ path: k, before: a.get(k) ?? null, after: b.get(k) ?? null }));
}

export async function siteHistory(sql: Sql, siteId: string, limit = 50): Promise<HistoryEntry[]> {
  const rows = await sql<{ id: number; at: Date; username: string | null; display_name: string | null; action: string; detail: Record<string, unknown> }[]>`
    SELECT a.id, a.at, a.username, u.display_name, a.action, a.detail
      FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     WHERE a.action LIKE 'profile.%' AND a.detail->>'siteId' = ${siteId}
     ORDER BY a.at DESC, a.id DESC
     LIMIT ${limit}`;
  return rows.map((r) => {
    const d = r.detail as { layer?: string; circuitId?: number | null; circuitName?: string | null; reason?: string; before?: ProfileOverride | null; after?: ProfileOverride | null };
    return {
      id: r.id,
      at: r.at.toISOString(),
      username: r.username,
      displayName: r.display_name,
      action: r.action === 'profile.clear' ? 'profile.clear' : 'profile.set',
      layer: d.layer === 'circuit' ? 'circuit' : 'site',
      circuitId: d.circuitId ?? null,
      circuitName: d.circuitName ?? null,
      reason: d.reason ?? '',
      changes: diff(d.before, d.after),
    };
  });
}
