'use client';
/** Figures the map and the ticker derive from the panels' data (memoised, so deck.gl sees stable inputs). */
import { useMemo } from 'react';
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import type { BigscreenSummary } from '../../server/bigscreen/summary.ts';
import type { SiteActivity } from '../../server/bigscreen/site-activity.ts';
import type { ReplayInterval } from '../../lib/domain/bigscreen/replay.ts';
import type { MapSite } from '../../server/queries/sites-for-map.ts';
import type { FeedItem } from './lib/feed.ts';
import type { CountyValue } from './map/BigMap.tsx';

export function useWallData(p: {
  summary: BigscreenSummary | null;
  activity: SiteActivity[] | undefined;
  sites: MapSite[] | null;
  siteById: Map<string, MapSite>;
  county: number | null;
  feed: FeedItem[];
  playbackOn: boolean;
  playbackActive: ReplayInterval[];
}) {
  const { summary, activity, sites, siteById, county, feed, playbackOn, playbackActive } = p;
  const countyValues = useMemo(() => {
    const out: Record<number, CountyValue> = {};
    for (const c of summary?.counties ?? [])
      out[c.adcode] = {
        coverage: summary?.coverage.byCounty[c.adcode]?.share ?? null,
        hazards: c.hazardsOpen,
        sites: c.sites,
        alarms: c.activeAlarms,
      };
    return out;
  }, [summary]);
  const activityPoints = useMemo(
    () =>
      (activity ?? []).flatMap((a) => {
        const s = siteById.get(a.id);
        return s && (!county || s.county === county) ? [{ site: s, risk: a.risk, alarms: a.alarms }] : [];
      }),
    [activity, siteById, county],
  );
  const categories = useMemo(() => [...new Set((sites ?? []).map((x) => x.category))].sort() as SiteCategory[], [sites]);
  // in playback the ticker lists the alarms active at the replayed instant
  const tickerItems = useMemo((): FeedItem[] => {
    if (!playbackOn) return feed;
    return playbackActive.flatMap((a) => {
      const s = siteById.get(a.siteId);
      // active at the replayed instant: not yet cleared, whatever happened later
      return s
        ? [{ ...a, clearedAt: null, siteName: s.name, siteNameEn: s.nameEn, county: s.county, category: s.category, circuitName: null }]
        : [];
    });
  }, [playbackOn, playbackActive, feed, siteById]);
  return { countyValues, activityPoints, categories, tickerItems };
}
