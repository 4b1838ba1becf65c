'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MlMap } from 'maplibre-gl';
import type { SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import type { Lang } from '../../lib/i18n/portal.ts';
import type { MapSite } from '../../server/queries/sites-for-map.ts';
import { useLang } from '../_lib/useLang.ts';
import { useRealtime } from '../_lib/useRealtime.ts';
import { Header, type HeaderUser } from './Header.tsx';
import { AlarmToaster } from '../_components/alerts/AlarmToaster.tsx';
import { Legend } from './Legend.tsx';
import { SiteCardPanel } from './SiteCardPanel.tsx';
import { SiteMap, type HoverInfo } from './SiteMap.tsx';
import { SiteTooltip } from './SiteTooltip.tsx';
import { useSiteFocus } from './useSiteFocus.ts';
import s from './map.module.css';
import { api, redirectIfSignedOut } from '../_lib/api/client.ts';

/** the floating panels the footprints are framed beside */
const MAP_PANELS = ['[data-testid=site-card]', '[data-testid=map-legend]'];
const twinHref = (id: string) => `/sites/${encodeURIComponent(id)}?from=map`;
/** browser Back from the twin returns to this site, not to the whole prefecture */
const backHref = (id: string) => `/map?focus=${encodeURIComponent(id)}`;

export function MapScreen({ user, initialLang, focus }: { user: HeaderUser; initialLang: Lang; focus: string | null }) {
  const { lang, setLang, t } = useLang(initialLang);
  const [sites, setSites] = useState<MapSite[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  // live statuses by site id; `version` tells deck.gl and the legend that some changed
  const statusRef = useRef(new Map<string, SiteStatus>());
  const [version, setVersion] = useState(0);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [selected, setSelected] = useState<MapSite | null>(null);
  const [wide, setWide] = useState(true);

  useEffect(() => {
    const mq = window.matchMedia('(min-width: 900px)');
    setWide(mq.matches);
    const on = () => setWide(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);

  const load = useCallback(async () => {
    setLoadError(false);
    try {
      const body = await api('GET /api/sites');
      statusRef.current = new Map(body.sites.map((x) => [x.id, x.status]));
      setSites(body.sites);
      setVersion((v) => v + 1);
    } catch (e) {
      if (!redirectIfSignedOut(e)) setLoadError(true);
    }
  }, []);
  useEffect(() => void load(), [load]);

  const { freshness, lastEventAt } = useRealtime({
    'sites:delta': (msg) => {
      const m = statusRef.current;
      let changed = false;
      for (const d of msg.sites) {
        // only sites already on the map: scope is the server's list, a delta never adds a point
        if (m.has(d.id) && m.get(d.id) !== d.status) {
          m.set(d.id, d.status);
          changed = true;
        }
      }
      if (changed) setVersion((v) => v + 1);
    },
  });

  const statusOf = useCallback((x: MapSite) => statusRef.current.get(x.id) ?? x.status, []);
  // the way into a site's twin and back: footprints of the selected site on the map; /map?focus=ID comes back
  const [map, setMap] = useState<MlMap | null>(null);
  const { openTwin, entering } = useSiteFocus({
    map, sites, selected, setSelected, lang, returnTo: focus, panels: MAP_PANELS, twinHref, backHref,
  });

  const visibleCount = useMemo(() => (sites ? sites.filter((x) => !hidden.has(x.category)).length : 0), [sites, hidden]);

  return (
    <div className={s.screen}>
      <Header user={user} lang={lang} setLang={setLang} t={t} freshness={freshness} lastEventAt={lastEventAt} />
      <AlarmToaster />
      <div className={s.body}>
        <SiteMap
          sites={sites ?? []}
          statusOf={statusOf}
          version={version}
          hidden={hidden}
          selectedId={selected?.id ?? null}
          lang={lang}
          padLeft={wide ? 300 : 0}
          onHover={setHover}
          onSelect={setSelected}
          onMap={setMap}
          holdFit={!!focus}
        />
        <Legend
          lang={lang}
          t={t}
          sites={sites}
          statusOf={statusOf}
          version={version}
          hidden={hidden}
          setHidden={setHidden}
          visibleCount={visibleCount}
          loadError={loadError}
          onRetry={load}
          defaultOpen={wide}
        />
        {hover && wide && !entering && <SiteTooltip info={hover} status={statusOf(hover.site)} lang={lang} t={t} />}
        {selected && (
          <SiteCardPanel
            key={selected.id}
            site={selected}
            liveStatus={statusOf(selected)}
            lang={lang}
            t={t}
            onClose={() => setSelected(null)}
            onOpenTwin={openTwin}
            entering={entering === selected.id}
          />
        )}
      </div>
    </div>
  );
}
