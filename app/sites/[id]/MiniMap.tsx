/** The 2D inset: the site's footprints north-up, buildings with alarms in red, with a north mark and a scale. */
import { memo, useMemo } from 'react';
import type { TwinAlarm, TwinData } from '../../../lib/twin/types.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import { tw } from './words.ts';
import { Footprints, scaleBarM } from './Footprints.tsx';
import s from './twin.module.css';

/** Buildings that hold a circuit with an active alarm. */
export function hotBuildings(data: TwinData, alarms: Map<number, TwinAlarm>): Set<number> {
  const circuitBuilding = new Map(data.circuits.map((c) => [c.id, c.buildingId]));
  const out = new Set<number>();
  for (const a of alarms.values()) {
    const b = a.circuitId != null ? circuitBuilding.get(a.circuitId) : undefined;
    if (b != null) out.add(b);
  }
  return out;
}

// memo: the page re-renders on every live update, the inset only when alarms or the language change
export const MiniMap = memo(function MiniMap({ data, alarms, lang }: { data: TwinData; alarms: Map<number, TwinAlarm>; lang: Lang }) {
  const hot = useMemo(() => hotBuildings(data, alarms), [data, alarms]);
  return (
    <figure className={s.minimap} aria-label={tw(lang, 'sitePlan')}>
      <Footprints buildings={data.buildings} hot={hot} lang={lang} />
      <figcaption>
        <span className={s.miniNorth}>▲ {tw(lang, 'north')}</span>
        <span>{scaleBarM(data.buildings)} m</span>
      </figcaption>
    </figure>
  );
});
