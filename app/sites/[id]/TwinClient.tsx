'use client';
/** The twin page's client: loads the twin, runs the 3D engine, keeps it live, and lays out the UI around it. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AlarmEventPayload, CircuitLatest } from '../../../lib/events/realtime.ts';
import type { HeatMode } from '../../../lib/twin/heat.ts';
import type { TwinAlarm, TwinData } from '../../../lib/twin/types.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import { useLang } from '../../_lib/useLang.ts';
import { Legend } from './Legend.tsx';
import { Loading, type LoadStage } from './Loading.tsx';
import { MiniMap } from './MiniMap.tsx';
import { SidePanel } from './SidePanel.tsx';
import { Toolbar } from './Toolbar.tsx';
import { TwinEngine, type Pick } from './scene/engine.ts';
import { clearTestHooks, exposeTestHooks } from './scene/hooks.ts';
import { useSiteSocket } from './useSiteSocket.ts';
import { tw } from './words.ts';
import s from './twin.module.css';
import { api } from '../../_lib/api/client.ts';
import { STATUS_COLOURS } from '../../../lib/domain/vocabulary/index.ts';

export type TwinFrom = 'map' | 'bigscreen' | null;

export function TwinClient({ siteId, initialLang, from, siteName }: { siteId: string; initialLang: Lang; from: TwinFrom; siteName: { zh: string; en: string } | null }) {
  const { lang, setLang } = useLang(initialLang);
  const [data, setData] = useState<TwinData | null>(null);
  const [stage, setStage] = useState<LoadStage>('fetch');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [mode, setMode] = useState<HeatMode>('temperature');
  const [xray, setXray] = useState(true);
  const [explode, setExplode] = useState(false);
  const [isolate, setIsolate] = useState<number | null>(null);
  const [pick, setPickState] = useState<Pick>(null);
  const flyTo = useRef(false);
  // picks from the lists fly the camera to the circuit; picks in the scene do not move it
  const setPick = useCallback((p: Pick, fly = false) => {
    flyTo.current = fly;
    setPickState(p);
  }, []);
  const [alarms, setAlarms] = useState<Map<number, TwinAlarm>>(new Map());
  const [latestTick, setLatestTick] = useState(0);
  const host = useRef<HTMLDivElement>(null);
  const compass = useRef<HTMLDivElement>(null);
  const engine = useRef<TwinEngine | null>(null);
  const latest = useRef(new Map<number, CircuitLatest>());
  const introPlayed = useRef(false);
  const t0 = useRef(typeof performance !== 'undefined' ? performance.now() : 0);

  useEffect(() => {
    const ac = new AbortController();
    setError(null);
    setStage('fetch');
    api('GET /api/sites/:id/twin', { params: { id: siteId }, signal: ac.signal })
      .then((d) => {
        for (const l of d.latest) latest.current.set(l.circuitId, l);
        setAlarms(new Map(d.activeAlarms.map((a) => [a.id, a])));
        setData(d);
        setStage('build');
      })
      .catch((e: Error) => {
        if (!ac.signal.aborted) setError(e.message);
      });
    return () => ac.abort();
  }, [siteId, attempt]);

  useEffect(() => {
    if (!data || !host.current) return;
    const e = new TwinEngine({
        host: host.current,
        data,
        lang,
        // from the map or the big screen the scene starts straight above the footprint, as the map left it
        fromMap: from !== null && !introPlayed.current,
        labelClass: s.label,
        t0: t0.current,
        onFirstFrame: () => {
          // played once it has been seen (an engine disposed before its first frame, as StrictMode does, did not)
          introPlayed.current = true;
          setStage('ready');
        },
        onPick: (p) => setPick(p),
        onAzimuth: (a) => {
          if (compass.current) compass.current.style.transform = `rotate(${a}rad)`;
        },
      });
    engine.current = e;
    setStage((st) => (st === 'ready' ? st : 'frame'));
    exposeTestHooks(e, data, (l) => onCircuits(l));
    return () => {
      e.dispose();
      clearTestHooks(e);
      engine.current = null;
    };
    // the engine is rebuilt only for new data or language (labels); everything else goes through its methods
  }, [data, lang]);

  useEffect(() => engine.current?.setMode(mode), [mode, data, lang]);
  useEffect(() => engine.current?.setXray(xray), [xray, data, lang]);
  useEffect(() => engine.current?.setFloors(explode ? 1 : 0, isolate), [explode, isolate, data, lang]);
  useEffect(() => engine.current?.setAlarms([...alarms.values()]), [alarms, data, lang]);
  useEffect(() => engine.current?.select(pick?.kind === 'circuit' ? pick.id : null, flyTo.current), [pick, data, lang]);

  const onCircuits = useCallback((list: CircuitLatest[]) => {
    for (const l of list) latest.current.set(l.circuitId, { ...latest.current.get(l.circuitId), ...l });
    engine.current?.applyLatest(list);
    setLatestTick((n) => n + 1);
  }, []);
  const onAlarm = useCallback((a: AlarmEventPayload) => {
    setAlarms((prev) => {
      const next = new Map(prev);
      if (a.clearedAt != null) next.delete(a.id);
      else next.set(a.id, { id: a.id, circuitId: a.circuitId, deviceId: a.deviceId, ch: a.ch, type: a.type, severity: a.severity, openedAt: a.openedAt, clearedAt: a.clearedAt, recoveredAt: a.recoveredAt, value: a.value, threshold: a.threshold, reasonZh: a.reasonZh, reasonEn: a.reasonEn });
      return next;
    });
  }, []);
  const { connected } = useSiteSocket(siteId, { onCircuits, onAlarm });

  const levels = data ? Math.max(...data.buildings.map((b) => b.floors), 1) : 1;
  return (
    <div className={s.page} data-testid="twin-page">
      <Toolbar
        from={from}
        lang={lang}
        setLang={setLang}
        site={data?.site ?? null}
        siteName={siteName}
        siteId={siteId}
        mode={mode}
        setMode={setMode}
        xray={xray}
        setXray={setXray}
        explode={explode}
        setExplode={setExplode}
        levels={levels}
        isolate={isolate}
        setIsolate={setIsolate}
        onReset={() => engine.current?.resetView()}
        connected={connected}
      />
      <div className={s.stage}>
        <div ref={host} className={s.canvasHost} data-testid="twin-canvas" />
        {stage !== 'ready' && !error && <Loading lang={lang} stage={stage} data={data} name={data ? (lang === 'en' ? data.site.nameEn : data.site.nameZh) : siteName ? (lang === 'en' ? siteName.en : siteName.zh) : siteId} />}
        {error && (
          <div className={s.centerNote} role="alert">
            {tw(lang, 'loadFailed')}：{error}{' '}
            <button className={s.btn} onClick={() => setAttempt((n) => n + 1)}>{tw(lang, 'retry')}</button>
          </div>
        )}
        <div className={s.compass} aria-label={tw(lang, 'northLabel')} title={tw(lang, 'northLabel')}>
          <div ref={compass} className={s.compassNeedle}>
            <span>{tw(lang, 'north')}</span>
          </div>
        </div>
        {data && <MiniMap data={data} alarms={alarms} lang={lang} />}
        <Legend lang={lang} mode={mode} />
        {data && (
          <SidePanel
            lang={lang}
            data={data}
            pick={pick}
            setPick={setPick}
            alarms={alarms}
            latest={latest.current}
            tick={latestTick}
            colorOf={(id) => engine.current?.painter.colorOf(id) ?? STATUS_COLOURS.offline}
          />
        )}
      </div>
    </div>
  );
}
