'use client';
/** Map toolbar: layer toggles and the county theme (top left); sound, voice, language (top right). */
import { tr } from '../../../lib/i18n/portal.ts';
import type { Lang } from '../lib/format.ts';
import type { Word } from '../lib/words.ts';
import type { Choro } from './BigMap.tsx';
import s from './overlay.module.css';

export interface LayerState {
  sites: boolean;
  bySector: boolean;
  density: boolean;
  columns: boolean;
  choro: Choro;
}

export function LayerToggles({ layers, setLayers, t }: { layers: LayerState; setLayers: (l: LayerState) => void; t: (k: Word) => string }) {
  const flip = (k: 'sites' | 'bySector' | 'density' | 'columns') => setLayers({ ...layers, [k]: !layers[k] });
  const choro = (c: Choro) => setLayers({ ...layers, choro: layers.choro === c ? 'none' : c });
  return (
    <div className={`${s.box} ${s.layers}`} role="group" aria-label={t('layers')} data-testid="layer-toggles">
      <button type="button" aria-pressed={layers.sites} onClick={() => flip('sites')} data-testid="layer-sites">
        ● {t('layerSites')}
      </button>
      <button
        type="button"
        aria-pressed={layers.bySector}
        onClick={() => flip('bySector')}
        disabled={!layers.sites}
        data-testid="layer-bysector"
      >
        ◐ {t('layerBySector')}
      </button>
      <button type="button" aria-pressed={layers.density} onClick={() => flip('density')} data-testid="layer-density">
        ⬢ {t('layerDensity')}
      </button>
      <button type="button" aria-pressed={layers.columns} onClick={() => flip('columns')} data-testid="layer-columns">
        ▮ {t('layerColumns')}
      </button>
      <span className={s.sep} />
      <button type="button" aria-pressed={layers.choro === 'coverage'} onClick={() => choro('coverage')} data-testid="choro-coverage">
        ▦ {t('choroCoverage')}
      </button>
      <button type="button" aria-pressed={layers.choro === 'hazards'} onClick={() => choro('hazards')} data-testid="choro-hazards">
        ▦ {t('choroHazards')}
      </button>
    </div>
  );
}

export function WallSwitches(p: {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (k: Word) => string;
  sound: boolean;
  onSound: () => void;
  speech: boolean;
  onSpeech: () => void;
}) {
  const { t } = p;
  return (
    <div className={`${s.box} ${s.switches}`} role="group">
      <button type="button" aria-pressed={p.sound} onClick={p.onSound} data-testid="sound-toggle">
        {p.sound ? '🔊' : '🔇'} {p.sound ? t('soundOn') : t('sound')}
      </button>
      <button type="button" aria-pressed={p.speech} onClick={p.onSpeech} disabled={!p.sound}>
        🗣 {t('speech')}
      </button>
      <button
        type="button"
        onClick={() => p.setLang(p.lang === 'en' ? 'zh' : 'en')}
        aria-label={tr(p.lang, 'langToggleLabel')}
        data-testid="lang-toggle"
      >
        {tr(p.lang, 'langToggle')}
      </button>
    </div>
  );
}
