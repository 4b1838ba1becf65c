'use client';
/**
 * 昌都市用电安全指挥中心 — the big screen. Panels poll the API (15–60 s) and socket.io deltas recolour the map
 * at once; a county filter narrows everything; playback replays stored alarms on the map and the ticker.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { alarmTypeLabel, isFaultType, SITE_STATUSES, type SiteStatus, statusRank } from '../../lib/domain/vocabulary/index.ts';
import type { TrendRange } from '../../lib/domain/bigscreen/buckets.ts';
import type { MapSite } from '../../server/queries/sites-for-map.ts';
import { useLang } from '../_lib/useLang.ts';
import type { Freshness } from '../_lib/useRealtime.ts';
import { countyName } from '../map/county-names.ts';
import { dataFreshness } from './lib/freshness.ts';
import type { Lang } from './lib/format.ts';
import { words } from './lib/words.ts';
import { BigMap, type Flight, type FlightTarget } from './map/BigMap.tsx';
import type { CountyShape } from './map/geo.ts';
import { MapOverlays } from './MapOverlays.tsx';
import type { LayerState } from './map/MapControls.tsx';
import { KpiPanel } from './panels/KpiPanel.tsx';
import { SectorChart } from './panels/SectorChart.tsx';
import { TypeChart } from './panels/TypeChart.tsx';
import { LiveAlarms } from './panels/LiveAlarms.tsx';
import { TrendChart } from './panels/TrendChart.tsx';
import { CountyChart } from './panels/CountyChart.tsx';
import { Ticker } from './panels/Ticker.tsx';
import { RealtimeLink, type WallHandlers } from './RealtimeLink.tsx';
import { Stage, useStage } from './Stage.tsx';
import { TitleBar } from './TitleBar.tsx';
import { useAlarmFeed } from './useAlarmFeed.ts';
import { useAttention } from './useAttention.ts';
import { useIdle, useTour } from './useIdle.ts';
import { usePlayback } from './usePlayback.ts';
import { usePolling } from './usePolling.ts';
import { useSites } from './useSites.ts';
import { useSiteFocus } from '../map/useSiteFocus.ts';
import { backHref, twinHref } from './lib/urls.ts';
import type { Map as MlMap } from 'maplibre-gl';
import { useWallData } from './useWallData.ts';
import { useNow } from './useNow.ts';
import { loadEcharts } from './useEchart.ts';
import { summaryReq, trendsReq } from './lib/urls.ts';
import { markFirstRender, markPanels, useTestHook } from './useTestHook.ts';
import { wallSettings } from './lib/settings.ts';
import st from './stage.module.css';

// the charts' chunk downloads while the page hydrates (the panels wait for it)
if (typeof window !== 'undefined') void loadEcharts();

const FLEX_1_25_1_0 = { flex: '1.25 1 0' };
const FLEX_1_1_0 = { flex: '1 1 0' };
const FLEX_0_0_246PX = { flex: '0 0 246px' };
const FLEX_1_45_1_0 = { flex: '1.45 1 0' };

interface ScreenProps {
  initialLang: Lang;
  scopeZh: string;
  scopeEn: string;
  /** the sites in scope, rendered into the page: the map draws them without waiting for a fetch */
  initialSites: MapSite[];
}

export function BigScreen(props: ScreenProps) {
  return (
    <Stage>
      <Screen {...props} />
    </Stage>
  );
}

/** the floating panel the footprints are framed beside (useSiteFocus) */
const WALL_PANELS = ['[data-testid=site-card]'];

