'use client';
/**
 * Time playback: loads the stored alarm intervals of the last 24 h / 7 d (GET /api/bigscreen/playback) and
 * advances a clock at the chosen speed; the map and ticker read site states at that instant (pure/replay.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { activeAt, statesAt, type ReplayInterval } from '../../lib/domain/bigscreen/replay.ts';
import type { PlaybackState } from './map/Timeline.tsx';
import { api } from '../_lib/api/client.ts';

const TICK_MS = 250;

export function usePlayback(county: number | null) {
  const [pb, setPb] = useState<PlaybackState | null>(null);
  const [intervals, setIntervals] = useState<ReplayInterval[]>([]);
  const req = useRef(0);

  const start = useCallback(
    async (hours: 24 | 168) => {
      const id = ++req.current;
      const to = Date.now();
      setPb({
        hours,
        from: to - hours * 3600_000,
        to,
        t: to - hours * 3600_000,
        speed: hours === 24 ? 600 : 3600,
        playing: false,
        loading: true,
        count: 0,
      });
      try {
        const d = await api('GET /api/bigscreen/playback', { query: { hours, county: county ?? undefined } });
        if (id !== req.current) return;
        setIntervals(d.intervals);
        setPb((p) => p && { ...p, from: d.from, to: d.to, t: d.from, loading: false, playing: true, count: d.intervals.length });
      } catch {
        if (id === req.current) setPb((p) => p && { ...p, loading: false, playing: false });
      }
    },
    [county],
  );
  const stop = useCallback(() => {
    req.current++;
    setPb(null);
    setIntervals([]);
  }, []);
  const setSpeed = useCallback((speed: number) => setPb((p) => p && { ...p, speed }), []);
  const toggle = useCallback(() => setPb((p) => p && { ...p, playing: !p.playing, t: p.t >= p.to ? p.from : p.t }), []);
  const seek = useCallback((t: number) => setPb((p) => p && { ...p, t: Math.max(p.from, Math.min(p.to, t)) }), []);

  const playing = !!pb?.playing;
  useEffect(() => {
    if (!playing) return;
    const h = setInterval(() => {
      setPb((p) => {
        if (!p || !p.playing) return p;
        const t = Math.min(p.to, p.t + p.speed * TICK_MS);
        return { ...p, t, playing: t < p.to };
      });
    }, TICK_MS);
    return () => clearInterval(h);
  }, [playing]);

  // the county filter changed while replaying: reload that county's alarms
  const hours = pb?.hours;
  useEffect(() => {
    if (hours) void start(hours);
  }, [county]);

  // one minute of replayed time is the finest step the map needs
  const minute = pb ? Math.floor(pb.t / 60_000) : 0;
  const states = useMemo(() => (pb ? statesAt(intervals, minute * 60_000) : null), [pb ? 1 : 0, intervals, minute]);
  const active = useMemo(() => (pb ? activeAt(intervals, minute * 60_000, 30) : []), [pb ? 1 : 0, intervals, minute]);
  return { pb, start, stop, setSpeed, toggle, seek, states, active, intervals };
}
