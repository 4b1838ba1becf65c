/**
 * The items query of OGC API – Features Part 1 (limit, offset, bbox, bbox-crs, datetime, crs, f and the
 * collection's whitelisted property filters), parsed strictly: anything else is a 400, as Part 1 asks.
 */
import { badParam, CRS84 } from './http.ts';
import type { CollectionDef } from './collections.ts';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export interface ItemsQuery {
  limit: number;
  offset: number;
  bbox: [number, number, number, number] | null;
  /** inclusive bounds; null: open */
  time: { start: Date | null; end: Date | null } | null;
  filters: { name: string; value: string | number | boolean }[];
}

const RESERVED = new Set(['limit', 'offset', 'bbox', 'bbox-crs', 'datetime', 'crs', 'f']);

function int(name: string, v: string, min: number, max: number): number {
  if (!/^\d{1,9}$/.test(v)) throw badParam(name, 'not a non-negative integer');
  const n = Number(v);
  if (n < min || n > max) throw badParam(name, `must be between ${min} and ${max}`);
  return n;
}

function instant(v: string): Date | null {
  if (v === '..' || v === '') return null;
  // RFC 3339 date-time, or a bare date (whole day in UTC)
  if (!/^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/.test(v)) throw badParam('datetime', 'not RFC 3339');
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw badParam('datetime', 'not RFC 3339');
  return d;
}

export function parseDatetime(v: string): ItemsQuery['time'] {
  const parts = v.split('/');
  if (parts.length === 1) {
    const t = instant(parts[0]);
    if (!t) throw badParam('datetime', 'an instant cannot be open');
    // a bare date means that whole day
    const end = /^\d{4}-\d{2}-\d{2}$/.test(parts[0]) ? new Date(t.getTime() + 86400_000 - 1) : t;
    return { start: t, end };
  }
  if (parts.length !== 2) throw badParam('datetime', 'instant or interval a/b');
  const start = instant(parts[0]);
  const end = instant(parts[1]);
  if (start && end && start > end) throw badParam('datetime', 'start after end');
  return { start, end };
}

export function parseBbox(v: string): ItemsQuery['bbox'] {
  const n = v.split(',').map((x) => Number(x.trim()));
  if ((n.length !== 4 && n.length !== 6) || n.some((x) => !Number.isFinite(x))) throw badParam('bbox', 'four (or six) numbers');
  // a 6-number bbox carries heights, which 2D data ignores
  const [x1, y1, x2, y2] = n.length === 6 ? [n[0], n[1], n[3], n[4]] : n;
  if (y1 > y2) throw badParam('bbox', 'south above north');
  if (x1 < -180 || x2 > 180 || y1 < -90 || y2 > 90) throw badParam('bbox', 'outside CRS84');
  return [x1, y1, x2, y2];
}

export function parseItemsQuery(c: CollectionDef, sp: URLSearchParams): ItemsQuery {
  const q: ItemsQuery = { limit: DEFAULT_LIMIT, offset: 0, bbox: null, time: null, filters: [] };
  const seen = new Set<string>();
  for (const [k, v] of sp) {
    if (seen.has(k)) throw badParam(k, 'given twice');
    seen.add(k);
    // above the maximum is not an error in Part 1: the maximum applies
    if (k === 'limit') q.limit = Math.min(int(k, v, 1, 1e9), MAX_LIMIT);
    else if (k === 'offset') q.offset = int(k, v, 0, 1e9);
    else if (k === 'bbox') q.bbox = parseBbox(v);
    else if (k === 'bbox-crs' || k === 'crs') {
      if (v !== CRS84) throw badParam(k, `only ${CRS84}`);
    } else if (k === 'datetime') {
      if (!c.timeExpr) throw badParam(k, 'this collection has no time');
      q.time = parseDatetime(v);
    } else if (k === 'f') {
      if (v !== 'json' && v !== 'geojson') throw badParam(k, 'json only');
    } else {
      const p = c.props.find((x) => x.name === k && x.filter);
      if (!p || RESERVED.has(k)) throw badParam(k, 'unknown parameter');
      q.filters.push({ name: p.name, value: typed(k, p.type, v) });
    }
  }
  return q;
}

function typed(name: string, type: string, v: string): string | number | boolean {
  if (type === 'integer') {
    if (!/^-?\d{1,9}$/.test(v)) throw badParam(name, 'not an integer');
    return Number(v);
  }
  if (type === 'boolean') {
    if (v !== 'true' && v !== 'false') throw badParam(name, 'true or false');
    return v === 'true';
  }
  if (v.length > 200) throw badParam(name, 'too long');
  return v;
}
