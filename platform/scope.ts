/**
 * THE scope rule. Every API route, every query of site-bound data and every socket.io room asks this file
 * what a principal may see. Nothing else decides scope.
 */
import type { Sql } from './db.ts';
import { DEPARTMENT_INFO, type DepartmentId, type Role } from '../lib/domain/vocabulary/index.ts';
import type { SiteCategory } from '../lib/protocol/v1.ts';

export type Scope =
  | { kind: 'all' }
  | { kind: 'sectors'; categories: SiteCategory[] }
  | { kind: 'county'; adcode: number }
  | { kind: 'sites'; siteIds: string[] };

export interface Principal {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  countyAdcode: number | null;
  scope: Scope;
  /** technicians: the devices they maintain (their site scope is those devices' sites) */
  deviceIds: string[];
}

export interface SiteRef {
  id: string;
  category: string;
  countyAdcode: number;
}

export interface ScopeInputs {
  role: Role;
  departmentId: string | null;
  countyAdcode: number | null;
  siteIds: string[];
}

export function scopeFor(u: ScopeInputs): Scope {
  switch (u.role) {
    case 'leader':
    case 'committee':
    case 'fire':
    case 'admin':
      return { kind: 'all' };
    case 'regulator': {
      const cats = u.departmentId ? DEPARTMENT_INFO[u.departmentId as DepartmentId]?.categories : undefined;
      if (cats === 'all') return { kind: 'all' };
      return { kind: 'sectors', categories: cats ?? [] };
    }
    case 'county':
      return u.countyAdcode == null ? { kind: 'sites', siteIds: [] } : { kind: 'county', adcode: u.countyAdcode };
    case 'site_manager':
    case 'technician':
      return { kind: 'sites', siteIds: u.siteIds };
  }
}

export function canSeeSite(scope: Scope, site: SiteRef): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'sectors':
      return (scope.categories as string[]).includes(site.category);
    case 'county':
      return scope.adcode === site.countyAdcode;
    case 'sites':
      return scope.siteIds.includes(site.id);
  }
}

/** SQL condition on a `sites` row aliased `alias` (default `s`). Compose: sql`... WHERE ${siteScopeSql(sql, p.scope)}`. */
export function siteScopeSql(sql: Sql, scope: Scope, alias = 's') {
  const col = (c: string) => sql.unsafe(`${alias}.${c}`);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'sectors':
      return sql`${col('category')} = ANY(${scope.categories as string[]}::text[])`;
    case 'county':
      return sql`${col('county_adcode')} = ${scope.adcode}`;
    case 'sites':
      return sql`${col('id')} = ANY(${scope.siteIds}::text[])`;
  }
}

// ---- socket.io rooms ---------------------------------------------------------------------------
export const ROOM_ALL = 'all';
export const roomOfSite = (id: string) => `site:${id}`;
export const roomOfCounty = (adcode: number) => `county:${adcode}`;
export const roomOfCategory = (cat: string) => `cat:${cat}`;

/** The rooms a delta about `site` goes to: one per way of being in scope. */
export function roomsForSite(site: SiteRef): string[] {
  return [ROOM_ALL, roomOfCategory(site.category), roomOfCounty(site.countyAdcode), roomOfSite(site.id)];
}

/** The rooms a principal joins on connect: exactly its scope. */
export function roomsForScope(scope: Scope): string[] {
  switch (scope.kind) {
    case 'all':
      return [ROOM_ALL];
    case 'sectors':
      return scope.categories.map(roomOfCategory);
    case 'county':
      return [roomOfCounty(scope.adcode)];
    case 'sites':
      return scope.siteIds.map(roomOfSite);
  }
}

/**
 * May this principal join `room`? Site rooms (per-circuit detail) are joined on demand; the site's row is
 * looked up by the caller and passed in. Broader rooms only when they are within scope.
 */
export function canJoinRoom(scope: Scope, room: string, site?: SiteRef | null): boolean {
  if (room === ROOM_ALL) return scope.kind === 'all';
  const [kind, key] = room.split(':', 2);
  if (!key) return false;
  if (kind === 'site') return !!site && site.id === key && canSeeSite(scope, site);
  if (kind === 'county') return scope.kind === 'all' || (scope.kind === 'county' && String(scope.adcode) === key);
  if (kind === 'cat') return scope.kind === 'all' || (scope.kind === 'sectors' && (scope.categories as string[]).includes(key));
  return false;
}
