'use client';
/**
 * Live alarm events: the feed (list + ticker), the pop-ups (10 s each, at most 3) and the pulse rings on the
 * map. The server's ticker answer is merged in; socket events show on the next second tick, with everything
 * else the wall changes in that second (one frame, lib/secondTick.ts).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AlarmEventPayload } from '../../lib/events/realtime.ts';
import type { TickerItem } from '../../server/bigscreen/ticker.ts';
import { SITE_STATUS_INFO } from '../../lib/domain/vocabulary/index.ts';
import { fromEvent, mergeFeed, type FeedItem } from './lib/feed.ts';
import { atNextSecond } from './lib/secondTick.ts';
import { hexToRgba } from './map/colors.ts';
import { PULSE_MS, PULSE_REPEAT, type Pulse } from './map/layers.ts';

const POPUP_MS = 10_000;

export function useAlarmFeed(serverTicker: TickerItem[] | undefined, county: number | null) {
  const [live, setLive] = useState<FeedItem[]>([]);
  const [popups, setPopups] = useState<FeedItem[]>([]);
  const [pulses, setPulses] = useState<Pulse[]>([]);

  const addPulse = useCallback((id: string, lon: number, lat: number, severity: keyof typeof SITE_STATUS_INFO) => {
    const c = hexToRgba(SITE_STATUS_INFO[severity].colour);
    const p: Pulse = { id: `${id}-${Date.now()}`, lon, lat, colour: [c[0], c[1], c[2]], start: Date.now() };
    atNextSecond(() => setPulses((xs) => [...xs.slice(-5), p]));
    // the ring is invisible once its animation ends; the element goes with a later second's frame
    setTimeout(() => atNextSecond(() => setPulses((xs) => xs.filter((x) => x !== p))), PULSE_MS * PULSE_REPEAT + 1100);
  }, []);

  const countyRef = useRef(county);
  countyRef.current = county;
  /** returns the feed item when the event is news (opened or escalated) inside the current filter */
  const onAlarm = useCallback((a: AlarmEventPayload): FeedItem | null => {
    if (countyRef.current != null && a.countyAdcode !== countyRef.current) return null;
    const item = fromEvent(a);
    atNextSecond(() => setLive((xs) => [item, ...xs.filter((x) => x.id !== item.id)].slice(0, 60)));
    if (a.change !== 'opened' && a.change !== 'escalated') return null;
    // device and sensor faults go to the feed, not to the pop-ups and the loudspeaker: they are maintenance, not hazards
    if (a.type === 'device_offline' || a.type === 'sensor_fault') return null;
    atNextSecond(() => setPopups((xs) => [item, ...xs.filter((x) => x.id !== item.id)].slice(0, 3)));
    setTimeout(() => atNextSecond(() => setPopups((xs) => xs.filter((x) => x.id !== item.id))), POPUP_MS);
    return item;
  }, []);

  const clear = useCallback(() => setLive([]), []);
  // the county filter applies to what the socket brought before it was chosen, too
  const feed = useMemo(
    () => mergeFeed((serverTicker ?? []) as FeedItem[], county == null ? live : live.filter((x) => x.county === county), 30),
    [serverTicker, live, county],
  );
  return { feed, popups, pulses, addPulse, onAlarm, clear };
}
