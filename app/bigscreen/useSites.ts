'use client';
/**
 * The sites in scope (GET /api/sites) and their live statuses: socket deltas update a Map in place and bump
 * `version` so deck.gl recolours points without rebuilding its data.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SiteStatus } from '../../lib/domain/catalog.ts';
import type { SiteDelta } from '../../lib/events/realtime.ts';
import type { MapSite } from '../../server/queries/sites-for-map.ts';

export function useSites() {
  const [sites, setSites] = useState<MapSite[] | null>(null);
  const status = useRef(new Map<string, SiteStatus>());
  const [version, setVersion] = useState(0);

  const load = useCallback(async () => {
    try {
      const r = await fetch('/api/sites', { cache: 'no-store' });
      if (r.status === 401) return window.location.assign('/login?next=/bigscreen');
      if (!r.ok) throw new Error(String(r.status));
      const body = (await r.json()) as { sites: MapSite[] };
      performance.mark('bs:sites');
      status.current = new Map(body.sites.map((x) => [x.id, x.status]));
      setSites(body.sites);
      setVersion((v) => v + 1);
    } catch {
      setTimeout(load, 5000);
    }
  }, []);
  useEffect(() => void load(), [load]);

  /** returns the ids whose status changed */
  const applyDelta = useCallback((deltas: SiteDelta[]): string[] => {
    const m = status.current;
    const changed: string[] = [];
    for (const d of deltas) {
      // a delta never adds a point: the list is the server's scope
      if (m.has(d.id) && m.get(d.id) !== d.status) {
        m.set(d.id, d.status);
        changed.push(d.id);
      }
    }
    if (changed.length) setVersion((v) => v + 1);
    return changed;
  }, []);

  const setStatus = useCallback((id: string, s: SiteStatus) => {
    if (status.current.has(id) && status.current.get(id) !== s) {
      status.current.set(id, s);
      setVersion((v) => v + 1);
    }
  }, []);

  const statusOf = useCallback((id: string): SiteStatus => status.current.get(id) ?? 'offline', []);
  return { sites, statusOf, version, applyDelta, setStatus };
}
