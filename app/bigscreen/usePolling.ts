'use client';
/**
 * Panels' data: fetched from the API every `everyMs` (and on demand), keyed by the URL so a county filter
 * refetches at once. Keeps the last good body while a refresh is in flight or fails (the freshness indicator
 * tells the viewer how old it is). The API answers `no-store`, so the first request may take the response the
 * page preloaded (same URL, default cache mode).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { atNextSecond } from './lib/secondTick.ts';
import { apiRequest, apiUrl, redirectIfSignedOut, type ApiOpts, type ApiRes } from '../_lib/api/client.ts';
import type { ApiKey } from '../_lib/api/contract.ts';

export interface Polled<T> {
  data: T | null;
  /** epoch ms of the last successful fetch */
  at: number | null;
  error: boolean;
  refresh: () => void;
}

/** `req` null: not polling. `minGapMs`: refresh() never reloads sooner than this after the last load (a storm of
 * alarms is one refresh). */
export function usePolling<K extends ApiKey>(key: K, req: ApiOpts<K> | null, everyMs: number, minGapMs = 1500): Polled<ApiRes<K>> {
  const url = req ? apiUrl(key, req as Parameters<typeof apiUrl>[1]) : null;
  const reqRef = useRef(req);
  reqRef.current = req;
  const [data, setData] = useState<ApiRes<K> | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const [error, setError] = useState(false);
  const urlRef = useRef(url);
  urlRef.current = url;
  const inflight = useRef<AbortController | null>(null);

  const lastLoad = useRef(0);
  const first = useRef(true);
  const load = useCallback(async () => {
    const u = urlRef.current;
    if (!u) return;
    lastLoad.current = Date.now();
    inflight.current?.abort();
    const ac = new AbortController();
    inflight.current = ac;
    try {
      // the default cache mode: the first request may take the page's preload of the same URL
      const body = await apiRequest(key, { ...reqRef.current, signal: ac.signal, cache: 'default' } as ApiOpts<K>);
      if (ac.signal.aborted || urlRef.current !== u) return;
      const apply = () => {
        if (urlRef.current !== u) return;
        setData(body);
        setAt(Date.now());
        setError(false);
      };
      // the first answer shows at once; refreshes change the wall on the next second tick, with the rest
      if (first.current) {
        first.current = false;
        apply();
      } else atNextSecond(apply);
    } catch (e) {
      if (redirectIfSignedOut(e)) return;
      if (!ac.signal.aborted) setError(true);
    }
  }, [key]);

  useEffect(() => {
    if (!url) return;
    first.current = true; // a new address (the county filter) answers at once
    void load();
    const t = setInterval(load, everyMs);
    return () => clearInterval(t);
  }, [url, everyMs, load]);

  // a burst of socket events asks for one refresh, not one per event
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(1500, lastLoad.current + minGapMs - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      void load();
    }, wait);
  }, [load, minGapMs]);

  return { data, at, error, refresh };
}
