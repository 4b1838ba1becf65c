'use client';
/**
 * window.__bigscreen: timing marks for the benchmark (first map render, all panels filled, measured from
 * navigation start) and read-only probes for browser tests (a site's drawn status, the mode).
 */
import { useEffect, useRef } from 'react';
import type { SiteStatus } from '../../lib/domain/vocabulary/index.ts';

export interface BigscreenProbe {
  firstRenderMs: number | null;
  panelsMs: number | null;
  siteStatus: (id: string) => SiteStatus | null;
  mode: () => 'live' | 'playback';
  county: () => number | null;
  /** the tour's current stop (-1: not touring) */
  tourStop: () => number;
  sitesDrawn: () => number;
  updates: number;
  /** feeds an event through the same handlers as socket.io (benchmarks without the internal token) */
  inject: (event: 'sites:delta' | 'alarm', msg: unknown) => void;
}

declare global {
  interface Window {
    __bigscreen?: BigscreenProbe;
  }
}

export function useTestHook(p: {
  handlers: { 'sites:delta': (m: never) => void; alarm: (m: never) => void };
  statusOf: (id: string) => SiteStatus | null;
  mode: 'live' | 'playback';
  county: number | null;
  tourStop: number;
  sitesDrawn: number;
  version: number;
}) {
  const ref = useRef(p);
  ref.current = p;
  useEffect(() => {
    window.__bigscreen = {
      firstRenderMs: null,
      panelsMs: null,
      siteStatus: (id) => ref.current.statusOf(id),
      mode: () => ref.current.mode,
      county: () => ref.current.county,
      tourStop: () => ref.current.tourStop,
      sitesDrawn: () => ref.current.sitesDrawn,
      updates: 0,
      inject: (event, msg) => ref.current.handlers[event](msg as never),
    };
  }, []);
  useEffect(() => {
    if (window.__bigscreen) window.__bigscreen.updates++;
  }, [p.version]);
}

export function markFirstRender() {
  if (window.__bigscreen && window.__bigscreen.firstRenderMs == null) window.__bigscreen.firstRenderMs = Math.round(performance.now());
}
export function markPanels() {
  if (window.__bigscreen && window.__bigscreen.panelsMs == null) window.__bigscreen.panelsMs = Math.round(performance.now());
}
