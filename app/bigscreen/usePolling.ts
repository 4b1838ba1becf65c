'use client';
/**
 * Panels' data: fetched from the API every `everyMs` (and on demand), keyed by the URL so a county filter
 * refetches at once. Keeps the last good body while a refresh is in flight or fails (the freshness indicator
 * tells the viewer how old it is).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | null;
  /** epoch ms of the last successful fetch */
  at: number | null;
  error: boolean;
  refresh: () => void;
}

export function usePolling<T>(url: string | null, everyMs: number): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const [error, setError] = useState(false);
  const urlRef = useRef(url);
  urlRef.current = url;
  const inflight = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    const u = urlRef.current;
    if (!u) return;
    inflight.current?.abort();
    const ac = new AbortController();
    inflight.current = ac;
    try {
      const r = await fetch(u, { cache: 'no-store', signal: ac.signal });
      if (r.status === 401) return window.location.assign('/login?next=/bigscreen');
      if (!r.ok) throw new Error(String(r.status));
      const body = (await r.json()) as T;
      if (ac.signal.aborted || urlRef.current !== u) return;
      setData(body);
      setAt(Date.now());
      setError(false);
    } catch {
      if (!ac.signal.aborted) setError(true);
    }
  }, []);

  useEffect(() => {
    if (!url) return;
    void load();
    const t = setInterval(load, everyMs);
    return () => clearInterval(t);
  }, [url, everyMs, load]);

  // a burst of socket events asks for one refresh, not one per event
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void load();
    }, 1500);
  }, [load]);

  return { data, at, error, refresh };
}