function Screen({ initialLang, scopeZh, scopeEn, initialSites }: ScreenProps) {
  const { lang, setLang } = useLang(initialLang);
  const t = useMemo(() => words(lang), [lang]);
  const stage = useStage();

  const [county, setCounty] = useState<number | null>(null);
  const [range, setRange] = useState<TrendRange>('24h');
  const [layers, setLayers] = useState<LayerState>({ sites: true, bySector: false, density: false, columns: false, choro: 'none' });
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<MapSite | null>(null);
  const [flight, setFlight] = useState<Flight | null>(null);
  const [shapes, setShapes] = useState<CountyShape[]>([]);
  const fly = useCallback((f: FlightTarget) => setFlight({ ...f, nonce: Date.now() }), []);

  // alarms ask the KPIs for a refresh, at most every 10 s (the ticker and the map show them at once)
  const summary = usePolling('GET /api/bigscreen/summary', summaryReq(county), 15_000, 10_000);
  const trend = usePolling('GET /api/bigscreen/trends', trendsReq(range, county), 30_000);
  const activity = usePolling('GET /api/bigscreen/activity', layers.density || layers.columns ? { query: { days: 7 } } : null, 60_000);
  const { sites, statusOf, version, applyDelta, setStatus } = useSites(initialSites);
  const siteById = useMemo(() => new Map(sites.map((x) => [x.id, x])), [sites]);
  const settings = useMemo(wallSettings, []);
  const { idle, isIdle } = useIdle(settings.idleMs);
  const attention = useAttention(lang);
  const playback = usePlayback(county);
  const feedState = useAlarmFeed(summary.data?.ticker, county);

  const handlers: WallHandlers = {
    'sites:delta': (m) => {
      applyDelta(m.sites);
    },
    alarm: ({ alarm: a }) => {
      summary.refresh();
      const site = siteById.get(a.siteId);
      // an opening alarm recolours its site at once; the sites:delta that follows confirms or corrects it
      if (
        site &&
        a.change !== 'cleared' &&
        !isFaultType(a.type) &&
        statusRank(a.severity) > statusRank(statusOf(a.siteId))
      )
        setStatus(a.siteId, a.severity);
      const item = feedState.onAlarm(a);
      if (!item || !site) return;
      if (!playback.pb) feedState.addPulse(site.id, site.lon, site.lat, a.severity);
      const type = alarmTypeLabel(a.type, lang);
      attention.announce(
        a.severity,
        lang === 'en'
          ? `New ${a.severity}: ${countyName(a.countyAdcode, 'en')}, ${site.nameEn}, ${type}`
          : `新报警：${countyName(a.countyAdcode, 'zh')}，${a.siteName}，${type}`,
      );
      if (isIdle() && !playback.pb) fly({ kind: 'site', site });
    },
  };
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const lastEventAt = useRef<number | null>(null);
  const [socket, setSocket] = useState<Freshness>('connecting');
  // the wall is "live" only while the panels refresh and the socket speaks (checked every 5 s)
  const now5 = useNow(5_000);
  const freshness = dataFreshness(socket, summary.at, lastEventAt.current, now5 || Date.now());

  // county filter: everything narrows; the map flies there
  const pickCounty = useCallback(
    (c: number | null) => {
      setCounty(c);
      setSelected(null);
      fly(c ? { kind: 'county', adcode: c } : { kind: 'home' });
    },
    [fly],
  );
  const toggleCounty = useCallback((c: number) => pickCounty(c === county ? null : c), [pickCounty, county]);
  const pickSite = useCallback(
    (s: MapSite | null) => {
      setSelected(s);
      if (s) fly({ kind: 'site', site: s });
    },
    [fly],
  );
  const pickSiteId = useCallback((id: string) => pickSite(siteById.get(id) ?? null), [pickSite, siteById]);
  const [mlMap, setMlMap] = useState<MlMap | null>(null);
  const returnTo = useSearchParams().get('site');
  const { openTwin } = useSiteFocus({ map: mlMap, sites, selected, setSelected, lang, returnTo, panels: WALL_PANELS, twinHref, backHref });

  // the tour: when idle, step through the counties in scope, then the whole prefecture
  const tourCounties = useMemo(() => {
    const inScope = new Set((summary.data?.counties ?? []).map((c) => c.adcode));
    return shapes.filter((s) => inScope.has(s.adcode));
  }, [shapes, summary.data?.counties]);
  const tourStop = useTour(idle && !selected && !playback.pb?.playing, tourCounties.length, settings.tourStepMs);
  useEffect(() => {
    if (tourStop < 0) return;
    if (tourStop >= tourCounties.length) fly({ kind: 'home' });
    else fly({ kind: 'county', adcode: tourCounties[tourStop].adcode });
  }, [tourStop, tourCounties, fly]);

  // sites drawn: the county filter narrows the map too
  const shown = useMemo(() => (county ? sites.filter((x) => x.county === county) : sites), [sites, county]);
  const drawnStatus = useCallback(
    (id: string): SiteStatus => {
      if (!playback.states) return statusOf(id);
      const now = statusOf(id);
      return playback.states.get(id) ?? (now === 'offline' || now === 'unequipped' ? now : 'normal');
    },
    [playback.states, statusOf],
  );
  const versionCounter = useRef(0);
  const drawVersion = useMemo(() => ++versionCounter.current, [version, playback.states]);
  const counts = useMemo(() => {
    const c = Object.fromEntries(SITE_STATUSES.map((k) => [k, 0])) as Record<SiteStatus, number>;
    for (const s of shown) c[drawnStatus(s.id)]++;
    return c;
  }, [shown, drawnStatus, drawVersion]);

  const { countyValues, activityPoints, categories, tickerItems } = useWallData({
    summary: summary.data,
    activity: activity.data?.sites,
    sites,
    siteById,
    county,
    feed: feedState.feed,
    playbackOn: !!playback.pb,
    playbackActive: playback.active,
  });

  const filled = !!summary.data && !!trend.data;
  useEffect(() => {
    // filled = the data is in and the charts (a lazily loaded chunk) have drawn it
    if (filled) void loadEcharts().then(() => requestAnimationFrame(() => requestAnimationFrame(markPanels)));
  }, [filled]);
  useTestHook({
    handlers,
    statusOf: (id) => (siteById.has(id) ? drawnStatus(id) : null),
    mode: playback.pb ? 'playback' : 'live',
    county,
    tourStop,
    sitesDrawn: layers.sites ? shown.length : 0,
    version: drawVersion,
  });

  const scopeLabel = county ? countyName(county, lang) : lang === 'en' ? scopeEn : scopeZh;
  const countyLabel = county ? countyName(county, lang) : lang === 'en' ? scopeEn : scopeZh;
  return (
    <div className={st.grid} data-testid="bigscreen" data-county={county ?? ''} data-panels={filled ? '1' : '0'} data-lang={lang}>
      <RealtimeLink handlers={handlersRef} lastEventAt={lastEventAt} onState={setSocket} />
      <div className={st.title}>
        <TitleBar lang={lang} t={t} scopeLabel={scopeLabel} freshness={freshness} touring={tourStop >= 0} />
      </div>
      <aside className={st.left}>
        <KpiPanel data={summary.data} lang={lang} t={t} countyLabel={countyLabel} />
        <SectorChart data={summary.data?.sectors ?? null} lang={lang} t={t} style={FLEX_1_25_1_0} />
        <TypeChart kpis={summary.data?.kpis ?? null} lang={lang} t={t} style={FLEX_1_1_0} />
      </aside>
      <main className={`${st.centre} ${st.frame}`}>
        <BigMap
          lang={lang}
          pixelRatio={(typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1) * stage.scale}
          sites={shown}
          statusOf={drawnStatus}
          version={drawVersion}
          muted={!!playback.pb || freshness.state === 'stale' || freshness.state === 'offline'}
          hiddenCats={hidden}
          showSites={layers.sites}
          bySector={layers.bySector}
          showDensity={layers.density}
          showColumns={layers.columns}
          choro={layers.choro}
          countyValues={countyValues}
          activity={activityPoints}
          pulses={feedState.pulses}
          selected={selected}
          county={county}
          flight={flight}
          onSelectSite={pickSite}
          onCounty={toggleCounty}
          onFirstRender={markFirstRender}
          onCounties={setShapes}
          onMap={setMlMap}
        />
        <MapOverlays
          lang={lang}
          setLang={setLang}
          t={t}
          layers={layers}
          setLayers={setLayers}
          counts={counts}
          hidden={hidden}
          setHidden={setHidden}
          categories={categories}
          maxHazards={Math.max(0, ...Object.values(countyValues).map((v) => v.hazards))}
          county={county}
          clearCounty={() => pickCounty(null)}
          selected={selected}
          selectedStatus={selected ? drawnStatus(selected.id) : null}
          version={drawVersion}
          closeCard={() => setSelected(null)}
          openTwin={(site) => void openTwin(site)}
          popups={playback.pb ? [] : feedState.popups}
          pickSiteId={pickSiteId}
          attention={attention}
          playback={playback}
        />
      </main>
      <aside className={st.right}>
        <LiveAlarms
          items={feedState.feed}
          active={summary.data?.kpis.activeAlarms ?? null}
          lang={lang}
          t={t}
          onPick={pickSiteId}
          style={FLEX_0_0_246PX}
        />
        <TrendChart data={trend.data} range={range} setRange={setRange} lang={lang} t={t} style={FLEX_1_1_0} />
        <CountyChart
          data={summary.data?.counties ?? null}
          county={county}
          onCounty={toggleCounty}
          lang={lang}
          t={t}
          style={FLEX_1_45_1_0}
        />
      </aside>
      <div className={st.bottom}>
        <Ticker items={tickerItems} lang={lang} t={t} playback={!!playback.pb} />
      </div>
    </div>
  );
}
