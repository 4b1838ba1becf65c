'use client';
/**
 * A map screen's way into a site's 3D twin and back (the camera moves are in site-focus.ts), shared by the map
 * and the big screen: the selected site's building footprints on the map, a flight down onto them before the
 * twin opens, and, when the screen is opened from a twin (`returnTo`), that site selected again with the view
 * starting over its footprints.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import type { Map as MlMap } from 'maplibre-gl';
import type { MapSite } from '../../server/queries/sites-for-map.ts';
import { boundsOf, cameBackTo, fetchFootprints, flyInto, padFor, showFootprints, type Footprints, type Pad } from './site-focus.ts';

export function useSiteFocus(p: {
  map: MlMap | null;
  sites: MapSite[] | null;
  selected: MapSite | null;
  setSelected: (s: MapSite) => void;
  lang: 'zh' | 'en';
  /** the site to come back to (from the screen's URL), or null */
  returnTo: string | null;
  /** the floating panels the footprints are framed beside */
  panels: string[];
  /** the twin's URL, and this screen's URL that comes back to the site (browser Back from the twin) */
  twinHref: (id: string) => string;
  backHref: (id: string) => string;
}) {
  const { map, sites, selected, setSelected, lang, returnTo, panels, twinHref, backHref } = p;
  const router = useRouter();
  const [fp, setFp] = useState<{ id: string; fc: Footprints } | null>(null);
  const [entering, setEntering] = useState<string | null>(null);
  const panelKey = panels.join(',');
  const pad = useCallback(
    (): Pad => (map ? padFor(map, panelKey.split(',').map((q) => document.querySelector(q))) : { top: 0, bottom: 0, left: 0, right: 0 }),
    [map, panelKey],
  );

  useEffect(() => {
    if (!selected) return setFp(null);
    const ac = new AbortController();
    fetchFootprints(selected.id, ac.signal)
      .then((fc) => fc && setFp({ id: selected.id, fc }))
      .catch(() => {});
    return () => ac.abort();
  }, [selected]);
  useEffect(() => {
    if (map) showFootprints(map, fp?.fc ?? null, lang);
  }, [map, fp, lang]);

  const returned = useRef(false);
  useEffect(() => {
    if (!returnTo || returned.current || !map || !sites?.length) return;
    returned.current = true;
    const site = sites.find((x) => x.id === returnTo);
    if (!site) return;
    setSelected(site);
    fetchFootprints(site.id)
      .then((fc) => {
        const b = fc && boundsOf(fc);
        if (!b) return void map.jumpTo({ center: [site.lon, site.lat], zoom: 14 });
        setFp({ id: site.id, fc: fc! });
        return cameBackTo(map, b, pad());
      })
      .catch(() => map.jumpTo({ center: [site.lon, site.lat], zoom: 14 }));
  }, [returnTo, map, sites, setSelected, pad]);

  const openTwin = useCallback(
    async (site: MapSite) => {
      const href = twinHref(site.id);
      setEntering(site.id);
      router.prefetch(href);
      window.history.replaceState(window.history.state, '', backHref(site.id));
      try {
        const fc = fp?.id === site.id ? fp.fc : await fetchFootprints(site.id);
        const b = fc && boundsOf(fc);
        if (map && b) {
          if (fp?.id !== site.id) setFp({ id: site.id, fc: fc! });
          await flyInto(map, b, pad());
        }
      } catch {}
      router.push(href);
    },
    [fp, map, pad, router, twinHref, backHref],
  );
  return { openTwin, entering };
}
