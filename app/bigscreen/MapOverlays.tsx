'use client';
/** Everything floating on the map: toolbars, legend, county filter chip, mode banner, pop-ups, card, timeline. */
import type { SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import type { MapSite } from '../../server/queries/sites-for-map.ts';
import { countyName } from '../map/county-names.ts';
import type { FeedItem } from './lib/feed.ts';
import type { Lang } from './lib/format.ts';
import type { Word } from './lib/words.ts';
import { AlertStack } from './map/AlertStack.tsx';
import { Legend } from './map/Legend.tsx';
import { LayerToggles, WallSwitches, type LayerState } from './map/MapControls.tsx';
import { SiteCard } from './map/SiteCard.tsx';
import { ModeBanner, Timeline } from './map/Timeline.tsx';
import type { useAttention } from './useAttention.ts';
import type { usePlayback } from './usePlayback.ts';
import s from './map/overlay.module.css';

export function MapOverlays(p: {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (k: Word) => string;
  layers: LayerState;
  setLayers: (l: LayerState) => void;
  counts: Record<SiteStatus, number>;
  hidden: ReadonlySet<string>;
  setHidden: (h: ReadonlySet<string>) => void;
  categories: SiteCategory[];
  maxHazards: number;
  county: number | null;
  clearCounty: () => void;
  selected: MapSite | null;
  openTwin: (s: MapSite) => void;
  selectedStatus: SiteStatus | null;
  version: number;
  closeCard: () => void;
  popups: FeedItem[];
  pickSiteId: (id: string) => void;
  attention: ReturnType<typeof useAttention>;
  playback: ReturnType<typeof usePlayback>;
}) {
  const { t, lang, playback: pb } = p;
  return (
    <>
      <LayerToggles layers={p.layers} setLayers={p.setLayers} t={t} />
      <WallSwitches
        lang={lang}
        setLang={p.setLang}
        t={t}
        sound={p.attention.sound}
        onSound={p.attention.toggleSound}
        speech={p.attention.speech}
        onSpeech={p.attention.toggleSpeech}
      />
      <div className={s.topCentre}>
        <ModeBanner pb={pb.pb} lang={lang} />
        {p.county && (
          <div className={s.countyChip} data-testid="county-chip" data-county={p.county}>
            {t('filtered')}：<b>{countyName(p.county, lang)}</b>
            <button type="button" onClick={p.clearCounty} data-testid="county-clear">
              {t('backToAll')} ✕
            </button>
          </div>
        )}
      </div>
      <AlertStack items={p.popups} lang={lang} t={t} onPick={p.pickSiteId} />
      <Legend
        counts={p.counts}
        hidden={p.hidden}
        setHidden={p.setHidden}
        categories={p.categories}
        choro={p.layers.choro}
        maxHazards={p.maxHazards}
        lang={lang}
        t={t}
      />
      {p.selected && p.selectedStatus && (
        <SiteCard
          key={p.selected.id}
          site={p.selected}
          status={p.selectedStatus}
          version={p.version}
          lang={lang}
          t={t}
          onClose={p.closeCard}
          onOpenTwin={() => p.openTwin(p.selected!)}
        />
      )}
      <Timeline pb={pb.pb} lang={lang} t={t} start={pb.start} stop={pb.stop} setSpeed={pb.setSpeed} toggle={pb.toggle} seek={pb.seek} />
    </>
  );
}
