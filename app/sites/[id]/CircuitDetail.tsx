'use client';
/** One circuit: live values per phase, residual current and arcing, its trend, its alarms and what to do. */
import { useEffect, useState } from 'react';
import type { CircuitLatest } from '../../../lib/events/realtime.ts';
import type { TwinAlarm, TwinCircuit } from '../../../lib/twin/types.ts';
import type { Lang } from '../../../lib/i18n/portal.ts';
import { AlarmList } from './AlarmList.tsx';
import { Guidance } from './Guidance.tsx';
import { TrendChart } from './TrendChart.tsx';
import { tw } from './words.ts';
import s from './twin.module.css';
import { api } from '../../_lib/api/client.ts';
import { loadTypeLabel } from '../../../lib/domain/vocabulary/index.ts';

interface Props {
  lang: Lang;
  siteId: string;
  circuit: TwinCircuit;
  buildingName: string;
  panelName: string;
  latest: CircuitLatest | undefined;
  tick: number;
  color: string;
  activeAlarms: TwinAlarm[];
}

const f1 = (v: number | undefined, unit: string) => (v == null ? '—' : `${v.toFixed(1)} ${unit}`);

export function CircuitDetail(p: Props) {
  const { lang, circuit: c, latest: l } = p;
  const t = (k: Parameters<typeof tw>[1]) => tw(lang, k);
  const [alarms, setAlarms] = useState<{ active: TwinAlarm[]; past: TwinAlarm[] } | null>(null);
  const activeKey = p.activeAlarms.map((a) => `${a.id}:${a.severity}`).join(',');
  useEffect(() => {
    const ac = new AbortController();
    api('GET /api/sites/:id/circuits/:circuitId/alarms', { params: { id: p.siteId, circuitId: c.id }, signal: ac.signal }).then(
      (d) => setAlarms({ active: d.active, past: d.past }),
      () => {},
    );
    return () => ac.abort();
  }, [p.siteId, c.id, activeKey]);

  const active = alarms ? mergeActive(alarms.active, p.activeAlarms) : p.activeAlarms;
  const phases: [string, number | undefined, number | undefined][] =
    c.phases === 3 ? [['A', l?.ia, l?.ta], ['B', l?.ib, l?.tb], ['C', l?.ic, l?.tc], [t('neutral'), undefined, l?.tn]] : [['L', l?.ia, l?.ta], [t('neutral'), undefined, l?.tn]];
  const ageS = l ? Math.max(0, Math.round((Date.now() - l.ts) / 1000)) : null;
  const guideType = active[0]?.type ?? alarms?.past[0]?.type;

  return (
    <section data-testid="twin-circuit-detail" data-circuit={c.id} data-alarm={active.length > 0 ? active[0].type : ''}>
      <h2 className={s.sideTitle}>
        <i className={s.swatch} style={{ background: p.color }} /> {lang === 'en' ? c.nameEn : c.nameZh}
      </h2>
      <p className={s.muted}>
        {p.buildingName} · {p.panelName} · {t('device')} {c.deviceId}/{c.ch}
      </p>
      <table className={s.values} data-testid="twin-values">
        <thead>
          <tr>
            <th>{t('phase')}</th>
            <th>{t('current')}</th>
            <th>{t('temp')}</th>
          </tr>
        </thead>
        <tbody>
          {phases.map(([ph, i, temp]) => (
            <tr key={ph}>
              <th>{ph}</th>
              <td className={s.num}>{ph === t('neutral') ? '' : f1(i, 'A')}</td>
              <td className={s.num} data-hot={temp != null && temp >= c.maxConductorC * 0.8 ? '1' : undefined}>{f1(temp, '°C')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className={s.facts}>
        <dt>{t('residual')}</dt>
        <dd className={s.num} data-testid="twin-ir">{l?.ir == null ? '—' : `${l.ir.toFixed(0)} mA`} <small>/ {c.residualSetMa} mA</small></dd>
        <dt>{t('arc')}</dt>
        <dd className={s.num}>{l?.arc ?? '—'}</dd>
        <dt>{t('updated')}</dt>
        <dd data-testid="twin-updated" data-ts={l?.ts ?? ''}>{ageS == null ? '—' : ageS < 120 ? `${ageS} ${t('seconds')}${lang === 'en' ? ' ' : ''}${t('ago')}` : `${Math.round(ageS / 60)} ${t('minutes')}${lang === 'en' ? ' ' : ''}${t('ago')}`}</dd>
        <dt>{t('rated')}</dt>
        <dd className={s.num}>{c.ratedCurrentA} A · {c.phases === 3 ? '3~' : '1~'}</dd>
        <dt>{t('limit')}</dt>
        <dd className={s.num}>{c.maxConductorC} °C · {c.insulation}</dd>
        <dt>{t('cable')}</dt>
        <dd className={s.num}>{c.cableMm2} mm² · {loadTypeLabel(c.loadType, lang)}</dd>
      </dl>
      <AlarmList lang={lang} active={active} past={alarms?.past ?? []} />
      {guideType && <Guidance lang={lang} type={guideType} emphasised={active.length > 0} />}
      <TrendChart lang={lang} siteId={p.siteId} circuit={c} />
    </section>
  );
}

function mergeActive(fetched: TwinAlarm[], live: TwinAlarm[]): TwinAlarm[] {
  const m = new Map(fetched.map((a) => [a.id, a]));
  for (const a of live) m.set(a.id, a);
  return [...m.values()].filter((a) => a.clearedAt == null).sort((a, b) => b.openedAt - a.openedAt);
}
