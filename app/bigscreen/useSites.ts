'use client';
/**
 * The sites in scope and their live statuses. The page brings them rendered in (no request before the first
 * picture); GET /api/sites refreshes them once the map is up, since a page restored by Back may be minutes old.
 * Socket deltas update a Map at once (so reads are always current), but the map is told — `version` bumps — at
 * most once a second, on the shared second tick: a burst of deltas costs one redraw, in the same frame as the
 * clock.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import type { SiteDelta } from '../../lib/events/realtime.ts';
import type { MapSite } from '../../server/queries/sites-for-map.ts';
import { onSecond } from './lib/secondTick.ts';
import { api, redirectIfSignedOut } from '../_lib/api/client.ts';

export function useSites(initial: MapSite[]) {
  const [sites, setSites] = useState(initial);
  const sitesRef = useRef(sites);
  sitesRef.current = sites;
  // built once: a Map of every site on each render would be wasted work
  const status = useRef<Map<string, SiteStatus>>(null!);
  status.current ??= new Map(initial.map((x) => [x.id, x.status]));
  const [version, setVersion] = useState(1);
  const dirty = useRef(false);

  const load = useCallback(async () => {
    try {
      const body = await api('GET /api/sites', { cache: 'default' });
      status.current = new Map(body.sites.map((x) => [x.id, x.status]));
      // the same sites (the usual refresh): new statuses only, the map keeps its uploaded positions
      const cur = sitesRef.current;
      if (cur.length !== body.sites.length || cur.some((x, i) => x.id !== body.sites[i].id)) setSites(body.sites);
      setVersion((v) => v + 1);
    } catch (e) {
      if (!redirectIfSignedOut(e)) setTimeout(load, 5000);
    }
  }, []);
  useEffect(() => {
    performance.mark('bs:sites');
    const t = setTimeout(load, 5000);
    return () => clearTimeout(t);
  }, [load]);

  useEffect(
    () =>
      onSecond(() => {
        if (!dirty.current) return;
        dirty.current = false;
        setVersion((v) => v + 1);
      }),
    [],
  );

  const set = useCallback((id: string, s: SiteStatus) => {
    const m = status.current;
    // a delta never adds a point: the list is the server's scope
    if (!m.has(id) || m.get(id) === s) return false;
    m.set(id, s);
    dirty.current = true;
    return true;
  }, []);

  /** returns the ids whose status changed */
  const applyDelta = useCallback((deltas: SiteDelta[]): string[] => deltas.filter((d) => set(d.id, d.status)).map((d) => d.id), [set]);
  const setStatus = useCallback((id: string, s: SiteStatus) => void set(id, s), [set]);
  const statusOf = useCallback((id: string): SiteStatus => status.current.get(id) ?? 'offline', []);
  return { sites, statusOf, version, applyDelta, setStatus };
}
