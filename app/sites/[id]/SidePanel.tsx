'use client';
/** The right-hand panel: the site summary with circuits in alarm, or the picked circuit's or panel's detail. */
import type { CircuitLatest } from '../../../lib/events/realtime.ts';
import type { TwinAlarm, TwinData } from '../../../lib/twin/types.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import { CircuitDetail } from './CircuitDetail.tsx';
import type { Pick } from './scene/engine.ts';
import { tw } from './words.ts';
import { alarmTypeLabel, severityLabel } from '../../../lib/domain/vocabulary/index.ts';
import s from './twin.module.css';

interface Props {
  lang: Lang;
  data: TwinData;
  pick: Pick;
  setPick: (p: Pick, fly?: boolean) => void;
  alarms: Map<number, TwinAlarm>;
  latest: Map<number, CircuitLatest>;
  tick: number;
  colorOf: (circuitId: number) => string;
}

export function SidePanel(p: Props) {
  const { lang, data, pick } = p;
  const t = (k: Parameters<typeof tw>[1]) => tw(lang, k);
  const circuit = pick?.kind === 'circuit' ? data.circuits.find((c) => c.id === pick.id) : undefined;
  const panel = pick?.kind === 'panel' ? data.panels.find((x) => x.id === pick.id) : undefined;
  const buildingName = (id: number | null) => {
    const b = data.buildings.find((x) => x.id === id);
    return b ? (lang === 'en' ? b.nameEn : b.nameZh) : '';
  };
  const name = (c: { nameZh: string; nameEn: string }) => (lang === 'en' ? c.nameEn : c.nameZh);
  const active = [...p.alarms.values()].filter((a) => a.circuitId != null).sort((a, b) => b.openedAt - a.openedAt);

  return (
    <aside className={s.side} data-testid="twin-side" data-open={pick ? '1' : '0'}>
      {pick && (
        <button className={s.closeBtn} onClick={() => p.setPick(null)} aria-label={t('close')}>
          ×
        </button>
      )}
      {circuit && (
        <CircuitDetail
          key={circuit.id}
          lang={lang}
          siteId={data.site.id}
          circuit={circuit}
          buildingName={buildingName(circuit.buildingId)}
          panelName={data.panels.find((x) => x.id === circuit.panelId)?.name ?? ''}
          latest={p.latest.get(circuit.id)}
          tick={p.tick}
          color={p.colorOf(circuit.id)}
          activeAlarms={active.filter((a) => a.circuitId === circuit.id)}
        />
      )}
      {panel && (
        <section data-testid="twin-panel-detail">
          <h2 className={s.sideTitle}>
            <span className={s.boxIcon} /> {panel.name}
          </h2>
          <p className={s.muted}>{buildingName(panel.buildingId)} · {panel.floor + 1}F</p>
          <h3>{t('circuitsOfPanel')}</h3>
          <ul className={s.list}>
            {data.circuits.filter((c) => c.panelId === panel.id).map((c) => {
              const l = p.latest.get(c.id);
              const temp = l ? Math.max(...[l.ta, l.tb, l.tc, l.tn].filter((v): v is number => v != null)) : NaN;
              return (
                <li key={c.id}>
                  <button className={s.listBtn} onClick={() => p.setPick({ kind: 'circuit', id: c.id }, true)}>
                    <i className={s.swatch} style={{ background: p.colorOf(c.id) }} />
                    <span>{name(c)}</span>
                    <span className={s.num}>{Number.isFinite(temp) ? `${temp.toFixed(1)} °C` : '—'}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {!pick && (
        <section data-testid="twin-summary">
          <h2 className={s.sideTitle}>{lang === 'en' ? data.site.nameEn : data.site.nameZh}</h2>
          <p className={s.muted}>
            {data.buildings.length} {t('buildingsN')} · {data.circuits.length} {t('circuits')} · {data.panels.length} {t('panelsN')}
          </p>
          <p className={s.hint}>{t('hint')}</p>
          <h3>{t('alarmCircuits')}</h3>
          {active.length === 0 && <p className={s.muted}>✓ {t('noAlarms')}</p>}
          <ul className={s.list}>
            {active.slice(0, 30).map((a) => {
              const c = data.circuits.find((x) => x.id === a.circuitId);
              return (
                <li key={a.id}>
                  <button className={s.listBtn} onClick={() => a.circuitId != null && p.setPick({ kind: 'circuit', id: a.circuitId }, true)} data-testid="twin-alarm-item">
                    <i className={s.sevBadge} data-sev={a.severity}>{severityLabel(a.severity, lang)}</i>
                    <span>
                      {c ? `${buildingName(c.buildingId)} · ${name(c)}` : a.deviceId}
                      <small>{alarmTypeLabel(a.type, lang)}</small>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </aside>
  );
}
