import { describe, expect, it } from 'vitest';
import { activeFirst, feedLevel, mergeFeed, type FeedItem } from '../../../app/bigscreen/lib/feed.ts';
import { bboxOf, matchByAdcode } from '../../../app/bigscreen/map/geo.ts';

const item = (id: number, openedAt: number, over: Partial<FeedItem> = {}): FeedItem => ({
  id,
  siteId: `S${id}`,
  siteName: `单位${id}`,
  county: 540302,
  category: 'temple',
  type: 'overload',
  severity: 'alarm',
  openedAt,
  clearedAt: null,
  circuitName: null,
  ...over,
});

describe('alarm feed', () => {
  it('socket events merge into the server list, newest first, once per alarm', () => {
    const server = [item(1, 100), item(2, 200)];
    const live = [item(3, 300), item(2, 200, { clearedAt: 250 })];
    const f = mergeFeed(server, live);
    expect(f.map((x) => x.id)).toEqual([3, 2, 1]);
    expect(f[1].clearedAt).toBe(250);
  });
  it('keeps the English name the server sent when a socket event updates the alarm', () => {
    const f = mergeFeed([item(1, 100, { siteNameEn: 'Temple 1' })], [item(1, 100, { severity: 'critical' })]);
    expect(f[0]).toMatchObject({ severity: 'critical', siteNameEn: 'Temple 1' });
  });
  it('the live list shows active hazards, most severe first; faults stay out', () => {
    const xs = [
      item(1, 100, { severity: 'warning' }),
      item(2, 50, { severity: 'critical' }),
      item(3, 300, { clearedAt: 310 }),
      item(4, 400, { type: 'device_offline' }),
    ];
    expect(activeFirst(xs, 5).map((x) => x.id)).toEqual([2, 1]);
    expect(feedLevel(xs[3])).toBe('fault');
    expect(feedLevel(xs[1])).toBe('critical');
  });
});

describe('map geometry', () => {
  it('bounding box of a multipolygon', () => {
    expect(
      bboxOf({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [97, 31],
              [98, 31],
              [98, 32],
              [97, 31],
            ],
          ],
          [
            [
              [96, 30],
              [96.5, 30],
              [96, 30.5],
              [96, 30],
            ],
          ],
        ],
      }),
    ).toEqual([
      [96, 30],
      [98, 32],
    ]);
  });
  it('choropleth expression by adcode, transparent elsewhere', () => {
    expect(matchByAdcode({ 540302: '#111' })).toEqual(['match', ['to-number', ['get', 'adcode']], 540302, '#111', 'rgba(0,0,0,0)']);
    expect(matchByAdcode({})).toBe('rgba(0,0,0,0)');
  });
});
