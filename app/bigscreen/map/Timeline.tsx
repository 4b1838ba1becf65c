'use client';
/** The playback bar at the foot of the map: live ↔ replay of the last 24 h / 7 d, speed, play/pause, scrubber. */
import { PLAYBACK_SPEEDS } from '../../../lib/domain/bigscreen/replay.ts';
import { beijingMinute, type Lang } from '../lib/format.ts';
import { words, type Word } from '../lib/words.ts';
import o from './overlay.module.css';
import s from './popups.module.css';

export interface PlaybackState {
  hours: 24 | 168;
  from: number;
  to: number;
  t: number;
  speed: number;
  playing: boolean;
  loading: boolean;
  count: number;
}

export function Timeline(p: {
  pb: PlaybackState | null;
  lang: Lang;
  t: (k: Word) => string;
  start: (hours: 24 | 168) => void;
  stop: () => void;
  setSpeed: (s: number) => void;
  toggle: () => void;
  seek: (t: number) => void;
}) {
  const { pb, t } = p;
  const en = p.lang === 'en';
  return (
    <div className={`${o.box} ${s.timeline}`} data-testid="timeline" data-mode={pb ? 'playback' : 'live'}>
      <div className={s.seg2} role="group" aria-label={t('playback')}>
        <button type="button" aria-pressed={!pb} onClick={p.stop} data-testid="go-live">
          ● {t('live')}
        </button>
        <button type="button" aria-pressed={pb?.hours === 24} onClick={() => p.start(24)} data-testid="playback-24h">
          ⟲ {t('last24h')}
        </button>
        <button type="button" aria-pressed={pb?.hours === 168} onClick={() => p.start(168)} data-testid="playback-7d">
          ⟲ {t('last7d')}
        </button>
      </div>
      {pb && (
        <>
          <button
            type="button"
            className={s.play}
            onClick={p.toggle}
            aria-label={pb.playing ? t('pause') : t('play')}
            data-testid="playback-toggle"
          >
            {pb.playing ? '❚❚' : '▶'}
          </button>
          <div className={s.seg2} role="group" aria-label={t('speed')}>
            {PLAYBACK_SPEEDS.map((v) => (
              <button key={v} type="button" aria-pressed={pb.speed === v} onClick={() => p.setSpeed(v)}>
                {v}×
              </button>
            ))}
          </div>
          <input
            className={s.scrub}
            type="range"
            min={pb.from}
            max={pb.to}
            step={60_000}
            value={pb.t}
            onChange={(e) => p.seek(Number(e.target.value))}
            aria-label={t('playbackTime')}
            data-testid="playback-scrub"
          />
          <span className={s.pbMeta}>{pb.loading ? t('loading') : en ? `${pb.count} alarms` : `${pb.count} 条报警`}</span>
        </>
      )}
      {!pb && <span className={s.pbHint}>{t('playbackOffer')}</span>}
    </div>
  );
}

/** The unmistakable mode label on the map */
export function ModeBanner({ pb, lang }: { pb: PlaybackState | null; lang: Lang }) {
  if (!pb) return null;
  return (
    <div className={s.banner} data-testid="mode-banner" data-mode="playback" data-t={pb.t}>
      <b>回放 PLAYBACK</b> <span>{beijingMinute(pb.t)}</span>
      <small>
        {words(lang)('playbackNote')}
      </small>
    </div>
  );
}
