/**
 * What shows until the first 3D frame: the site's name, the steps with a progress bar, and — as soon as the
 * data is in — the footprints north-up, so the way in from the map keeps its geography (map footprint → this
 * plan → the 3D scene starting from straight above).
 */
import type { TwinData } from '../../../lib/twin/types.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import { Footprints } from './Footprints.tsx';
import { tw } from './words.ts';
import s from './twin.module.css';

export type LoadStage = 'fetch' | 'build' | 'frame' | 'ready';
const STEPS = ['fetch', 'build', 'frame'] as const;
const PCT: Record<LoadStage, number> = { fetch: 15, build: 55, frame: 85, ready: 100 };
const NONE = new Set<number>();

export function Loading({ lang, name, stage, data }: { lang: Lang; name: string; stage: LoadStage; data: TwinData | null }) {
  const at = STEPS.indexOf(stage as (typeof STEPS)[number]);
  const label = { fetch: tw(lang, 'stepFetch'), build: tw(lang, 'stepBuild'), frame: tw(lang, 'stepFrame') };
  const counts = data ? (lang === 'en' ? ` · ${data.buildings.length} buildings, ${data.circuits.length} circuits` : ` · ${data.buildings.length} 栋建筑、${data.circuits.length} 条回路`) : '';
  return (
    <div className={s.loader} role="status" aria-live="polite" data-testid="twin-loading" data-stage={stage}>
      {data && data.buildings.length > 0 && (
        <div className={s.loaderPlan} aria-hidden>
          <Footprints buildings={data.buildings} hot={NONE} lang={lang} labels />
        </div>
      )}
      <div className={s.loaderCard}>
        <div className={s.loaderTitle}>
          {tw(lang, 'entering')} <b>{name}</b>
        </div>
        <div className={s.progress}>
          <i style={{ width: `${PCT[stage]}%` }} />
        </div>
        <ol className={s.steps}>
          {STEPS.map((k, i) => (
            <li key={k} data-state={i < at ? 'done' : i === at ? 'active' : 'todo'}>
              {label[k]}
              {k === 'fetch' && i < at ? counts : ''}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
