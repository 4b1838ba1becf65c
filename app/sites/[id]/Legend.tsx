/** The heat legend: the gradient with ticks for the current mode, plus what pulsing, grey and boxes mean. */
import { HEAT_STOPS, legendTicks, NO_DATA_COLOR, type HeatMode } from '../../../lib/twin/heat.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import { tw } from './words.ts';
import s from './twin.module.css';

export function Legend({ lang, mode }: { lang: Lang; mode: HeatMode }) {
  const max = HEAT_STOPS[HEAT_STOPS.length - 1].at;
  const gradient = `linear-gradient(90deg, ${HEAT_STOPS.map((st) => `${st.color} ${(st.at / max) * 100}%`).join(', ')})`;
  return (
    <section className={s.legend} aria-label={tw(lang, 'legend')} data-testid="twin-legend">
      <div className={s.legendTitle}>{tw(lang, mode === 'load' ? 'legendLoad' : 'legendTemp')}</div>
      <div className={s.legendBar} style={{ background: gradient }} />
      <div className={s.legendTicks}>
        {legendTicks(mode, lang).map((tk) => (
          <span key={tk.at} style={{ left: `${(tk.at / max) * 100}%` }}>
            {tk.label}
          </span>
        ))}
      </div>
      <div className={s.legendKeys}>
        <span><i className={s.pulseKey} /> {tw(lang, 'alarmPulse')}</span>
        <span><i style={{ background: NO_DATA_COLOR }} /> {tw(lang, 'noData')}</span>
        <span><i className={s.boxKey} /> {tw(lang, 'panel')}</span>
      </div>
      <p className={s.legendRed} data-testid="twin-legend-red">{tw(lang, mode === 'load' ? 'redMeansLoad' : 'redMeans')}</p>
    </section>
  );
}
